"""Sample report pages written for the parsing tests (invented wording; no corpus sentences)."""

from __future__ import annotations

REPORT_BODY = (
    "2024年,在市委、市政府的正确领导下,我县坚持依法行政,统筹推进各项工作,法治政府建设迈出新步伐。"
    "现将我县2024年度法治政府建设情况报告如下:\n"
    "一、主要举措和成效\n"
    "(一)健全依法决策机制。全年提交县政府常务会议审议的重大事项均经过合法性审查。\n"
    "(二)强化行政复议工作。2024年,全县共收到行政复议申请42件,依法受理39件,审结35件。\n"
    "二、存在的不足\n"
    "基层执法力量仍然薄弱,执法人员业务能力有待提升。\n"
    "三、下一步工作安排\n"
    "2025年,我县将继续深化依法行政,加强执法队伍培训。"
)

TITLE = "德庆县人民政府关于2024年度法治政府建设情况的报告"


def trs_page(title: str = TITLE, body: str = REPORT_BODY, *, meta_order_reversed: bool = False) -> str:
    """A TRS-style article page: meta tags, navigation, breadcrumb, info table, body, footer."""
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body.split("\n"))
    if meta_order_reversed:
        metas = (
            f'<meta content="{title}" name="ArticleTitle">\n'
            '<meta content="2025-02-14 09:30"  name="PubDate">\n'
            '<meta content="4412260001" name="SiteIDCode">\n'
            '<meta content="" name="ContentSource">\n'
        )
    else:
        metas = (
            f'<meta name="ArticleTitle" content="{title}">\n'
            '<meta name="PubDate" content="2025-02-14 09:30">\n'
            '<meta name="SiteIDCode" content="4412260001">\n'
            '<meta name="ContentSource" content="德庆县司法局">\n'
        )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>{title}_法治政府建设_德庆县人民政府网站</title>
<meta name="SiteName" content="德庆县人民政府网站">
{metas}<meta name="ColumnName" content="法治政府建设年度报告">
</head><body>
<div class="top"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a>
<span>简体</span>|<span>繁体</span> <a href="#">无障碍</a></div>
<div class="crumb">当前位置:<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 法治政府建设</div>
<table class="xxgk_table">
<tr><td>索&nbsp;引&nbsp;号:</td><td>11441226MB2C93411X/2025-00017</td><td>分类:</td><td>法治政府</td></tr>
<tr><td>发布机构:</td><td>德庆县司法局</td><td>发布日期:</td><td>2025-02-14</td></tr>
<tr><td>标　　题:</td><td colspan="3">{title}</td></tr>
<tr><td>文　　号:</td><td colspan="3">德府函〔2025〕8号</td></tr>
</table>
<h1>{title}</h1>
<div class="info">发布时间:2025-02-14 来源:德庆县司法局 【字体:大 中 小】 【打印】【关闭】</div>
<div class="TRS_Editor">{paragraphs}</div>
<div class="attach"><a href="./P020250214123456789012.pdf">附件:报告全文.pdf</a>
<a href="/module/download/downfile.jsp?filename=abc.docx">附件2</a></div>
<div class="share">分享到:微信 微博</div>
<div class="footer">主办单位:德庆县人民政府办公室 政府网站标识码:4412260001 粤ICP备12345678号
版权所有 德庆县人民政府</div>
</body></html>"""


def unknown_template_page(body: str = REPORT_BODY) -> str:
    """A page from an unknown CMS: no meta tags, no known container; long navigation lists."""
    nav = "".join(f'<li><a href="/c{i}/">栏目{i}</a></li>' for i in range(30))
    paragraphs = "<br>\n".join(body.split("\n"))
    return f"""<html><head><title>某某县人民政府 - 年度报告</title></head><body>
<ul class="menu">{nav}</ul>
<div class="side"><ul>{nav}</ul></div>
<div class="wrap"><div class="detail-area"><div class="detail-txt">{paragraphs}</div></div></div>
<div class="links">友情链接:<a href="#">国务院</a><a href="#">省政府</a></div>
<div class="bottom">网站地图 | 联系我们 政府网站标识码:4412260001 ICP备案号:粤ICP备00000000号</div>
</body></html>"""
