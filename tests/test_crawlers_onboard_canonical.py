"""Gateway (繁体) and mobile addresses map to the page they copy; the crawl archives each page once."""

import asyncio

import pytest

from crawlers.canonical import canonical_page, is_copy, page_key
from crawlers.crawl import crawl_with
from crawlers.model import Column, Source
from tests.support.fake_fetcher import FakeFetcher


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        # gateway on its own big5. host, naming the site it converts
        (
            "http://big5.www.gov.cn/gate/big5/www.gov.cn/zhengce/2024-03/30/content_1.htm",
            "http://www.gov.cn/zhengce/2024-03/30/content_1.htm",
        ),
        # gateway on a side port of the site itself: the original is on the default port
        (
            "http://www.fujian.gov.cn:85/gate/big5/www.fujian.gov.cn/zwgk/ghjh/gzjh/202403/t20240327_6420184.htm",
            "http://www.fujian.gov.cn/zwgk/ghjh/gzjh/202403/t20240327_6420184.htm",
        ),
        (
            "https://www.beijing.gov.cn/gate/big5/www.beijing.gov.cn/zhengce/a.html",
            "https://www.beijing.gov.cn/zhengce/a.html",
        ),
        # the gateway names the site by another name than the host serving it: stay on the serving host
        (
            "http://127.0.0.9:4100/gate/big5/www.example.gov.cn/zwgk/list.htm",
            "http://127.0.0.9:4100/zwgk/list.htm",
        ),
        ("http://big5.example.gov.cn/zwgk/a.html", "http://example.gov.cn/zwgk/a.html"),
        # mobile pages of NFCMS and gkmlpt
        (
            "http://www.gd.gov.cn/zwgk/fzzfjs/content/mpost_4688229.html",
            "http://www.gd.gov.cn/zwgk/fzzfjs/content/post_4688229.html",
        ),
        (
            "http://www.zq.gov.cn/gkmlpt/content/4/4942/mpost_4942475.html",
            "http://www.zq.gov.cn/gkmlpt/content/4/4942/post_4942475.html",
        ),
        # ordinary pages only get normalised
        ("HTTP://WWW.Example.gov.cn:80/a/./b/../c.html#top", "http://www.example.gov.cn/a/c.html"),
        ("http://www.example.gov.cn/gate/index.html", "http://www.example.gov.cn/gate/index.html"),
    ],
)
def test_canonical_page(url, canonical):
    assert canonical_page(url) == canonical
    assert is_copy(url) == ("/gate/big5/" in url or "mpost_" in url or "//big5." in url)


def test_page_key_ignores_scheme_and_copies():
    a = "https://www.gd.gov.cn/zwgk/content/post_1.html"
    assert page_key(a) == page_key("http://www.gd.gov.cn/zwgk/content/mpost_1.html")
    assert page_key(a) == page_key(
        "http://big5.www.gd.gov.cn/gate/big5/www.gd.gov.cn/zwgk/content/post_1.html"
    )
    assert page_key(a) != page_key("https://www.gd.gov.cn/zwgk/content/post_2.html")


HOST = "http://www.example.gov.cn"
COL = f"{HOST}/zwgk/fzzfjs/"
OTHER = f"{HOST}/zwgk/tzgg/"
REPORT = f"{HOST}/zwgk/fzzfjs/content/post_7001.html"
GATEWAY_COPY = "/gate/big5/www.example.gov.cn/zwgk/fzzfjs/content/post_7001.html"


def li(href: str, title: str) -> str:
    return f'<li><a href="{href}" title="{title}">{title}</a><span>2024-03-20</span></li>'


def test_gateway_mobile_and_second_column_copies_are_fetched_once():
    title = "示例县2023年法治政府建设年度报告"
    fetcher = FakeFetcher(
        {
            COL: "<ul>"
            + li("/zwgk/fzzfjs/content/post_7001.html", title)
            + li("/zwgk/fzzfjs/content/mpost_7001.html", title)
            + "</ul>",
            # another column lists the 繁体 gateway copy of the same report
            OTHER: "<ul>" + li(GATEWAY_COPY, "示例縣2023年法治政府建設年度報告") + "</ul>",
            REPORT: "<div>正文</div>",
        }
    )
    source = Source(
        id="x", name="示例县", base_url=HOST + "/", adapter="generic", columns=(Column(COL), Column(OTHER))
    )
    summary = asyncio.run(crawl_with([source], range(2023, 2024), fetcher))
    assert [r.url for r in summary.reports] == [REPORT]
    assert fetcher.urls().count(REPORT) == 1
    assert not [u for u in fetcher.urls() if "mpost_" in u or "/gate/big5/" in u]
