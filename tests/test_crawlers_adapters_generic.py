import asyncio
from datetime import date

import pytest

from crawlers.adapters import generic
from crawlers.adapters.attachments import find_attachments
from crawlers.adapters.links import canonical_url, dedupe_key
from crawlers.adapters.text import date_from_url, find_date, guess_report_year, looks_like_report
from crawlers.model import Column, Source
from tests.support.fake_fetcher import FakeFetcher, collect

HOST = "https://www.example-nf.gov.cn"
COL = f"{HOST}/zwgk/fzzfjs/"


@pytest.mark.parametrize(
    ("title", "is_report", "year"),
    [
        ("示例市2023年度法治政府建设情况报告", True, 2023),
        ("关于2022年法治政府建设工作情况的报告", True, 2022),
        ("2015年推进依法行政工作情况及2016年工作打算", True, 2015),
        ("示例镇人民政府法治政府建设情况报告", True, None),
        ("示例省2017年法治政府建設年度情況報告", True, 2017),
        ("示例区法治政府建设报告（2021年）", True, 2021),
        ("二〇二三年法治政府建设年度报告", True, 2023),
        ("《示例县2024年法治政府建设情况的报告》政策解读", False, 2024),
        ("关于印发《2025年法治政府建设工作要点》的通知", False, 2025),
        ("示例市法治政府建设实施方案", False, None),
        ("2024年政府信息公开工作年度报告", False, 2024),
        ("示例市部署2022年法治政府建设重点工作", False, 2022),
        ("一图读懂示例县2023年度法治政府建设情况", False, 2023),
        ("示例省召开2021年度法治政府建设工作推进会", False, 2021),
        ("示例县2023年法治政府建设情况报告及2024年工作计划", True, 2023),
        ("关于开展2023年度法治政府建设情况督察的通知", False, 2023),
    ],
)
def test_report_vocabulary(title, is_report, year):
    assert looks_like_report(title) is is_report
    assert guess_report_year(title) == year


def test_dates_and_canonical_urls():
    assert find_date("[2017-04-24]") == date(2017, 4, 24)
    assert find_date("发布日期：2024年3月7日") == date(2024, 3, 7)
    assert date_from_url("/a/202403/t20240327_9.shtml") == date(2024, 3, 27)
    assert date_from_url("/art/2024/3/7/art_1_2.html") == date(2024, 3, 7)
    assert date_from_url("/tzgg/20240401/abc.html") == date(2024, 4, 1)
    assert date_from_url("/c101/202401/abc.shtml") == date(2024, 1, 1)
    assert canonical_url("HTTP://Www.X.gov.cn:80/a/./b/../c.html#top") == "http://www.x.gov.cn/a/c.html"
    assert dedupe_key("https://x.gov.cn/a.html") == dedupe_key("http://x.gov.cn/a.html")


def page(items: list[tuple[str, str, str]], next_href: str | None = None, extra: str = "") -> str:
    lis = "".join(f'<li><a href="{h}">{t}</a><span>{d}</span></li>' for h, t, d in items)
    nxt = f'<a href="{next_href}">下一页</a>' if next_href else ""
    return f"<html><body><ul>{lis}</ul>{extra}<div class='pages'><a href='index.html'>1</a>{nxt}</div></body></html>"  # noqa: E501


def src() -> Source:
    return Source(id="nf", name="示例", base_url=HOST + "/", adapter="generic", columns=(Column(COL),))


def test_reads_report_links_follows_next_page_and_sections():
    f = FakeFetcher(
        {
            COL: page(
                [
                    ("content/post_300.html", "示例市2024年法治政府建设年度报告", "2025-03-28"),
                    ("content/post_299.html", "示例市召开常务会议", "2025-03-01"),
                    (
                        "https://elsewhere.example.com/x.html",
                        "示例市2023年法治政府建设年度报告",
                        "2024-03-01",
                    ),
                ],
                next_href="index_2.html",
                extra=(
                    '<a href="/zwgk/fzzfjs/zjbg/">镇街法治政府建设报告</a>'
                    '<a href="/ztzl/fzzfjs/">法治政府建设专题</a>'
                ),
            ),
            COL + "index_2.html": page(
                [("content/post_200.html", "示例市2023年法治政府建设年度报告", "2024-03-28")]
            ),
            COL + "zjbg/": page(
                [("content/post_150.html", "示例镇2024年法治政府建设年度报告", "2025-02-01")]
            ),
        }
    )
    found = asyncio.run(collect(generic.discover(Column(COL), src(), f, range(2022, 2025))))
    assert sorted(c.url for c in found) == sorted(
        [
            COL + "content/post_300.html",
            COL + "content/post_200.html",
            COL + "zjbg/content/post_150.html",
        ]
    )
    assert all("elsewhere" not in u for u in f.urls())  # never leaves the source's hosts
    assert f"{HOST}/ztzl/fzzfjs/" not in f.urls()  # a topic page elsewhere on the site is not a sub-column


def test_stale_page_stops_pagination():
    f = FakeFetcher(
        {
            COL: page(
                [("content/post_10.html", "示例市2018年法治政府建设年度报告", "2019-03-28")],
                next_href="index_2.html",
            ),
        }
    )
    asyncio.run(collect(generic.discover(Column(COL), src(), f, range(2022, 2025))))
    assert f.urls() == [COL]


def test_attachments_of_an_article_page():
    html = """<html><body><div class="TRS_Editor"><p>正文</p></div>
    <a href="./P020240327579916280454.pdf">示例局2023年法治政府建设年度报告.pdf</a>
    <a href="/module/download/downfile.jsp?classid=0&filename=abc123.pdf">附件1</a>
    <a class="nfw-cms-attachment" href="/attachment/0/7/7756059.docx">附件：报告全文</a>
    <a href="/images/W020240327.jpg">图片</a><a href="./P020240327579916280454.pdf">重复</a>
    <iframe src="/pdfjs/web/viewer.html?file=/files/report.pdf"></iframe></body></html>"""
    found = find_attachments(html, "https://a.gov.cn/zwgk/202403/t20240327_1.html")
    assert [a.url for a in found] == [
        "https://a.gov.cn/zwgk/202403/P020240327579916280454.pdf",
        "https://a.gov.cn/module/download/downfile.jsp?classid=0&filename=abc123.pdf",
        "https://a.gov.cn/attachment/0/7/7756059.docx",
        "https://a.gov.cn/files/report.pdf",
    ]
    assert found[0].text == "示例局2023年法治政府建设年度报告.pdf"


def test_year_archives_below_the_column_are_walked():
    """Columns split into one sub-list per year (…/fzzfjs/2023/index.html, linked as 「2023年」)."""

    def listing(items: str) -> str:
        return f"<html><body><ul>{items}</ul></body></html>"

    home = listing(
        '<li><a href="2023/index.html">2023年</a></li><li><a href="2022/">2022年度</a></li>'
        '<li><a href="/zwgk/tzgg/index.html">2021年</a></li>'  # not below the column: another list
    )
    pages = {
        COL: home,
        f"{COL}2023/index.html": listing(
            f'<li><a href="{COL}2023/content/post_7.html">示例市2023年法治政府建设年度报告</a>2024-03-01</li>'
        ),
        f"{COL}2022/": listing(
            f'<li><a href="{COL}2022/content/post_5.html">示例市2022年法治政府建设年度报告</a>2023-03-01</li>'
        ),
    }
    f = FakeFetcher(pages)
    source = Source(id="nf", name="示例市", base_url=HOST + "/", adapter="generic", columns=(Column(COL),))
    found = asyncio.run(collect(generic.discover(Column(COL), source, f, range(2021, 2025))))
    assert sorted(c.report_year for c in found) == [2022, 2023]
    assert f"{HOST}/zwgk/tzgg/index.html" not in f.urls()


def test_year_archives_beside_the_column_under_an_extended_name_are_walked():
    """Shanghai: recent items in /nw123/, older years in /nw1232021/ linked as 「2021年」."""
    col = f"{HOST}/nw123/index.html"
    nav = '<a href="/nw1232022/index.html">2022年</a><a href="/nw1232016/index.html">2016年</a>'
    nav += '<a href="/other2022/index.html">2022年</a>'  # another section's archive

    def listing(items: str) -> str:
        return f"<html><body><div>{nav}</div><ul>{items}</ul></body></html>"

    pages = {
        col: listing(
            f'<li><a href="{HOST}/nw123/20240301/ab.html">示例区2023年法治政府建设年度报告</a></li>'
        ),
        f"{HOST}/nw1232022/index.html": listing(
            f'<li><a href="{HOST}/nw123/20220301/cd.html">示例区2021年法治政府建设年度报告</a></li>'
        ),
    }
    f = FakeFetcher(pages)
    source = Source(id="sh", name="示例区", base_url=HOST + "/", adapter="generic", columns=(Column(col),))
    found = asyncio.run(collect(generic.discover(Column(col), source, f, range(2021, 2025))))
    assert sorted(c.report_year for c in found) == [2021, 2023]
    # the 2016 archive predates the years asked; the other section's archive is not this column's
    assert f.urls() == [col, f"{HOST}/nw1232022/index.html"]
