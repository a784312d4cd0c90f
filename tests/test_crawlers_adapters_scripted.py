"""Rules added for the third round of unseen dialects: pagers driven by script calls, list APIs of
any ajax call (POST bodies included), gkmlpt catalogues with no rule-of-law category, and titles cut
before their topic in the report column."""

import asyncio
import json
from urllib.parse import parse_qsl, urlsplit

import pytest

from crawlers.adapters import generic
from crawlers.adapters.gkmlpt import categories
from crawlers.adapters.listapi import find_list_apis
from crawlers.adapters.scripted import PageRequest, scripted_pages
from crawlers.adapters.text import is_report_column, looks_like_cut_report, looks_like_report
from crawlers.model import Column, FetchResult, Outcome, Source

FORM_PAGER = """
<table><tr><td><a href="/info/2024/03/11.html">某县人民政府关于2023年度法...</a></td>
<td>2024-03-20</td></tr></table>
<div class="pager"><b>1</b><a href="javascript:void(0)" onclick="goPage(2)">2</a>
<a href="javascript:void(0)" onclick="goPage(3)">3</a>
<a href="javascript:void(0)" onclick="goPage(2)">下一页</a></div>
<form name="pageForm" id="pageForm" action="/info/iList.jsp" method="post">
<input type="hidden" name="node_id" value="GKabc"><input type="hidden" name="cat_id" value="15971">
<input type="hidden" name="cur_page" id="cur_page" value="1"></form>
<script>function goPage(n){document.getElementById('cur_page').value=n;
document.getElementById('pageForm').submit();}</script>"""


def test_a_pager_posting_a_form_asks_for_the_next_page_with_the_forms_fields():
    [request] = scripted_pages(FORM_PAGER, "http://a.gov.cn/info/iList.jsp?node_id=GKabc&cat_id=15971", 1)
    assert request.url == "http://a.gov.cn/info/iList.jsp"
    assert dict(request.form) == {"node_id": "GKabc", "cat_id": "15971", "cur_page": "2"}


def test_a_get_form_pager_becomes_an_address():
    html = FORM_PAGER.replace('method="post"', 'method="get"')
    [request] = scripted_pages(html, "http://a.gov.cn/info/iList.jsp", 1)
    assert request.form is None
    assert dict(parse_qsl(urlsplit(request.url).query)) == {
        "node_id": "GKabc",
        "cat_id": "15971",
        "cur_page": "2",
    }


def test_a_page_function_that_builds_an_address():
    html = (
        '<a href="javascript:turnPage(4)">4</a><a href="javascript:turnPage(2)">2</a>'
        "<script>function turnPage(p) { window.location.href = 'list.aspx?cid=7&pageIndex=' + p; }</script>"
    )
    assert scripted_pages(html, "http://b.gov.cn/xxgk/list.aspx?cid=7", 1) == [
        PageRequest("http://b.gov.cn/xxgk/list.aspx?cid=7&pageIndex=2")
    ]
    # on page 2 the lowest higher number is 4
    assert scripted_pages(html, "http://b.gov.cn/xxgk/list.aspx?cid=7", 2)[0].url.endswith("pageIndex=4")


def test_no_page_function_no_scripted_page():
    assert scripted_pages('<a href="javascript:void(0)" onclick="share(2)">2</a>', "http://c/", 1) == []
    assert scripted_pages('<a href="list_2.html">2</a>', "http://c/", 1) == []


SZ_SHELL = """<script>var channelId = "ab12cd";
function loadData(pageIndex) {
  $.ajax({ url: "/szinf/xxgk/interfacesWebZcwj/loadData?pageSize=15", type: "POST", dataType: "json",
           data: {pageIndex: pageIndex, channel_id: channelId},
           success: function (res) { render(res.data.list); } });
}
$.ajax({ url: "/module/visitcount/visit.jsp", type: "POST", data: {i_columnid: 12, page: 1} });
$.ajax({ url: "/api/login", type: "POST", data: {user: u} });
</script>"""


def test_a_post_list_endpoint_is_read_with_its_form_and_page_field():
    [api] = find_list_apis(SZ_SHELL, "http://www.d.gov.cn/szinf/fzzfjsndbg/index.shtml")
    assert api.method == "POST"
    assert api.page_url(3) == "http://www.d.gov.cn/szinf/xxgk/interfacesWebZcwj/loadData?pageSize=15"
    assert api.form(3) == {"channel_id": "ab12cd", "pageIndex": "3"}


def test_jquery_post_and_get_shorthands():
    html = (
        "<script>$.post('/fjdzapp/search', {pageNo: n, siteId: '8a2', chnlid: 55}, cb);"
        '$.get("/queryList?type=zcwj", {page: p, size: 20});</script>'
    )
    apis = {a.url: a for a in find_list_apis(html, "http://e.gov.cn/col/x/")}
    post = apis["http://e.gov.cn/fjdzapp/search"]
    assert post.method == "POST" and post.form(2) == {"siteId": "8a2", "chnlid": "55", "pageNo": "2"}
    get = apis["http://e.gov.cn/queryList"]
    assert dict(parse_qsl(urlsplit(get.page_url(2)).query)) == {"type": "zcwj", "size": "20", "page": "2"}


TREE_PAGE = "<script>window._CONFIG = {{SID:'758449', TREE:{tree}, SERVICE_AREA_ID:441204}};</script>"


def _tree_page(names: list[str]) -> str:
    tree = [{"id": 10 + i, "name": n, "children": []} for i, n in enumerate(names)]
    return TREE_PAGE.format(tree=json.dumps(tree, ensure_ascii=False))


def test_gkmlpt_with_no_rule_of_law_category_walks_the_likely_holders():
    html = _tree_page(["机构职能", "政策文件", "规划计划", "财政预决算", "其他法定公开内容", "政策解读"])
    assert categories("http://f.gov.cn/gkmlpt/index", html) == ["12", "14"]


def test_gkmlpt_category_named_after_the_topic_is_preferred():
    html = _tree_page(["其他法定公开内容", "法治政府建设"])
    assert categories("http://f.gov.cn/gkmlpt/index", html) == ["11"]
    assert categories("http://f.gov.cn/gkmlpt/index#99", html) == ["99"]


@pytest.mark.parametrize(
    ("html", "column"),
    [
        ('<meta name="ColumnName" content="法治政府建设年度报告">', True),
        ("<meta content='法治政府建设情况报告' name='ColumnName'>", True),
        ("<title>法治政府建设年度报告_某县人民政府</title>", True),
        ('<meta name="ColumnName" content="通知公告"><title>通知公告</title>', False),
        ("<title>法治政府建设</title>", False),  # a topic column holds plans and news too
    ],
)
def test_the_report_column_by_its_declared_name(html, column):
    assert is_report_column(html) is column


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("某县人民政府关于2023年度法...", True),
        ("某县农业农村局2023年法治…", True),
        ("某县人民政府关于印发2023年...", False),  # a genre word before the cut
        ("某县人民政府关于2023年度法治政府建设情况的报告", False),  # not cut: read as written
        ("某县人民政府办公室关于...", False),  # no year
    ],
)
def test_titles_cut_before_their_topic(title, kept):
    assert looks_like_cut_report(title) is kept
    assert not looks_like_report("某县人民政府关于2023年度法...")  # outside the report column


class _Pages:
    """A fetcher that answers GET and POST requests from dicts (what generic asks for)."""

    def __init__(self, get: dict[str, str], post: dict[tuple[str, str], str]) -> None:
        self.get, self.post, self.asked = get, post, []

    async def fetch(self, url, *, source=None, method="GET", data=None, headers=None, revalidate=True):
        self.asked.append((method, url, data))
        if method == "POST":
            html = self.post.get((url, (data or {}).get("cur_page", "")))
        else:
            html = self.get.get(url)
        status = 200 if html is not None else 404
        return FetchResult(
            url=url, status=status, outcome=Outcome.OK if html else Outcome.FAILED, text=html, final_url=url
        )


def test_generic_walks_a_form_posted_pager_of_the_report_column():
    head = '<meta name="ColumnName" content="法治政府建设年度报告">'
    column = "http://a.gov.cn/info/iList.jsp?node_id=GKabc&cat_id=15971"
    page2 = (
        f'{head}<table><tr><td><a href="/info/2023/03/7.html">某县司法局2022年法治...</a></td>'
        "<td>2023-03-01</td></tr></table>"
    )
    fetcher = _Pages({column: head + FORM_PAGER}, {("http://a.gov.cn/info/iList.jsp", "2"): page2})
    source = Source(
        id="a", name="a", base_url="http://a.gov.cn/", adapter="generic", columns=(Column(column),)
    )

    async def run():
        return [c async for c in generic.discover(source.columns[0], source, fetcher, range(2019, 2024))]

    found = asyncio.run(run())
    assert [c.url for c in found] == [
        "http://a.gov.cn/info/2024/03/11.html",
        "http://a.gov.cn/info/2023/03/7.html",
    ]
    assert [c.report_year for c in found] == [2023, 2022]


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("某县司法局2023年度法治政...", True),  # the cut fell inside 法治政府
        ("某县人民政府2021年度依法...", True),
        ("某县2023年法治", False),  # not cut
        ("某县2023年度政府...", False),  # 政府 alone begins no topic phrase
    ],
)
def test_a_cut_inside_the_topic_words(title, kept):
    assert looks_like_report(title) is kept


def test_a_general_column_opens_cut_titles_once_per_series():
    column = "http://m.gov.cn/zwgk/qtfdxx/index.html"
    listing = "".join(
        f'<li><a href="/zwgk/qtfdxx/{path}.html">{title}</a><span>{day}</span></li>'
        for path, title, day in [
            ("a1", "某县卫生健康委员会2023年...", "2024-03-01"),
            ("b1", "某县2023年度部门整体支出绩...", "2024-02-01"),
            ("b2", "某县2022年度部门整体支出绩...", "2023-02-01"),
            ("c1", "某县通知公告", "2023-01-01"),
        ]
    )
    pages = {
        column: f'<meta name="ColumnName" content="其他法定信息"><ul>{listing}</ul>',
        "http://m.gov.cn/zwgk/qtfdxx/a1.html": (
            '<meta name="ArticleTitle" content="某县卫生健康委员会2023年法治政府建设年度报告">'
        ),
        "http://m.gov.cn/zwgk/qtfdxx/b1.html": "<h1>某县2023年度部门整体支出绩效自评报告</h1>",
        "http://m.gov.cn/zwgk/qtfdxx/b2.html": "<h1>某县2022年度部门整体支出绩效自评报告</h1>",
    }
    fetcher = _Pages(pages, {})
    source = Source(
        id="m", name="m", base_url="http://m.gov.cn/", adapter="generic", columns=(Column(column),)
    )

    async def run():
        return [c async for c in generic.discover(source.columns[0], source, fetcher, range(2019, 2024))]

    [found] = asyncio.run(run())
    assert found.title == "某县卫生健康委员会2023年法治政府建设年度报告" and found.report_year == 2023
    opened = [url for _, url, _ in fetcher.asked if url != column]
    # b2 is the same series as b1 (digits aside): not opened again; c1 names no year: not opened
    assert opened == ["http://m.gov.cn/zwgk/qtfdxx/a1.html", "http://m.gov.cn/zwgk/qtfdxx/b1.html"]
