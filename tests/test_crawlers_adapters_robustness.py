"""List parsers take whatever portals send: broken markup must never raise."""

from hypothesis import given, settings
from hypothesis import strategies as st

from crawlers.adapters.attachments import find_attachments
from crawlers.adapters.hanweb import parse_datastore, parse_record
from crawlers.adapters.text import find_date, guess_report_year, looks_like_report
from crawlers.adapters.trs import list_items, parse_pager

_PIECES = st.sampled_from(
    [
        "<li>",
        "</li>",
        "<a href='./202403/t20240301_1.html' title='x'>",
        "</a>",
        "createPageHTML(",
        ")",
        "'index'",
        ",",
        "3",
        "var countPage = ",
        ";",
        "<datastore>",
        "</datastore>",
        "<record><![CDATA[",
        "]]></record>",
        "<nextgroup><![CDATA[<a href='/module/web/jpage/dataproxy.jsp?columnid=1&unitid=2'>]]></nextgroup>",
        "2024-13-45",
        "2024年3月7日",
        "法治政府建设情况报告",
        "<script>",
        "</script>",
        "&amp;",
        "\x00",
        "😀",
        "<a href='javascript:void(0)'>",
        "<iframe src='viewer.html?file=a.pdf'>",
        "<base href='//x/'>",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_list_parsers_never_raise_on_hostile_markup(html):
    page = "https://a.gov.cn/zwgk/col/index.html"
    parse_pager(html)
    list_items(html, page, "https://a.gov.cn/zwgk/col/")
    store = parse_datastore(html, "1")
    for fragment in store.records if store else []:
        parse_record(fragment, page)
    find_attachments(html, page)
    looks_like_report(html)
    guess_report_year(html)
    find_date(html)
