"""Pages per second on one core: the full `parse_page` (text, metadata, region, classification,
sections, metric facts) against trafilatura's bare main-text extraction of the same HTML pages, in
the same run.

    .venv/bin/python bench/parse_speed.py [--repeat 3] [--corpus ../shared/corpus]

Pages: every corpus and seed text wrapped in portal templates written for this benchmark (a TRS
article with meta tags and an info table, a Hanweb article with ContentStart/ContentEnd markers, a
gkmlpt page whose body sits in `window._CONFIG.DETAIL`, and an unknown template with long
navigation). trafilatura is an optional extra: `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NAV = "".join(f'<li><a href="/col/col{i}/index.html">栏目{i}</a></li>' for i in range(40))
FOOTER = (
    '<div class="footer">主办:某某人民政府办公室 政府网站标识码:{code} 某ICP备00000000号 '
    '公网安备00000000000000号 <a href="/sitemap.html">网站地图</a> <a href="/lxwm.html">联系我们</a></div>'
)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line.strip())


def trs(title: str, text: str, date: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}_政务公开</title>
<meta name="SiteName" content="某某人民政府"><meta name="SiteIDCode" content="4400000001">
<meta name="ArticleTitle" content="{html.escape(title)}"><meta name="PubDate" content="{date} 10:00">
<meta name="ContentSource" content="司法局"><meta name="ColumnName" content="法治政府建设年度报告">
<link rel="stylesheet" href="/css/a.css"><script src="/js/jquery.js"></script></head><body>
<div class="head"><ul class="nav">{NAV}</ul><span>简体</span>|<span>繁体</span></div>
<div class="crumb">当前位置:<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年度报告</div>
<table class="xxgk_table"><tr><td>索引号:</td><td>000000000/2024-00001</td><td>分类:</td><td>综合</td></tr>
<tr><td>发布机构:</td><td>某某司法局</td><td>发布日期:</td><td>{date}</td></tr></table>
<h1>{html.escape(title)}</h1><div class="info">发布时间:{date} 【打印】【关闭】</div>
<div class="TRS_Editor">{_paragraphs(text)}</div>
<div class="share">分享到:</div>{FOOTER.format(code="4400000001")}
<script>var x = 1; function f() {{ return x; }}</script></body></html>"""


def hanweb(title: str, text: str, date: str) -> str:
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{html.escape(title)}</title><meta content="{html.escape(title)}" name="ArticleTitle">
<meta content="{date} 09:30" name="PubDate"><meta name="Generator" content="大汉版通"></head><body>
<div class="top"><ul>{NAV}</ul></div><div class="main"><div class="left"><ul>{NAV}</ul></div>
<div class="right"><div class="title">{html.escape(title)}</div>
<div>日期:{date} 浏览次数:<span>12</span></div>
<div id="zoom"><!--<$[信息内容]>begin--><META name=ContentStart>{_paragraphs(text)}<META name=ContentEnd>
<!--<$[信息内容]>end--></div></div></div>{FOOTER.format(code="3300000001")}
<a href="http://www.hanweb.com" style="display:none">Produced By 大汉网络 大汉版通发布系统</a>
</body></html>"""


def gkmlpt(title: str, text: str, date: str) -> str:
    detail = {
        "id": 1234567,
        "title": title,
        "content": _paragraphs(text),
        "identifier": "1144/2024-00001",
        "document_number": "",
        "publisher": "某某司法局",
        "first_publish_time": 1711929600,
    }
    return f"""<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<script>window._CONFIG = {{SID: '755001', DETAIL: {json.dumps(detail, ensure_ascii=False)}}};</script>
</head><body><div id="app"><div class="nav"><ul>{NAV}</ul></div>
<table><tr><td>索引号:</td><td>1144/2024-00001</td><td>发布日期:</td><td>{date}</td></tr>
<tr><td>名称:</td><td colspan="3">{html.escape(title)}</td></tr></table>
<div class="article-content">{_paragraphs(text)}</div></div>{FOOTER.format(code="4403000001")}
</body></html>"""


def unknown(title: str, text: str, date: str) -> str:
    body = "<br>\n".join(html.escape(line) for line in text.split("\n"))
    return f"""<html><head><title>{html.escape(title)} - 某某网</title></head><body>
<div class="menu"><ul>{NAV}</ul></div><div class="wrapper"><div class="l"><ul>{NAV}</ul></div>
<div class="r"><div class="t">{html.escape(title)}</div><div class="d">{date}</div>
<div class="txt">{body}</div></div></div><div class="links">友情链接 {NAV}</div>
{FOOTER.format(code="5100000001")}</body></html>"""


TEMPLATES = (trs, hanweb, gkmlpt, unknown)


def build_pages(corpus: Path) -> list[str]:
    pages = []
    for name in ("dev.jsonl", "seeds_gold.jsonl"):
        path = corpus / name
        if not path.exists():
            continue
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            title = row.get("title") or "某某2023年度法治政府建设情况报告"
            date = row.get("publish_date") or "2024-03-01"
            pages.append(TEMPLATES[i % len(TEMPLATES)](title, row["text"], date))
    return pages


def rate(fn, pages: list[str], repeat: int) -> float:
    best = None
    for _ in range(repeat):
        start = time.process_time()
        for page in pages:
            fn(page)
        elapsed = time.process_time() - start
        best = elapsed if best is None else min(best, elapsed)
    return len(pages) / best if best else float("inf")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    pages = build_pages(args.corpus)
    if not pages:
        sys.exit(f"no corpus found under {args.corpus}")
    data = [p.encode("utf-8") for p in pages]
    from parsing.page import parse_page

    parse_page(data[0])  # build the OpenCC converter and the area index outside the timing
    mean = sum(map(len, data)) // len(data)
    print(f"pages: {len(pages)} (mean {mean} bytes), best of {args.repeat}, CPU time")
    ours = rate(lambda p: parse_page(p, content_type="text/html"), data, args.repeat)
    print(f"fazhi parse_page (full parse):          {ours:8.1f} pages/s")
    try:
        import trafilatura
    except ImportError as exc:
        print(f"trafilatura is not installed ({exc}); install the bench extra: pip install -e '.[bench]'")
        return
    bare = rate(lambda p: trafilatura.bare_extraction(p, with_metadata=False), pages, args.repeat)
    text = rate(lambda p: trafilatura.extract(p), pages, args.repeat)
    print(f"trafilatura.bare_extraction (text):     {bare:8.1f} pages/s")
    print(f"trafilatura.extract (text):             {text:8.1f} pages/s")
    print(f"ratio fazhi / bare_extraction:          {ours / bare:8.2f}x")
    print(f"ratio fazhi / extract:                  {ours / text:8.2f}x")


if __name__ == "__main__":
    main()
