"""Site discovery on a portal built from real shapes: 信息公开 on a subdomain behind an iframe, a report
linked from the home page, TRS site search, a sitemap index named in robots.txt."""

import asyncio
import csv
from pathlib import Path
from urllib.parse import urlencode

import pytest

from crawlers.adapters.base import DiscoveryError
from crawlers.canonical import canonical_page
from crawlers.onboard.columns import column_of_article
from crawlers.onboard.entry import level_for, region_for_code
from crawlers.onboard.meta import page_meta, site_id_code
from crawlers.onboard.search import QUERY, find_search, result_total
from crawlers.onboard.site import anchor_score, discover_site, on_site
from crawlers.onboard.sitemap import parse_sitemap, sitemaps_in_robots
from tests.support.fake_fetcher import FakeFetcher

WWW = "http://www.example.gov.cn"
XXGK = "http://xxgk.example.gov.cn"
TITLE = "示例县2023年法治政府建设年度报告"
TITLE_B = "示例县2023年法治政府建设情况报告"
TITLE_DEPT = "示例县司法局2023年法治政府建设情况报告"
TITLE_YFXZ = "示例县司法局2022年度依法行政工作报告"


def trs_list(*items: tuple[str, str]) -> str:
    lis = "".join(f'<li><a href="{h}" title="{t}">{t}</a><span>2024-03-20</span></li>' for h, t in items)
    return f'<ul>{lis}</ul><script>createPageHTML(1, 0, "index", "html");</script>'


def portal() -> FakeFetcher:
    search = f"{WWW}/was5/web/search?" + urlencode({"channelid": "2241", "searchword": QUERY, "page": 1})
    return FakeFetcher(
        {
            f"{WWW}/": (
                '<meta name="SiteName" content="示例县人民政府"><meta content="4211220001" name="SiteIDCode">'
                '<ul class="nav"><li><a href="http://xxgk.example.gov.cn/">政府信息公开</a></li>'
                '<li><a href="/hdjl/">互动交流</a></li></ul>'
                '<a href="/ztzl/"><img src="/images/banner_1.jpg" alt="法治政府建设专题"></a>'
                '<form action="/was5/web/search" method="get"><input name="searchword">'
                '<input type="hidden" name="channelid" value="2241"></form>'
                '<div class="tzgg"><h3>通知公告</h3><ul><li>'
                f'<a href="/zwgk/tzgg/202403/t20240320_5.html">{TITLE}</a></li></ul></div>'
            ),
            f"{XXGK}/": '<h2>政府信息公开</h2><iframe src="/fdzdgknr/index.html" frameborder="0"></iframe>',
            f"{XXGK}/fdzdgknr/index.html": (
                '<ul><li><a href="#">机构职能</a></li>'
                '<li><a href="/fdzdgknr/fzzfjsndbg/">法治政府建设年度报告</a></li></ul>'
            ),
            f"{XXGK}/fdzdgknr/fzzfjsndbg/": trs_list(("./202403/t20240320_11.html", TITLE_B)),
            f"{WWW}/zwgk/tzgg/": trs_list(
                ("./202403/t20240320_5.html", TITLE), ("./202402/t20240201_4.html", "春节通知")
            ),
            search: (
                '<div class="result"><a href="http://www.example.gov.cn/zwgk/bmdt/202403/t20240321_9.html">'
                f"{TITLE_DEPT}</a></div>"
            ),
            f"{WWW}/zwgk/bmdt/": trs_list(("./202403/t20240321_9.html", TITLE_DEPT)),
            f"{WWW}/robots.txt": "User-agent: *\nDisallow: /admin/\nSitemap: /sitemap_index.xml\n",
            f"{WWW}/sitemap_index.xml": (
                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                "<sitemap><loc>http://www.example.gov.cn/sitemap1.xml</loc></sitemap></sitemapindex>"
            ),
            f"{WWW}/sitemap1.xml": (
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                "<url><loc>http://www.example.gov.cn/ztzl/fzzfjs/202402/t20240201_3.html</loc></url>"
                "<url><loc>http://www.example.gov.cn/zwdt/202402/t20240202_8.html</loc></url>"
                "<url><loc>http://www.example.gov.cn/bmxxgk/sfj/yfxz/202402/t20240203_6.html</loc></url></urlset>"
            ),
            f"{WWW}/bmxxgk/sfj/yfxz/": trs_list(("./202402/t20240203_6.html", TITLE_YFXZ)),
            f"{WWW}/ztzl/": '<ul><li><a href="/ztzl/fzzfjs/">法治政府建设</a></li></ul>',
            f"{WWW}/ztzl/fzzfjs/": trs_list(
                ("./202402/t20240201_3.html", "示例县2022年法治政府建设工作总结")
            ),
        }
    )


def test_every_way_in_finds_its_column():
    fetcher = portal()
    found = asyncio.run(discover_site(f"{WWW}/", fetcher))
    by_url = {c.url: c for c in found.columns}
    assert by_url[f"{XXGK}/fdzdgknr/fzzfjsndbg/"].via == "walk"  # subdomain, behind the iframe
    assert by_url[f"{WWW}/zwgk/tzgg/"].via == "walk"  # named by the report the home page links
    assert by_url[f"{WWW}/zwgk/bmdt/"].via == "search"
    assert by_url[f"{WWW}/ztzl/fzzfjs/"].via == "walk"  # behind a banner named by its image's alt text
    assert by_url[f"{WWW}/bmxxgk/sfj/yfxz/"].via == "sitemap"  # a 依法行政 folder only the sitemap names
    assert all(c.adapter == "trs" for c in found.columns) and len(found.columns) == 5
    assert f"{WWW}/zwdt/" not in fetcher.urls() and f"{WWW}/hdjl/" not in fetcher.urls()
    assert (found.site_name, found.site_code) == ("示例县人民政府", "4211220001")
    assert found.requests == len(fetcher.calls) <= 14
    # the sitemap names the same topic column: read, not fetched again; other folders never probed
    assert fetcher.urls().count(f"{WWW}/ztzl/fzzfjs/") == 1 and f"{WWW}/zwdt/" not in fetcher.urls()


def test_unreachable_home_page_says_why():
    with pytest.raises(DiscoveryError, match="HTTP 404"):
        asyncio.run(discover_site(f"{WWW}/", FakeFetcher({})))


def test_on_site_and_anchor_scores():
    bases = {"example.gov.cn"}
    assert on_site("xxgk.example.gov.cn", bases) and on_site("www.example.gov.cn", bases)
    assert not on_site("www.other.gov.cn", bases) and not on_site("example.gov.cn.evil.com", bases)
    assert not on_site("sft.gov.cn", {"gov.cn"})  # www.gov.cn does not own every *.gov.cn
    assert not on_site("127.0.0.13", {"127.0.0.3"})
    scores = [anchor_score(text, "/x/") for text in ("法治政府建设年度报告", "政府信息公开", "互动交流")]
    assert scores == sorted(scores, reverse=True) and scores[-1] < 3
    assert anchor_score("更多", "/zwgk/fdzdgknr/fzzfjsndbg/") >= 3  # a folder named after the reports counts


def test_search_forms_of_each_family():
    html = (
        '<form action="/jrobot/search.do"><input type="hidden" name="webid" value="23">'
        '<input name="q"></form>'
        '<form action="http://zs.kaipuyun.cn/search4/s"><input name="searchWord"></form>'
    )
    ends = {e.kind: e for e in find_search(html, f"{WWW}/", site_code="3609000060")}
    assert ends["hanweb"].url(QUERY, 2).startswith(f"{WWW}/jrobot/search.do?webid=23&pg=12&pos=title&q=")
    assert ends["hanweb"].url(QUERY, 2).endswith("&p=2")
    assert "siteCode=3609000060" in ends["kaipu"].url(QUERY, 1) and "pageNum=1" in ends["kaipu"].url(QUERY, 1)
    assert result_total('<div class="jsearch-info-box" data-total="37">') == 37
    # a Hanweb column page names its web id in the visit counter even without a form
    counter = "/module/visitcount/visit.jsp?type=1&i_webid=15&i_columnid=6853"
    column = f"<datastore></datastore><script src='{counter}'>"
    assert [e.kind for e in find_search(column, f"{WWW}/col/col6853/index.html")] == ["hanweb"]


def test_sitemaps_meta_and_regions():
    robots = "User-agent: *\nSitemap: /a.xml\nsitemap: http://www.example.gov.cn/b.xml\n"
    assert sitemaps_in_robots(robots, f"{WWW}/robots.txt") == [f"{WWW}/a.xml", f"{WWW}/b.xml"]
    xml = "<urlset><url><loc><![CDATA[ /x/1.html ]]></loc></url></urlset>"
    urls, children = parse_sitemap(xml, f"{WWW}/s.xml")
    assert (urls, children) == ([f"{WWW}/x/1.html"], [])
    html = '<meta  content="邯郸市人民政府" name="SiteName"><meta name="SiteIDCode" content="">'
    html += "政府网站标识码：1304000009"
    assert page_meta(html)["SiteName"] == "邯郸市人民政府" and site_id_code(html) == "1304000009"
    assert region_for_code("130400").level == "prefecture" and region_for_code("420000").name == "湖北省"
    assert region_for_code("110107").level == "county" and region_for_code("990000") is None
    assert level_for("邯郸市司法局", region_for_code("130400")) == "department"
    assert level_for("邯郸市人民政府", region_for_code("130400")) == "prefecture"
    assert level_for("城关镇人民政府", region_for_code("130400")) == "township"


COLUMNS_CSV = Path(__file__).resolve().parents[1].parent / "shared" / "sources" / "report_columns.csv"
_DERIVABLE = (
    "TRS detail page",
    "Hanweb article address",
    "NFCMS section folder",
    "detail page sits under a date",
)


def test_real_report_addresses_name_their_real_columns():
    if not COLUMNS_CSV.exists():
        pytest.skip("shared sources not available")
    rows = [
        r
        for r in csv.DictReader(COLUMNS_CSV.open(encoding="utf-8"))
        if r["column_url"] and r["example_report_url"] and r["column_basis"].startswith(_DERIVABLE)
    ]
    assert len(rows) >= 15
    for r in rows:
        named = column_of_article(canonical_page(r["example_report_url"]))
        assert named is not None, r["example_report_url"]
        assert canonical_page(named[0]).split("://")[1] == canonical_page(r["column_url"]).split("://")[1], r


def test_a_report_only_the_home_page_links_makes_the_home_page_its_column():
    home = f'<ul><li><a href="/show.php?id=5">{TITLE}</a><span>2024-03-20</span></li></ul>'
    found = asyncio.run(discover_site(f"{WWW}/", FakeFetcher({f"{WWW}/": home}), use_sitemap=False))
    assert [(c.url, c.adapter, c.reports) for c in found.columns] == [(f"{WWW}/", "generic", 1)]
    news = f'<ul><li><a href="/zwgk/tzgg/202403/t20240320_5.html">{TITLE}</a></li></ul>'
    fetcher = FakeFetcher({f"{WWW}/": news})  # its column (unreachable here) is named by the address
    found = asyncio.run(discover_site(f"{WWW}/", fetcher, use_sitemap=False))
    assert found.columns == [] and f"{WWW}/zwgk/tzgg/" in fetcher.urls()
