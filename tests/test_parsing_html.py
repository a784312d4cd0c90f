import json

from selectolax.lexbor import LexborHTMLParser

from parsing.html import extract_html, limit_depth, render, strip_boilerplate
from parsing.meta import gkmlpt_detail, parse_info_lines
from tests.support.parsing_pages import REPORT_BODY, TITLE, trs_page, unknown_template_page


def test_trs_page_container_meta_and_attachments():
    doc = extract_html(trs_page(meta_order_reversed=True), "http://www.example.gov.cn/zwgk/202502/t1.html")
    assert doc.text.split("\n")[0] == REPORT_BODY.split("\n")[0]
    assert "政府网站标识码" not in doc.text and "首页" not in doc.text
    assert doc.meta["articletitle"] == TITLE  # content before name
    assert doc.meta["pubdate"] == "2025-02-14 09:30"
    assert "contentsource" not in doc.meta  # empty content is dropped
    assert doc.titles[0] == TITLE
    assert doc.attachments == [
        "http://www.example.gov.cn/zwgk/202502/P020250214123456789012.pdf",
        "http://www.example.gov.cn/module/download/downfile.jsp?filename=abc.docx",
    ]
    assert "发布时间:2025-02-14" in doc.head


def test_unknown_template_density_pick_drops_navigation():
    doc = extract_html(unknown_template_page())
    assert doc.text.startswith("2024年,在市委")
    assert "栏目3" not in doc.text and "网站地图" not in doc.text
    assert doc.weak_titles == ["年度报告"]  # the part of <title> that reads as a title


def test_info_block_shapes():
    rows = [
        "索 引 号 : 000123456/2024-00001 主题分类: 司法",
        "发布机构 某市司法局 成文日期 2024-03-01",
        "• 发文字号: 某府〔2024〕3号",
        "标　　题: 某市2023年法治政府建设情况报告",
        "发布日期: 2024-03-05",
    ]
    from parsing.normalize import clean_whitespace

    info = parse_info_lines([clean_whitespace(r) for r in rows])
    assert info == {
        "index_number": "000123456/2024-00001",
        "issuer": "某市司法局",
        "written_date": "2024-03-01",
        "doc_number": "某府〔2024〕3号",
        "title": "某市2023年法治政府建设情况报告",
        "publish_date": "2024-03-05",
    }


def test_dl_dd_and_li_strong_shapes_render_as_label_lines():
    html = (
        "<div class='xxgk'><dl><dt>索引号:</dt><dd>K1/2024-1</dd></dl>"
        "<ul><li><strong>发布机构:</strong><span>某区人民政府</span></li></ul></div>"
    )
    lines = render(LexborHTMLParser(html).body).split("\n")
    assert parse_info_lines(lines) == {"index_number": "K1/2024-1", "issuer": "某区人民政府"}


def test_gkmlpt_detail_json():
    detail = {
        "title": "某区2023年度法治政府建设报告",
        "content": "<p>2023年,我区坚持依法行政。</p>",
        "first_publish_time": 1709251200,
        "identifier": "1144/2024-1",
    }
    html = (
        f"<html><head><script>window._CONFIG = {{SID:'755001', DETAIL: {json.dumps(detail)}}};</script>"
        "</head><body><div>导航</div></body></html>"
    )
    assert gkmlpt_detail(html)["identifier"] == "1144/2024-1"
    doc = extract_html(html)
    assert doc.text == "2023年,我区坚持依法行政。"
    assert doc.titles[0] == detail["title"]


def test_content_markers():
    html = (
        "<html><body><div>导航 首页</div><!--begin--><META name=ContentStart>"
        "<p>正文第一段,内容较长一些。</p><p>正文第二段。</p><META name=ContentEnd>"
        "<div>页脚</div></body></html>"
    )
    assert extract_html(html).text == "正文第一段,内容较长一些。\n正文第二段。"


def test_render_collapses_source_whitespace_and_keeps_inline_text_together():
    html = "<div><p>全年收到\n   申请<span>42</span>件,<b>审结</b>35件。</p><p>第二段</p></div>"
    assert render(LexborHTMLParser(html).body) == "全年收到 申请42件,审结35件。\n第二段"


def test_hidden_and_script_text_is_dropped():
    html = (
        "<div><script>var a='脚本';</script><p>可见</p><a style='display:none'>Produced By 某系统</a></div>"
    )
    assert render(LexborHTMLParser(html).body) == "可见"


def test_boilerplate_lines():
    text = "当前位置:首页 > 政务公开 > 报告\n【打印】\n正文保留。\n政府网站标识码:1234560001\n分享到:"
    assert strip_boilerplate(text) == "正文保留。"


def test_limit_depth_keeps_text():
    html = "<div>" * 3000 + "深处的文字" + "</div>" * 3000
    limited = limit_depth(html, 100)
    assert limited.count("<div>") == 100 and "深处的文字" in limited


def test_site_code_from_footer_text_when_meta_is_missing():
    doc = extract_html(unknown_template_page())
    assert doc.meta["siteidcode"] == "4412260001"
