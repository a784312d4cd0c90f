import asyncio
from datetime import date

from crawlers.adapters import hanweb
from crawlers.adapters.hanweb import parse_datastore, parse_record, proxy_form
from crawlers.model import Column, Source
from tests.support.fake_fetcher import FakeFetcher, collect

HOST = "http://www.example-hw.gov.cn"
COL = f"{HOST}/col/col1229000001/index.html"
PROXY = f"{HOST}/module/web/jpage/dataproxy.jsp"


def record(n: int, title: str, day: str, style: int = 0) -> str:
    y, m, d = (int(x) for x in day.split("-"))
    href = f"/art/{y}/{m}/{d}/art_1229000001_{n}.html"
    if style == 0:
        li = f'<li><a target="_blank" href="{href}" title="{title}">{title[:10]}</a><b readlabel="{day}">{day}</b></li>'  # noqa: E501
    else:
        li = f'<li><s></s><a class="ellipsis-line-clamp" href="{href}">{title}</a><span class="pull-right">{day}</span></li>'  # noqa: E501
    return f"<record><![CDATA[{li}]]></record>"


NEXT = (
    "/module/web/jpage/dataproxy.jsp?page=1&webid=3187&path=/&columnid=1229000001&unitid=4471"
    "&webname=%E7%A4%BA%E4%BE%8B&permissiontype=0"
)


def column_page(records: list[str], total: int) -> str:
    return f"""<html><head><meta name="Generator" content="大汉版通"></head><body>
    <div id="4471"><script type="text/xml"><datastore>
    <nextgroup><![CDATA[<a href="{NEXT}"></a>]]></nextgroup>
    <recordset>{"".join(records)}</recordset></datastore></script></div>
    <script>$('#4471').jpage({{totalRecord: {total}, perPage: 2, dataStore: dataStore}});</script>
    </body></html>"""


def proxy_answer(records: list[str], total: int) -> str:
    return (
        f"<datastore><totalrecord>{total}</totalrecord><totalpage>{(total + 1) // 2}</totalpage>"
        f"<recordset>{''.join(records)}</recordset></datastore>"
    )


def src() -> Source:
    return Source(id="hw", name="示例县", base_url=HOST + "/", adapter="hanweb", columns=(Column(COL),))


def test_datastore_and_record_variants():
    page = column_page([record(1, "示例县2024年度法治政府建设情况报告", "2025-03-01")], 9)
    store = parse_datastore(page)
    assert store is not None and store.total == 9 and len(store.records) == 1
    r = parse_record(store.records[0], COL)
    assert r is not None
    assert r.title == "示例县2024年度法治政府建设情况报告"  # a@title, not the clipped text
    assert r.listed == date(2025, 3, 1)
    r2 = parse_record(record(2, "示例县2023年法治政府建设工作总结", "2024-02-02", style=1)[17:-12], COL)
    assert r2 is not None and r2.listed == date(2024, 2, 2)
    proxy, form = proxy_form(page, COL, store.nextgroup)
    assert proxy == PROXY
    assert form["columnid"] == "1229000001" and form["unitid"] == "4471" and form["webid"] == "3187"
    assert form["col"] == "1" and form["appid"] == "1" and form["webname"] == "示例"


def test_pages_through_dataproxy_until_totalrecord():
    first = [
        record(9, "示例县2024年度法治政府建设情况报告", "2025-03-01"),
        record(8, "关于印发示例县法治政府建设实施方案的通知", "2025-01-05"),
    ]
    second = [
        record(7, "示例县2023年度法治政府建设情况报告", "2024-03-01"),
        record(6, "示例县2022年度法治政府建设情况报告", "2023-03-01"),
    ]
    f = FakeFetcher(
        {
            COL: column_page(first, 4),
            f"POST {PROXY}?startrecord=3&endrecord=8&perpage=2": proxy_answer(second, 4),
        }
    )
    found = asyncio.run(collect(hanweb.discover(Column(COL), src(), f, range(2020, 2025))))
    assert [c.report_year for c in found] == [2024, 2023, 2022]
    assert found[0].url == f"{HOST}/art/2025/3/1/art_1229000001_9.html"
    method, _, data = f.calls[1]
    assert method == "POST" and data is not None and data["columnid"] == "1229000001"
    assert len(f.calls) == 2  # 4 records seen = totalrecord: no third request


def test_stale_first_group_saves_the_proxy_request():
    first = [
        record(2, "示例县2019年度法治政府建设情况报告", "2020-03-01"),
        record(1, "示例县2018年度法治政府建设情况报告", "2019-03-01"),
    ]
    f = FakeFetcher({COL: column_page(first, 40)})
    asyncio.run(collect(hanweb.discover(Column(COL), src(), f, range(2022, 2025))))
    assert len(f.calls) == 1


def test_falls_back_to_server_rendered_screens_when_the_proxy_refuses():
    first = [
        record(9, "示例县2024年度法治政府建设情况报告", "2025-03-01"),
        record(8, "示例县2023年度法治政府建设情况报告", "2024-03-01"),
    ]
    screen2 = (
        '<ul class="list"><li><a href="/art/2023/3/1/art_1229000001_7.html" '
        'title="示例县2022年度法治政府建设情况报告">示例县2022年度…</a><span>2023-03-01</span></li></ul>'
    )
    f = FakeFetcher(
        {
            COL: column_page(first, 3),
            f"{COL}?uid=4471&pageNum=2": screen2,  # no dataproxy answer is canned: it 404s
        }
    )
    found = asyncio.run(collect(hanweb.discover(Column(COL), src(), f, range(2020, 2025))))
    assert [c.report_year for c in found] == [2024, 2023, 2022]
    assert [m for m, _, _ in f.calls] == ["GET", "POST", "GET"]


def test_the_column_own_datastore_wins_over_a_sidebar_unit():
    sidebar = (
        '<div id="9"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/'
        'jpage/dataproxy.jsp?page=1&webid=3187&columnid=555&unitid=9"></a>]]></nextgroup><recordset>'
        + "".join(record(n, f"要闻{n}", "2025-01-01") for n in range(5))
        + "</recordset></datastore></script></div>"
    )
    page = sidebar + column_page([record(1, "示例县2024年度法治政府建设情况报告", "2025-03-01")], 1)
    store = parse_datastore(page, "1229000001")
    assert store is not None and len(store.records) == 1 and "columnid=1229000001" in (store.nextgroup or "")


EMPTY_STORE = "<datastore><recordset></recordset></datastore>"


def test_an_empty_proxy_answer_before_the_total_falls_back_to_the_screens():
    """Encrypted ids in <nextgroup> get an empty datastore back; the server-rendered screens still list."""
    first = [
        record(9, "示例县2024年度法治政府建设情况报告", "2025-03-01"),
        record(8, "示例县2023年度法治政府建设情况报告", "2024-03-01"),
    ]
    screen2 = (
        '<ul class="list"><li><a href="/art/2023/3/1/art_1229000001_7.html" '
        'title="示例县2022年度法治政府建设情况报告">示例县2022年度…</a><span>2023-03-01</span></li></ul>'
    )
    f = FakeFetcher(
        {
            COL: column_page(first, 3),
            f"POST {PROXY}?startrecord=3&endrecord=8&perpage=2": EMPTY_STORE,
            f"{COL}?uid=4471&pageNum=2": screen2,
        }
    )
    found = asyncio.run(collect(hanweb.discover(Column(COL), src(), f, range(2020, 2025))))
    assert [c.report_year for c in found] == [2024, 2023, 2022]
    assert [m for m, _, _ in f.calls] == ["GET", "POST", "GET"]


def test_proxy_and_webid_named_only_by_the_page_script():
    """Older JCMS pages: no <nextgroup>; the jpage config names the proxy path and the site."""
    page = (
        '<div id="55"><script type="text/xml"><datastore><recordset></recordset></datastore></script></div>'
        "<script>$('#55').jpage({proxyUrl: '/module/jslib/jquery/jpage/dataproxy.jsp', webid: '7'});</script>"
    )
    proxy, form = proxy_form(page, f"{HOST}/col/col12/index.html", None)
    assert proxy == f"{HOST}/module/jslib/jquery/jpage/dataproxy.jsp"
    assert (form["webid"], form["columnid"], form["unitid"]) == ("7", "12", "55")
