"""Partition loads of parsed reports: idempotence, identity, versions, crash safety, crawl-log loads.

The helpers at the top (make_report, make_page, snapshot) are reused by the other warehouse tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from parsing.model import MetricFact, NumericMention, Region, Report, Section
from warehouse.db import connect
from warehouse.load import (
    fetch_row,
    load_discovered,
    load_fetches,
    load_regions,
    load_report_year,
    load_sources,
)
from warehouse.records import ParsedPage

REPO = Path(__file__).resolve().parents[1]
TABLES = (
    "reports", "report_versions", "report_sections", "report_metrics", "numeric_mentions", "parsed_pages",
    "sources", "discovered_links", "fetches", "report_search", "evidence_search",
)  # fmt: skip


def make_report(
    n: int = 0, year: int = 2023, *, cases: int = 40, kind: str = "government", **overrides
) -> Report:
    """A small hand-written annual report for county n; `cases` varies the figures (and so the text)."""
    county = f"样例{n}县"
    lead = "一、年度工作成效\n"
    evidence = f"本年度县政府共收到行政复议申请{cases}件，依法受理{cases - 2}件。"
    text = (
        lead
        + evidence
        + "持续推进行政复议体制改革，复议决定全部按期送达。\n二、存在的不足\n基层执法力量仍显薄弱。"
    )
    start = len(lead)
    report = Report(
        doc_kind="annual_report",
        title=f"{county}人民政府关于{year}年度法治政府建设情况的报告",
        report_year=year,
        region=Region(name=county, code=f"99{n:04d}", level="county", province="样例省", prefecture="样例市"),
        issuer=f"{county}人民政府" if kind != "department" else f"{county}司法局",
        issuer_kind=kind,
        publish_date=f"{year + 1}-03-20",
        doc_number=f"样政〔{year + 1}〕{n}号",
        sections=[
            Section(1, "一", "年度工作成效", "achievements", 0, 6),
            Section(1, "二", "存在的不足", "shortcomings"),
        ],
        metrics=[
            MetricFact(
                "reconsideration_received", cases, "件", "exact", year, evidence, start, start + len(evidence)
            ),
            MetricFact(
                "reconsideration_accepted",
                cases - 2,
                "件",
                "exact",
                year,
                evidence,
                start,
                start + len(evidence),
            ),
        ],
        numeric_mentions=[NumericMention(cases, "件", "收到行政复议申请", evidence, start + 12, start + 14)],
        text=text,
        fingerprint=f"fp-{n}-{cases}",
    )
    for key, value in overrides.items():
        setattr(report, key, value)
    return report


def make_page(report: Report, url: str, source: str = "src-a", when: datetime | None = None) -> ParsedPage:
    return ParsedPage(
        report=report, url=url, final_url=url, source_id=source,
        fetched_at=when or datetime(2024, 4, 2, 8, 0, tzinfo=UTC), archive_ref=f"crawl-1.warc.gz:{len(url)}",
    )  # fmt: skip


def year_pages(count: int, year: int = 2023, cases: int = 40) -> list[ParsedPage]:
    return [
        make_page(make_report(n, year, cases=cases), f"https://gov{n}.example.cn/fzzf/{year}.html")
        for n in range(count)
    ]


def snapshot(con) -> dict[str, list[tuple]]:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


@pytest.fixture
def con(tmp_path):
    connection = connect(tmp_path / "wh.duckdb")
    yield connection
    connection.close()


def test_reload_of_a_year_gives_identical_tables(con):
    pages = year_pages(5)
    first = load_report_year(con, 2023, pages)
    before = snapshot(con)
    again = load_report_year(con, 2023, pages)
    assert snapshot(con) == before
    assert (first.reports, first.metrics, first.sections, first.mentions) == (5, 10, 10, 5)
    assert first.versions_added == 5 and again.versions_added == 0


def test_other_years_are_untouched_by_a_year_reload(con):
    load_report_year(con, 2022, year_pages(3, year=2022), refresh_search=False)
    load_report_year(con, 2023, year_pages(4), refresh_search=False)
    load_report_year(con, 2023, year_pages(2), refresh_search=False)
    counts = dict(con.execute("SELECT report_year, count(*) FROM reports GROUP BY ALL").fetchall())
    assert counts == {2022: 3, 2023: 2}
    assert con.execute("SELECT count(*) FROM report_metrics WHERE report_year = 2023").fetchone()[0] == 4


def test_same_report_on_two_portals_is_one_row_with_both_urls(con):
    report = make_report(7)
    county_copy = make_page(
        report, "https://county.example.cn/a.html", "county", datetime(2024, 3, 21, tzinfo=UTC)
    )
    # The prefecture's repost: same text and fingerprint, but the parser found no region code there.
    repost = make_report(7, region=Region(name="样例7县"))
    city_copy = make_page(repost, "https://city.example.cn/b.html", "city", datetime(2024, 3, 25, tzinfo=UTC))
    summary = load_report_year(con, 2023, [county_copy, city_copy], refresh_search=False)
    rows = con.execute("SELECT urls, source_ids, region_code, first_seen, last_seen FROM reports").fetchall()
    assert summary.reports == 1 and len(rows) == 1
    urls, sources, code, first, last = rows[0]
    assert set(urls) == {"https://county.example.cn/a.html", "https://city.example.cn/b.html"}
    assert sources == ["city", "county"] and code == "990007"
    assert first < last
    assert con.execute("SELECT count(*) FROM report_metrics").fetchone()[0] == 2  # facts not doubled


def test_changed_text_on_a_later_crawl_adds_a_version(con):
    old = make_page(
        make_report(1, cases=40), "https://gov1.example.cn/r.html", when=datetime(2024, 3, 21, tzinfo=UTC)
    )
    load_report_year(con, 2023, [old], refresh_search=False)
    new = make_page(
        make_report(1, cases=41), "https://gov1.example.cn/r.html", when=datetime(2024, 5, 2, tzinfo=UTC)
    )
    summary = load_report_year(con, 2023, [new], refresh_search=False)
    assert summary.versions_added == 1
    versions = con.execute("SELECT version, text FROM report_versions ORDER BY version").fetchall()
    assert [v for v, _ in versions] == [1, 2]
    assert "40件" in versions[0][1] and "41件" in versions[1][1]
    report = con.execute("SELECT count(*), min(text), min(first_seen) FROM reports").fetchone()
    assert report[0] == 1 and "41件" in report[1]
    assert report[2] == datetime(2024, 3, 21, tzinfo=UTC)  # first_seen survives the reload
    load_report_year(con, 2023, [new], refresh_search=False)
    assert con.execute("SELECT count(*) FROM report_versions").fetchone()[0] == 2


def test_quotes_and_semicolons_in_crawled_text_load_as_data(con):
    nasty = "样例县'); DROP TABLE reports; --\"关于2023年度法治政府建设情况的报告"
    page = make_page(make_report(3, title=nasty, issuer="O'Brien;局"), "https://x.example.cn/?a='1';b=2")
    load_report_year(con, 2023, [page])
    assert con.execute("SELECT title, issuer, urls[1] FROM reports").fetchone() == (
        nasty,
        "O'Brien;局",
        "https://x.example.cn/?a='1';b=2",
    )


def test_only_annual_reports_become_reports_and_other_years_are_reported(con):
    news = make_page(make_report(4, doc_kind="news", report_year=None), "https://n.example.cn/news.html")
    wrong_year = make_page(make_report(5, year=2022), "https://n.example.cn/2022.html")
    undated = make_page(make_report(6, report_year=None), "https://n.example.cn/undated.html")
    summary = load_report_year(con, 2023, [news, wrong_year, undated], refresh_search=False)
    assert (summary.reports, summary.not_annual, summary.other_year) == (
        1,
        1,
        ["https://n.example.cn/2022.html"],
    )
    assert con.execute("SELECT report_year FROM reports").fetchall() == [(2023,)]
    kinds = con.execute("SELECT doc_kind, report_id IS NULL FROM parsed_pages ORDER BY url").fetchall()
    assert sorted(kinds) == [("annual_report", False), ("annual_report", True), ("news", True)]


_KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from warehouse import load
    from warehouse.db import connect
    from tests.test_warehouse_load import year_pages

    real_insert = load.insert_rows

    def insert_then_die(con, table, rows, schema):
        count = real_insert(con, table, rows, schema)
        if table == "report_metrics":  # old rows deleted, new reports and metrics written, not committed
            print("dying", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        return count

    load.insert_rows = insert_then_die
    con = connect(sys.argv[1])
    load.load_report_year(con, 2023, year_pages(300, cases=77))
    """
)


def test_killed_load_leaves_previous_state_and_next_run_completes(tmp_path):
    db = tmp_path / "wh.duckdb"
    with connect(db) as con:
        load_report_year(con, 2023, year_pages(20))
        before = snapshot(con)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.run(
        [sys.executable, "-c", _KILLER, str(db)], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert child.returncode == -9 and "dying" in child.stdout, child.stderr
    with connect(db) as con:
        assert snapshot(con) == before
        summary = load_report_year(con, 2023, year_pages(300, cases=77))
        assert summary.reports == 300
        assert con.execute("SELECT count(*), count(DISTINCT report_id) FROM reports").fetchone() == (300, 300)
        assert con.execute("SELECT count(*) FROM report_metrics").fetchone()[0] == 600
        assert con.execute("SELECT max(version) FROM report_versions").fetchone()[0] == 2  # first 20 changed


def test_sources_discovered_and_fetches_reload_without_duplicates(con):
    source = {
        "id": "src-a", "name": "样例县人民政府", "base_url": "https://gov.example.cn/", "adapter": "trs",
        "region_code": "990001", "level": "county",
        "columns": [{"url": "https://gov.example.cn/fzzf/", "name": "法治政府建设"}],
    }  # fmt: skip
    load_sources(con, [source])
    load_sources(con, [source | {"name": "样例县政府门户"}])
    assert con.execute("SELECT name, columns[1].url FROM sources").fetchall() == [
        ("样例县政府门户", "https://gov.example.cn/fzzf/")
    ]
    link = {"source_id": "src-a", "url": "https://gov.example.cn/fzzf/1.html", "title": "2023年报告",
            "listed_date": "2024-03-20", "report_year": 2023,
            "column_url": "https://gov.example.cn/fzzf/"}  # fmt: skip
    load_discovered(con, 2023, [link])
    first = con.execute("SELECT first_seen, last_seen FROM discovered_links").fetchone()
    load_discovered(con, 2023, [link | {"title": "2023年度报告"}])
    row = con.execute(
        "SELECT count(*), min(title), min(first_seen), max(last_seen) FROM discovered_links"
    ).fetchone()
    assert row[:3] == (1, "2023年度报告", first[0]) and row[3] >= first[1]
    fetch = {"url": link["url"], "final_url": link["url"], "source_id": "src-a", "status": 200,
             "outcome": "ok", "bytes": 1234, "elapsed": 0.3, "archive_ref": "c.warc.gz:0", "reason": None,
             "fetched_at": datetime(2024, 4, 1, 1, 2, 3, tzinfo=UTC)}  # fmt: skip
    assert load_fetches(con, [fetch, fetch]) == 1
    assert load_fetches(con, [fetch]) == 0
    assert load_fetches(con, [fetch | {"fetched_at": "2024-04-01T01:02:03Z"}]) == 0  # same time as text
    assert con.execute("SELECT host, outcome FROM fetches").fetchall() == [("gov.example.cn", "ok")]
    with pytest.raises(ValueError, match="outcome"):
        load_fetches(con, [fetch | {"outcome": "weird"}])


def test_regions_have_six_digit_codes_and_parents(con):
    assert load_regions(con) > 3000
    assert load_regions(con) == con.execute("SELECT count(*) FROM regions").fetchone()[0]
    rows = dict(con.execute("SELECT name, (code, level, parent_code) FROM regions WHERE name IN"
                            " ('广东省', '东莞市', '德庆县', '北京市')").fetchall())  # fmt: skip
    assert rows["广东省"] == ("440000", "province", None)
    assert rows["东莞市"] == ("441900", "prefecture", "440000")
    assert rows["德庆县"] == ("441226", "county", "441200")
    assert con.execute("SELECT count(*) FROM regions WHERE length(code) <> 6").fetchone()[0] == 0


def test_identity_key_joins_copies_whose_text_differs_and_fingerprint_joins_keyless_copies(con):
    html = make_page(
        make_report(8, cases=40), "https://gov8.example.cn/r.html", when=datetime(2024, 3, 21, tzinfo=UTC)
    )
    pdf = make_page(make_report(8, cases=40, text="（PDF 版）" + make_report(8).text, fingerprint="fp-pdf"),
                    "https://gov8.example.cn/r.pdf", when=datetime(2024, 3, 22, tzinfo=UTC))  # fmt: skip
    # No issuer or region: only the fingerprint can say these are the same report.
    keyless = make_report(9, issuer=None, region=Region(), fingerprint="fp-keyless")
    copies = [make_page(keyless, f"https://site{i}.example.cn/k.html") for i in range(2)]
    twice = make_page(make_report(10), "https://gov10.example.cn/r.html")
    summary = load_report_year(con, 2023, [html, pdf, *copies, twice, twice], refresh_search=False)
    assert summary.reports == 3 and summary.pages == 5
    rows = con.execute("SELECT len(urls), starts_with(text, '（PDF') FROM reports ORDER BY ALL").fetchall()
    # html+pdf: one report whose current text is the PDF's (fetched last); keyless copies: one; twice: one url
    assert rows == [(1, False), (2, False), (2, True)]


def test_fetch_row_maps_a_crawler_fetch_result(con):
    from crawlers.model import FetchResult, Outcome

    result = FetchResult(
        url="http://gov.example.cn/a.html", outcome=Outcome.BLOCKED, final_url="https://gov.example.cn/a.html",
        status=202, body=b"<html>challenge</html>", reason="anti-bot challenge page", elapsed_seconds=1.5,
        fetched_at=datetime(2024, 4, 1, 8, 0), archive_ref="c.warc.gz:99",
    )  # fmt: skip
    assert load_fetches(con, [fetch_row(result, "src-a")]) == 1
    row = con.execute("SELECT host, outcome, bytes, elapsed, fetched_at, reason FROM fetches").fetchone()
    expected_time = datetime(2024, 4, 1, 8, 0, tzinfo=UTC)  # naive crawler times are UTC
    assert row == ("gov.example.cn", "blocked", 22, 1.5, expected_time, "anti-bot challenge page")
