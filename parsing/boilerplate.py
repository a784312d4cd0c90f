"""Site furniture that leaks into a page's main text: navigation, breadcrumbs, 简体|繁体 toggles,
share bars, 打印/关闭 lines and footers (政府网站标识码, ICP). Only short lines are dropped, so a body
sentence that mentions 打印 or 版权 survives, and a line that carries a date (the 发布时间 line above
the body) always stays."""

import re

# Lines of site furniture that leak into containers or the density pick. Only short lines are
# dropped, so a body sentence that mentions 打印 or 版权 survives.
_BOILERPLATE = re.compile(
    r"政府网站标识码|ICP备|ICP证|公网安备|网安备|版权所有|主办单位|承办单位|技术支持|网站地图|联系我们|设为首页|"
    r"加入收藏|简体|繁体|繁體|无障碍|长者模式|关怀版|分享到|扫一扫|打印本页|上一篇|下一篇|相关链接|相关文章|"
    r"Produced By|浏览次数|访问量|点击数|点击率|字体[:]?\s*[\[【大]|字号[:]?\s*(?:[\[【大小]|$)|视力保护色|"
    r"^[\s\[【]*(?:打印|关闭|返回顶部|返回|收藏|纠错)[\]】\s]*$"
)
_BREADCRUMB = re.compile(
    r"^\s*(?:当前位置|您的位置|您现在的位置|你的位置|您当前的位置|当前所在位置|所在位置)"
)
_CRUMB_SEP = re.compile(r"[>»›]")
_DATED = re.compile(r"(?:19|20)\d\d[-/.年]\d{1,2}")


def strip_boilerplate(text: str) -> str:
    kept = []
    for line in text.split("\n"):
        short = len(line) < 80 and not _DATED.search(line)  # a date line above the body stays
        if short and (_BOILERPLATE.search(line) or _BREADCRUMB.match(line)):
            continue
        if short and len(_CRUMB_SEP.findall(line)) >= 2:
            continue
        kept.append(line)
    return "\n".join(kept)
