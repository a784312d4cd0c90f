"""Page templates unlike the imitation portals': table layouts, a <dl> info block, empty meta tags,
a title only in <h1>, a date only under the article, a PDF viewer in an <iframe>, a sidebar of
news links beside the article. Title, publish date and main text must come out right on each."""

import pytest

from parsing.page import parse_page

URL = "http://www.pingjiang.gov.cn/zwgk/fzzf/202403/t20240326_1.html"
TITLE = "平江县人民政府关于2023年度法治政府建设情况的报告"
FIRST = "2023年,县政府在市委、市政府和县委的正确领导下"
BODY = (
    "<p>2023年，县政府在市委、市政府和县委的正确领导下，坚持把依法行政贯穿政府工作全过程，"
    "法治政府建设各项任务稳步推进。现将有关情况报告如下：</p>"
    "<p>一、加强组织领导</p><p>县政府常务会议四次专题研究法治政府建设，主要负责人带头履行第一责任人职责。</p>"
    "<p>二、规范行政决策</p><p>重大行政决策全部经过合法性审查，决策程序进一步规范。</p>"
)
LONG_BODY = BODY + "<p>三、强化执法监督。全年组织行政执法人员培训，案卷评查覆盖全部执法部门。</p>" * 120
NAV = "".join(f'<a href="/col{i}/">栏目{i}</a> ' for i in range(12))

TABLE_LAYOUT = f"""<html><head><meta charset="utf-8"><title>平江县人民政府</title></head><body>
<table width="1000"><tr><td>{NAV}</td></tr>
<tr><td><table><tr><td class="lm">当前位置：首页 &gt; 政务公开 &gt; 法治政府</td></tr>
<tr><td class="bt" align="center"><font size="5"><b>{TITLE}</b></font></td></tr>
<tr><td class="sj" align="center">发布日期：2024-03-26　　信息来源：县司法局　　点击数：</td></tr>
<tr><td class="nr">{BODY}</td></tr></table></td>
<td width="200"><ul><li><a href="/a">热点新闻一</a></li><li><a href="/b">热点新闻二</a></li></ul></td></tr>
<tr><td>版权所有：平江县人民政府 湘ICP备00000000号</td></tr></table></body></html>"""

DL_INFO_EMPTY_META = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="ArticleTitle" content=""><meta name="PubDate" content=""><meta name="ContentSource" content="">
<title>政府信息公开</title></head><body><div class="hd">{NAV}</div>
<div class="gk-meta"><dl><dt>索引号：</dt><dd>431121000/2024-00031</dd>
<dt>发布机构：</dt><dd>平江县司法局</dd>
<dt>成文日期：</dt><dd>2024-03-20</dd><dt>发布日期：</dt><dd>2024-03-27</dd><dt>标题：</dt><dd>{TITLE}</dd>
<dt>文号：</dt><dd></dd></dl></div>
<div class="gk-body">{BODY}</div><div class="ft">主办：平江县人民政府办公室</div></body></html>"""

H1_DATE_BELOW = f"""<html><head><meta charset="utf-8"><title>平江县人民政府门户网站</title></head><body>
<header class="top">{NAV}</header><main><h1 class="post-title">{TITLE}</h1>
<section class="post-body">{LONG_BODY}</section>
<div class="post-foot">发布时间：2024-03-28 10:12　　责任编辑：李某</div></main>
<footer>网站地图 | 联系我们 | 版权所有 2024</footer></body></html>"""

PDF_IN_IFRAME = f"""<html><head><meta charset="utf-8"><title>{TITLE}_平江县人民政府</title></head><body>
<div class="nav">{NAV}</div><div class="wrap"><h2>{TITLE}</h2>
<p class="info">来源：县司法局 日期：2024-03-29</p>
<iframe class="pdf" src="/static/pdfjs/web/viewer.html?file=%2Fuploads%2F2024%2F03%2Fbaogao.pdf" width="100%">
</iframe></div></body></html>"""

SPAN_DATE_TITLE_DIV = f"""<html><head><meta charset="utf-8"><meta name="description" content="">
<meta name="keywords"><title>{TITLE} - 平江县人民政府</title></head><body>
<div id="menu">{NAV}</div><div id="main"><div class="t">{TITLE}</div>
<div class="meta"><span>来源：县司法局</span> | <span>2024年03月30日</span> | <span>浏览：</span></div>
<div id="content">{BODY}</div></div></body></html>"""

GBK_BRACKET_DATE = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{TITLE}</title></head><body><div class="x1">{NAV}</div><div class="x2"><p class="tit">{TITLE}</p>
<p class="time">[2024-03-31]</p><div class="x3">{BODY}</div></div></body></html>"""

NEWS_LINKS = "".join(f'<p><a href="/n{i}">县里召开第{i}次工作会议，部署近期工作</a></p>' for i in range(15))
SIDEBAR_OF_NEWS = f"""<html><head><meta charset="utf-8"><title>详细内容</title></head><body><table><tr>
<td class="left">{NEWS_LINKS}</td>
<td class="right"><div class="c1">{TITLE}</div><div class="c2">更新时间：2024-04-01 08:00:00</div>{BODY}</td>
</tr></table></body></html>"""

BIG5_TRADITIONAL = """<html><head><meta charset="big5"><title>政務公開</title></head><body>
<table><tr><td>首頁 | 政務公開 | 便民服務</td></tr>
<tr><td><h3>隆回縣人民政府關於2022年度法治政府建設情況的報告</h3></td></tr>
<tr><td>發佈時間：2023-03-21 來源：縣司法局</td></tr><tr><td>
<p>2022年，縣政府在市委、市政府和縣委的堅強領導下，深入推進依法行政，法治政府建設取得新成效。現將有關情況報告如下：</p>
<p>一、加強組織領導。縣政府常務會議專題研究法治政府建設工作。</p></td></tr></table></body></html>"""

CASES = [
    ("table_layout", TABLE_LAYOUT.encode(), TITLE, "2024-03-26"),
    ("dl_info_block_empty_meta", DL_INFO_EMPTY_META.encode(), TITLE, "2024-03-27"),
    ("h1_title_date_below_article", H1_DATE_BELOW.encode(), TITLE, "2024-03-28"),
    ("pdf_in_iframe_viewer", PDF_IN_IFRAME.encode(), TITLE, "2024-03-29"),
    ("span_date_title_in_div", SPAN_DATE_TITLE_DIV.encode(), TITLE, "2024-03-30"),
    ("gbk_bracketed_date", GBK_BRACKET_DATE.encode("gbk"), TITLE, "2024-03-31"),
    ("sidebar_of_news_links", SIDEBAR_OF_NEWS.encode(), TITLE, "2024-04-01"),
    (
        "big5_traditional_table",
        BIG5_TRADITIONAL.encode("big5"),
        "隆回縣人民政府關於2022年度法治政府建設情況的報告",
        "2023-03-21",
    ),
]


@pytest.mark.parametrize(("name", "page", "title", "date"), CASES, ids=[c[0] for c in CASES])
def test_title_and_date_on_unfamiliar_templates(name, page, title, date):
    report = parse_page(page, url=URL)
    assert report.title == title
    assert report.publish_date == date
    assert report.doc_kind == "annual_report"
    assert report.report_year in (2022, 2023)
    assert report.issuer in ("平江县人民政府", "隆回县人民政府")


@pytest.mark.parametrize(
    ("name", "page"),
    [c[:2] for c in CASES if c[0] not in {"pdf_in_iframe_viewer", "big5_traditional_table"}],
    ids=[c[0] for c in CASES if c[0] not in {"pdf_in_iframe_viewer", "big5_traditional_table"}],
)
def test_main_text_is_the_article_only(name, page):
    text = parse_page(page, url=URL).text
    assert FIRST in text.split("\n")[0] or FIRST in text.split("\n")[2]
    assert "决策程序进一步规范" in text
    for noise in ("栏目3", "热点新闻", "版权所有", "网站地图", "第7次工作会议", "索引号", "主办"):
        assert noise not in text, noise


def test_big5_page_keeps_the_printed_title_and_simplifies_the_text():
    report = parse_page(BIG5_TRADITIONAL.encode("big5"), url=URL)
    assert report.text.startswith("2022年,县政府在市委")
    assert report.region.name == "隆回县"


def test_pdf_viewer_iframe_gives_the_document_as_attachment():
    report = parse_page(PDF_IN_IFRAME.encode(), url=URL)
    assert report.attachments == ["http://www.pingjiang.gov.cn/uploads/2024/03/baogao.pdf"]


def test_date_below_the_article_does_not_beat_the_date_by_the_title():
    page = H1_DATE_BELOW.replace("</h1>", "</h1><p>发布日期：2024-03-25</p>")
    assert parse_page(page.encode(), url=URL).publish_date == "2024-03-25"
