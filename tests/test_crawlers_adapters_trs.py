import asyncio
from datetime import date

import pytest

from crawlers.adapters import trs
from crawlers.adapters.base import DiscoveryError
from crawlers.adapters.trs import Pager, list_items, parse_pager
from crawlers.model import Column, Outcome, Source
from tests.support.fake_fetcher import FakeFetcher, Page, collect

COL = "https://kxj.example.gov.cn/zwgk/fzzfjsndbg/"


def source(url: str = COL) -> Source:
    return Source(
        id="kxj",
        name="示例局",
        base_url="https://kxj.example.gov.cn/",
        adapter="trs",
        columns=(Column(url=url),),
    )


def trs_page(items: list[tuple[str, str, str]], count: int, current: int, ext: str = "html") -> str:
    lis = "\n".join(
        f'<li><a href="./{d[:4]}{d[5:7]}/t{d.replace("-", "")}_{i}.{ext}" title="{t}">{t[:12]}…</a>'
        f"<span>{d}</span></li>"
        for t, d, i in items
    )
    return f"""<html><head><script src="/js/page.js"></script></head><body>
    <div class="nav"><a href="../index.{ext}">政务公开</a><a href="./szf/index.{ext}">市政府</a></div>
    <ul class="list">{lis}</ul>
    <div class="page"><script>
    var currentPage = {current};//所在页从0开始
    var countPage = {count}//共多少页
    createPageHTML(countPage, currentPage, "index", "{ext}");
    </script></div></body></html>"""


def test_pager_dialects():
    assert parse_pager('createPageHTML(25, 0, "index", "shtml");') == Pager(25, "index", "shtml")
    assert parse_pager('createPageHTML(63, 0, "index", "shtml", "", 435)') == Pager(63, "index", "shtml")
    assert parse_pager('createPage(7, 2, "index", "html")') == Pager(7, "index", "html")
    assert parse_pager("createPageHTML('page_div', 12, 1, 'fzzf', 'shtml', 230);") == Pager(
        12, "fzzf", "shtml", suffix_from_one=True
    )
    by_variables = "var countPage = 4;createPageHTML(countPage, currentPage, 'index', 'htm')"
    assert parse_pager(by_variables) == Pager(4, "index", "htm")
    # the function's own definition is not a call; a page without a call has one page
    assert parse_pager("function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){}") is None
    assert Pager(5).page_file(1) == "index.html"
    assert Pager(5).page_file(2) == "index_1.html"
    assert Pager(5, "fzzf", "shtml", suffix_from_one=True).page_file(2) == "fzzf_2.shtml"


def test_list_items_reads_relative_links_dates_and_js_lists():
    html = trs_page([("示例局2023年法治政府建设年度报告", "2024-03-27", "101")], 1, 0)
    html += """<script>
      var url = "./202303/t20230330_99.shtml"; var title = "示例局2022年法治政府建设年度报告";
      document.writeln('<li><a href="'+url+'">'+title+'</a><span>2023-03-30</span></li>');
    </script>"""
    items = list_items(html, COL + "index.html", COL)
    assert [(i.url, i.listed) for i in items] == [
        (COL + "202403/t20240327_101.html", date(2024, 3, 27)),
        (COL + "202303/t20230330_99.shtml", date(2023, 3, 30)),
    ]
    assert items[0].title == "示例局2023年法治政府建设年度报告"  # a@title, not the truncated text


def test_walks_all_pages_and_yields_only_report_titles():
    pages = {
        COL: trs_page(
            [
                ("示例局2024年法治政府建设年度报告", "2025-03-20", "5"),
                ("关于印发2025年法治政府建设工作要点的通知", "2025-02-10", "4"),
            ],
            3,
            0,
        ),
        COL + "index_1.html": trs_page([("示例局2023年法治政府建设年度报告", "2024-03-21", "3")], 3, 1),
        COL + "index_2.html": trs_page([("示例局2022年度法治政府建设情况报告", "2023-03-22", "2")], 3, 2),
    }
    f = FakeFetcher(pages)
    found = asyncio.run(collect(trs.discover(Column(COL), source(), f, range(2022, 2025))))
    assert [c.report_year for c in found] == [2024, 2023, 2022]
    assert found[1].url == COL + "202403/t20240321_3.html"
    assert found[1].listed_date == date(2024, 3, 21)
    assert f.urls() == [COL, COL + "index_1.html", COL + "index_2.html"]


def test_stops_once_a_page_predates_the_years_asked():
    pages = {
        COL: trs_page([("示例局2024年法治政府建设年度报告", "2025-03-20", "5")], 50, 0),
        COL + "index_1.html": trs_page(
            [
                ("示例局2022年法治政府建设年度报告", "2023-03-21", "3"),
                ("示例局2021年法治政府建设年度报告", "2022-03-21", "2"),
            ],
            50,
            1,
        ),
    }
    f = FakeFetcher(pages)
    found = asyncio.run(collect(trs.discover(Column(COL), source(), f, range(2023, 2025))))
    # every item of page 2 was published before 2024 (= 2023 + 1): no page 3 is asked for
    assert len(f.calls) == 2
    assert [c.report_year for c in found] == [2024, 2022, 2021]


def test_deep_page_repeating_page_one_ends_the_walk():
    first = trs_page([("示例局2024年法治政府建设年度报告", "2025-03-20", "5")], 40, 0)
    f = FakeFetcher({COL: first, COL + "index_1.html": first})
    asyncio.run(collect(trs.discover(Column(COL), source(), f, range(2019, 2025))))
    assert len(f.calls) == 2


def test_unreachable_column_raises_discovery_error():
    from crawlers.adapters import DiscoveryError

    with pytest.raises(DiscoveryError, match="404"):
        asyncio.run(collect(trs.discover(Column(COL), source(), FakeFetcher({}), range(2023, 2024))))


def test_channel_dialect_pages_are_numbered_from_one():
    col = "https://a.example.gov.cn/c101/list.shtml"

    def page(n: int, title: str, day: str) -> str:
        return (
            f'<ul><li><a href="/c101/c{n}/content.shtml">{title}</a><span>{day}</span></li></ul>'
            f"<script>createPageHTML('page_div', 2, {n}, 'list', 'shtml', 2);</script>"
        )

    f = FakeFetcher(
        {
            col: page(1, "示例市2024年法治政府建设年度报告", "2025-03-01"),
            col.replace("list", "list_2"): page(2, "示例市2023年法治政府建设年度报告", "2024-03-01"),
        }
    )
    found = asyncio.run(collect(trs.discover(Column(col), source(col), f, range(2020, 2025))))
    assert [c.url for c in found] == [
        "https://a.example.gov.cn/c101/c1/content.shtml",
        "https://a.example.gov.cn/c101/c2/content.shtml",
    ]


def test_auto_adapter_recognises_the_family_without_a_second_request():
    from crawlers.adapters import auto

    f = FakeFetcher({COL: trs_page([("示例局2024年法治政府建设年度报告", "2025-03-20", "5")], 1, 0)})
    found = asyncio.run(collect(auto.discover(Column(COL), source(), f, range(2020, 2025))))
    assert [c.report_year for c in found] == [2024]
    assert f.urls() == [COL]


def test_absolute_links_under_the_other_www_spelling_are_the_columns_own():
    col = "https://example.gov.cn/zwgk/fzzfjsndbg/"
    html = (
        '<ul><li><a href="https://www.example.gov.cn/zwgk/fzzfjsndbg/202403/t20240327_7.html">'
        "示例市2023年法治政府建设年度报告</a><span>2024-03-27</span></li>"
        '<li><a href="https://other.gov.cn/zwgk/202403/t20240301_8.html">某市2023年法治政府建设年度报告</a></li>'
        "</ul>"
    )
    items = list_items(html, col, col)
    assert [(i.url, i.in_column) for i in items] == [
        ("https://www.example.gov.cn/zwgk/fzzfjsndbg/202403/t20240327_7.html", True)
    ]


def test_pages_the_pager_counts_but_the_site_never_wrote_end_the_walk_quietly():
    """Beijing: all items on index.html, sliced in the browser; index_1.html answers 404."""
    page = trs_page([("示例局2023年法治政府建设年度报告", "2024-03-27", "9")], 3, 0)
    f = FakeFetcher({COL: page})
    found = asyncio.run(collect(trs.discover(Column(COL), source(), f, range(2020, 2025))))
    assert [c.report_year for c in found] == [2023]
    assert f.urls() == [COL, COL + "index_1.html"]


def test_a_deep_page_that_fails_otherwise_is_still_the_columns_error():
    page = trs_page([("示例局2023年法治政府建设年度报告", "2024-03-27", "9")], 3, 0)
    f = FakeFetcher({COL: page, COL + "index_1.html": Page("busy", status=503, outcome=Outcome.FAILED)})
    with pytest.raises(DiscoveryError):
        asyncio.run(collect(trs.discover(Column(COL), source(), f, range(2020, 2025))))
