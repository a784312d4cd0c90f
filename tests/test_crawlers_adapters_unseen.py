"""Discovery on portal dialects the adapters were not written against (SimConfig.variants), and the
general rules that read them: JSON list APIs behind empty column shells, base64-encoded pagers,
lists named after their folder, <dl> list items, vendor names in the registry."""

import asyncio
import base64
import json
from dataclasses import replace
from urllib.parse import parse_qsl, quote, urlsplit

import pytest

from crawlers.adapters import ADAPTERS, adapter_for
from crawlers.adapters.auto import is_home_page
from crawlers.adapters.encoded import decoded_fragments
from crawlers.adapters.generic import is_listing
from crawlers.adapters.links import anchors
from crawlers.adapters.listapi import find_list_apis, json_items, json_total
from crawlers.adapters.text import guess_report_year, looks_like_report
from crawlers.archive import Archive
from crawlers.canonical import canonical_page
from crawlers.crawl import CountingFetcher, crawl_sources, wanted
from crawlers.fetcher import Fetcher
from crawlers.model import Column, Source
from crawlers.recognize import recognise
from crawlers.sim import SimConfig, SimPortals
from crawlers.sim.families.generic_mixed import shown_title as mixed_title
from crawlers.sim.sites import VARIANT_SLOTS

YEARS = range(2019, 2024)


@pytest.fixture(scope="module")
def sim():
    with SimPortals(SimConfig(hosts=0, variants=True, years=range(2018, 2025))) as portals:
        yield portals


def _named(source: Source, adapter: str) -> Source:
    return replace(
        source, adapter=adapter, columns=tuple(replace(c, adapter=adapter) for c in source.columns)
    )


async def _discover(source: Source, data) -> set[str]:
    async with Fetcher(archive=Archive(data)) as f:
        f.register_source(source)
        found = set()
        for column in source.columns:
            counting = CountingFetcher(f)
            async for c in adapter_for(column, source)(column, source, counting, YEARS):
                if wanted(c, YEARS):
                    found.add(canonical_page(c.url))
        return found


def _reports(sim, source_id: str, kind: str = "report") -> set[str]:
    return {
        canonical_page(t["url"])
        for t in sim.truth
        if t["source_id"] == source_id
        and t["kind"] == kind
        and t.get("report_year") in YEARS
        and _listed_with_a_year(t)
    }


def _listed_with_a_year(entry: dict) -> bool:
    """A known limit: in a general column (generic-mixed) a title the list cut before its year tells
    nothing, and articles are opened only for cut titles naming a year asked; the rest stay unfound."""
    if entry["source_id"] != "sim-generic-mixed":
        return True
    return guess_report_year(mixed_title(entry["title"])) is not None


@pytest.mark.parametrize("key", [s.key for s in VARIANT_SLOTS])
@pytest.mark.parametrize("how", ["family", "auto"])
def test_every_report_of_an_unseen_dialect_is_discovered(sim, key, how, tmp_path):
    source = next(s for s in sim.sources if s.id == f"sim-{key}")
    named = _named(source, source.adapter if how == "family" else "auto")
    found = asyncio.run(_discover(named, tmp_path))
    reports = _reports(sim, source.id)
    assert reports, "the portal serves reports for the years asked"
    assert reports <= found
    near_misses = {canonical_page(t["url"]) for t in sim.truth if t["kind"] == "near_miss"}
    assert found - reports <= near_misses  # nothing else: no list page, no column link, no chrome


def test_crawl_archives_reports_and_attachments_of_every_unseen_dialect(sim, tmp_path):
    summary = crawl_sources(sim.sources, YEARS, tmp_path)
    archived = {canonical_page(r.url) for r in summary.reports if r.archived}
    for source in sim.sources:
        assert _reports(sim, source.id) <= archived, source.id
        assert _reports(sim, source.id, "attachment") <= archived, source.id
    assert not [c.error for c in summary.columns if c.error]


@pytest.mark.parametrize("how", ["family", "auto"])
def test_a_registry_row_naming_only_the_home_page_is_read_from_there(sim, how, tmp_path):
    homes = []
    for s in sim.sources:
        name = s.adapter if how == "family" else "auto"
        homes.append(replace(s, adapter=name, columns=(Column(url=s.base_url, adapter=name),)))
    summary = crawl_sources(homes, YEARS, tmp_path)
    archived = {canonical_page(r.url) for r in summary.reports if r.archived}
    for source in homes:
        assert _reports(sim, source.id) <= archived, source.id


@pytest.mark.parametrize(
    ("url", "home"),
    [
        ("http://www.a.gov.cn", True),
        ("http://www.a.gov.cn/", True),
        ("http://www.a.gov.cn/index.html", True),
        ("http://www.a.gov.cn/default.aspx", True),
        ("http://www.a.gov.cn/index.html?uid=1&pageNum=2", False),
        ("http://www.a.gov.cn/zwgk/index.html", False),
        ("http://www.a.gov.cn/list.php", False),
    ],
)
def test_home_page_addresses(url, home):
    assert is_home_page(url) is home


# --- the rules, one by one ------------------------------------------------------------------------

JPAAS_SHELL = """<div id="unit"></div><script>
$.ajax({ url: "/api-gateway/jpaas-publish-server/front/page/build/unit", type: "GET",
  data: { parseType: "bulidstatic", webId: "3382", tplSetId: "52", pageType: "column",
          tagId: "当前栏目列表", pageId: "1229467", rows: 20, pageNo: pageNo } });
</script>"""


def test_jpaas_endpoint_is_read_from_a_data_object():
    [api] = find_list_apis(JPAAS_SHELL, "http://sfj.a.gov.cn/col/col1229467/index.html")
    url = api.page_url(3)
    query = dict(parse_qsl(urlsplit(url).query))
    assert url.startswith("http://sfj.a.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit?")
    assert query == {
        "parseType": "bulidstatic",
        "webId": "3382",
        "tplSetId": "52",
        "pageType": "column",
        "tagId": "当前栏目列表",
        "pageId": "1229467",
        "rows": "20",
        "pageNo": "3",
    }


def test_jpaas_endpoint_with_its_query_and_the_column_from_the_address():
    html = (
        "<script>var u = '/api-gateway/jpaas-publish-server/front/page/build/unit?parseType=bulidstatic"
        "&webId=12&tplSetId=7&pageType=column&tagId=x&rows=15';</script>"
    )
    [api] = find_list_apis(html, "https://www.b.gov.cn/col/col4410/index.html")
    query = dict(parse_qsl(urlsplit(api.page_url(1)).query))
    assert query["pageId"] == "4410" and query["webId"] == "12" and query["pageNo"] == "1"


def test_common_search_endpoint_and_its_page_size_variable():
    html = (
        '<script>var pageSize = 20; $.ajax({url: "/common/search/8a8c2c1f7e5d", '
        "data: {_isAgg: false, _isJson: true, _pageSize: pageSize, page: p}});</script>"
    )
    [api] = find_list_apis(html, "http://www.c.gov.cn/xxgk/index.html")
    query = dict(parse_qsl(urlsplit(api.page_url(2)).query))
    assert api.url == "http://www.c.gov.cn/common/search/8a8c2c1f7e5d"
    assert query["_pageSize"] == "20" and query["page"] == "2" and query["_isJson"] == "true"


def test_pages_that_call_no_list_api_name_none():
    assert (
        find_list_apis("<script>var url = '/common/js/search.js';</script><a href='/x'>x</a>", "http://a/")
        == []
    )


def test_json_items_by_shape_whatever_the_key_case():
    suzhou_like = {
        "data": {
            "allRow": 31,
            "list": [
                {
                    "TITLE": "某区2022年法治政府建设年度报告",
                    "URL": "/szinf/info/2023/1.html",
                    "PUBLISHED_TIME_FORMAT": "2023-03-01",
                },
                {"TITLE": "其他", "URL": "/szinf/info/2023/2.html", "PUBLISHED_TIME_FORMAT": "2023-02-01"},
            ],
        }
    }
    items = json_items(suzhou_like, "http://www.d.gov.cn/szinf/xxgk/loadData")
    assert [(i.url, i.listed.isoformat()) for i in items] == [
        ("http://www.d.gov.cn/szinf/info/2023/1.html", "2023-03-01"),
        ("http://www.d.gov.cn/szinf/info/2023/2.html", "2023-02-01"),
    ]
    assert json_total(suzhou_like) == 31
    gov_search = {
        "searchVO": {
            "totalCount": 2,
            "listVO": [{"title": "<em>法治</em>政府", "url": "/a.htm", "pubtime": 1680000000000}],
        }
    }
    [item] = json_items(gov_search, "http://sousuo.e.gov.cn/s")
    assert item.title == "法治政府" and item.listed.year == 2023


def test_json_items_reads_links_of_an_html_fragment():
    answer = {
        "success": True,
        "data": {
            "html": "<ul><li><a href='/col/col1/art/2024/art_ab.html'>某局2023年法治政府建设年度报告</a>"
            "<span>2024-02-20</span></li></ul>",
            "count": "8",
        },
    }
    [item] = json_items(answer, "http://f.gov.cn/api-gateway/x")
    assert (
        item.url == "http://f.gov.cn/col/col1/art/2024/art_ab.html"
        and item.listed.isoformat() == "2024-02-20"
    )
    assert json_total(answer) == 8


def test_base64_pager_is_decoded_only_on_pages_that_call_atob():
    pager = quote('<a href="list_2.shtml">2</a><a href="list_2.shtml">下一页</a>')
    blob = base64.b64encode(pager.encode()).decode()
    script = "<script>el.innerHTML = decodeURIComponent(window.atob(el.innerHTML));</script>"
    page = f'<div id="pages">{blob}</div>{script}'
    [fragment] = decoded_fragments(page)
    assert [a.url for a in anchors(fragment, "http://g.gov.cn/zw/list.shtml")] == [
        "http://g.gov.cn/zw/list_2.shtml"
    ] * 2
    assert decoded_fragments(f'<div id="pages">{blob}</div>') == []  # no script decodes it: not a pager
    not_markup = base64.b64encode(b"just some identifier text").decode()
    assert decoded_fragments(f"<i>{not_markup}</i><script>atob(x)</script>") == []


@pytest.mark.parametrize(
    ("url", "listing"),
    [
        ("http://a/zfxxgk/fzzfjsndbg/fzzfjsndbg.shtml", True),
        ("http://a/zfxxgk/gfxwj/gfxwj_2.shtml", True),
        ("http://a/zwgk/fzzfjs/index_3.html", True),
        ("http://a/zfxxgk/fzzfjsndbg/202403/4f1a9c.shtml", False),
        ("http://a/zwgk/content/post_4688229.html", False),
        ("http://a/2023/2023.html", False),  # a number is an id, not a folder's own list
    ],
)
def test_a_page_named_after_its_folder_is_the_folders_list(url, listing):
    assert is_listing(url) is listing


def test_dl_list_items_carry_their_date():
    html = '<dl><dt><a href="/a/1.html">某县2023年法治政府建设年度报告</a></dt><dd>2024-03-08</dd></dl>'
    [a] = anchors(html, "http://h.gov.cn/")
    assert "2024-03-08" in a.context


def test_jcms_api_shell_is_recognised_as_hanweb():
    assert recognise("http://sfj.a.gov.cn/col/col1229467/index.html", JPAAS_SHELL) == "hanweb"


@pytest.mark.parametrize("name", ["nfcms", "kaipu", "NFCMS", " Kaipu "])
def test_vendor_names_without_an_adapter_are_recognised_from_the_page(name):
    source = Source(
        id="x", name="x", base_url="http://a/", adapter=name, columns=(Column(url="http://a/l/"),)
    )
    assert adapter_for(source.columns[0], source) is ADAPTERS["auto"]


def test_an_unknown_adapter_name_is_still_a_clear_error():
    source = Source(
        id="x", name="x", base_url="http://a/", adapter="nosuch", columns=(Column(url="http://a/l/"),)
    )
    with pytest.raises(KeyError, match="unknown adapter 'nosuch'"):
        adapter_for(source.columns[0], source)


def test_variant_truth_json_api_answers_gb18030_behind_a_utf8_header(sim):
    """The Kaipu list API sends GB18030 bytes whose header says UTF-8 (a real list API does); the
    crawl above reads it, so the decoding must not trust the header."""
    import httpx

    portal = sim.portal("sim-kaipu-county")
    from crawlers.sim.families.kaipu import api_path

    r = httpx.get(f"{portal.base_url.rstrip('/')}{api_path(portal.site)}?page=1&_pageSize=5")
    assert "utf-8" in r.headers["content-type"].lower()
    with pytest.raises(UnicodeDecodeError):
        r.content.decode("utf-8")
    assert json.loads(r.content.decode("gb18030"))["data"]["total"] > 5


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("某市农业农村局关于2023年法治政府建设工作...", True),
        ("中共某县委 某县人民政府关于2023年度法治政府建设情况的报…", True),
        ("某县二〇二三年法治政府建设年度．．．", True),
        ("某县2023年法治政府建设工作要点…", False),  # a genre word before the cut
        ("关于印发2024年法治政府建设实施方案的通...", False),
        ("某县法治政府建设示范创建...", False),  # no year: a topic page, not a yearly report
        ("某县2023年法治政府建设工作", False),  # not cut: says no report
    ],
)
def test_titles_cut_by_the_list_width(title, kept):
    assert looks_like_report(title) is kept
