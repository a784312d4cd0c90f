import asyncio
from dataclasses import replace
from datetime import date

from crawlers.crawl import crawl_with, wanted
from crawlers.model import Candidate, Column, Outcome, Source
from tests.support.fake_fetcher import FakeFetcher, Page

HOST = "https://www.example-trs.gov.cn"
COL_A = f"{HOST}/zwgk/fzzfjsndbg/"
COL_B = f"{HOST}/zwgk/tzgg/"


def li(path: str, title: str, day: str) -> str:
    return f'<li><a href="{path}" title="{title}">{title}</a><span>{day}</span></li>'


def trs_list(*items: str) -> str:
    return f'<ul>{"".join(items)}</ul><script>createPageHTML(1, 0, "index", "html");</script>'


ARTICLE_24 = f"{COL_A}202503/t20250320_24.html"
ARTICLE_23 = f"{COL_A}202403/t20240320_23.html"
ARTICLE_18 = f"{COL_A}201903/t20190320_18.html"
PDF_24 = f"{COL_A}202503/P020250320000001.pdf"


def fake() -> FakeFetcher:
    return FakeFetcher(
        {
            COL_A: trs_list(
                li("./202503/t20250320_24.html", "示例市2024年法治政府建设年度报告", "2025-03-20"),
                li("./202403/t20240320_23.html", "示例市2023年法治政府建设年度报告", "2024-03-20"),
                li("./201903/t20190320_18.html", "示例市2018年法治政府建设年度报告", "2019-03-20"),
            ),
            # the generic 通知公告 column links the same 2024 report again
            COL_B: trs_list(
                li(
                    "../fzzfjsndbg/202503/t20250320_24.html", "示例市2024年法治政府建设年度报告", "2025-03-20"
                ),
                li("./202502/t20250201_9.html", "关于春节假期安排的通知", "2025-02-01"),
            ),
            ARTICLE_24: '<div>正文</div><a href="./P020250320000001.pdf">附件：报告全文.pdf</a>',
            ARTICLE_23: '<div class="TRS_Editor">正文</div>',
            PDF_24: Page("%PDF-1.4 …", content_type="application/pdf"),
        }
    )


def source(*cols: str) -> Source:
    columns = tuple(Column(c) for c in cols)
    return Source(id="trs-x", name="示例市", base_url=HOST + "/", adapter="trs", columns=columns)


def test_wanted_by_title_year_or_plausible_listing_date():
    c = Candidate(url="u", title="t", source_id="s", column_url="c")
    years = range(2021, 2024)
    assert wanted(c, years)  # nothing known: the parser decides
    assert wanted(replace(c, report_year=2022), years)
    assert not wanted(replace(c, report_year=2020, listed_date=date(2022, 3, 1)), years)
    assert wanted(replace(c, listed_date=date(2024, 3, 1)), years)  # on 2023, published 2024
    assert not wanted(replace(c, listed_date=date(2025, 3, 1)), years)
    assert not wanted(replace(c, listed_date=date(2019, 3, 1)), years)


def test_crawl_dedupes_filters_years_and_follows_attachments():
    f = fake()
    summary = asyncio.run(crawl_with([source(COL_A, COL_B)], range(2023, 2025), f))
    urls = [r.url for r in summary.reports]
    assert sorted(urls) == sorted([ARTICLE_24, ARTICLE_23, PDF_24])
    assert f.urls().count(ARTICLE_24) == 1  # listed twice, fetched once
    assert ARTICLE_18 not in f.urls()  # 2018 is not asked for
    pdf = next(r for r in summary.reports if r.url == PDF_24)
    assert pdf.attachment_of == ARTICLE_24 and pdf.report_year == 2024 and pdf.archived
    host = summary.hosts["www.example-trs.gov.cn"]
    assert (host.found, host.fetched, host.failed) == (3, 3, 0)
    assert [c.error for c in summary.columns] == [None, None]
    assert [c.list_requests for c in summary.columns] == [1, 1]
    assert {y: len(v) for y, v in summary.by_report_year().items()} == {2024: 2, 2023: 1}
    data = summary.as_dict()
    assert set(data) >= {"totals", "hosts", "reports", "columns"}
    assert set(data["reports"][0]) >= {"url", "final_url", "status", "archived", "reason"}


def test_second_crawl_counts_not_modified_and_failures_with_reasons():
    f = fake()
    f.not_modified = {ARTICLE_24, ARTICLE_23, PDF_24}
    summary = asyncio.run(crawl_with([source(COL_A)], range(2023, 2025), f))
    host = summary.hosts["www.example-trs.gov.cn"]
    assert host.not_modified == 3 and host.fetched == 0
    assert all(r.archived for r in summary.reports)

    f = fake()
    del f.pages[ARTICLE_23]
    f.pages[ARTICLE_24] = Page("<script>challenge</script>", status=412, outcome=Outcome.BLOCKED)
    summary = asyncio.run(crawl_with([source(COL_A)], range(2023, 2025), f))
    failed = next(r for r in summary.reports if r.url == ARTICLE_23)
    assert failed.status == Outcome.FAILED and not failed.archived and failed.reason == "HTTP 404"
    blocked = next(r for r in summary.reports if r.url == ARTICLE_24)
    assert blocked.status == Outcome.BLOCKED and blocked.archive_ref and not blocked.archived
    host = summary.hosts["www.example-trs.gov.cn"]
    assert host.reasons["HTTP 404"] == 1 and (host.blocked, host.failed) == (1, 1)


def test_a_broken_column_is_reported_and_the_others_still_run():
    f = fake()
    summary = asyncio.run(crawl_with([source(f"{HOST}/missing/", COL_A)], range(2023, 2025), f))
    assert "404" in (summary.columns[0].error or "")
    assert summary.columns[1].error is None and len(summary.reports) == 3


def test_candidates_off_the_source_hosts_are_left_alone(monkeypatch):
    from crawlers.adapters import ADAPTERS

    async def listing(column, source, fetcher, years):
        for url in (ARTICLE_24, "https://mp.weixin.example.com/s/abc"):
            yield Candidate(
                url=url,
                title="示例市2024年法治政府建设年度报告",
                source_id=source.id,
                column_url=column.url,
                report_year=2024,
            )

    monkeypatch.setitem(ADAPTERS, "listing", listing)
    f = fake()
    f.pages[ARTICLE_24] = (
        '<a href="https://cdn.example.com/x/P020250320000001.pdf">附件</a>'
        '<a href="https://files.example-trs.gov.cn/a/P02025.pdf">附件2</a>'
    )
    src = replace(source(COL_A), adapter="listing")
    summary = asyncio.run(crawl_with([src], range(2023, 2025), f))
    urls = f.urls()
    assert not any("example.com" in u for u in urls)  # neither the off-site article nor attachment
    assert "https://files.example-trs.gov.cn/a/P02025.pdf" in urls  # a subdomain of the portal is its own
    assert summary.columns[0].offsite == 1
