"""The stage files: parsed pages survive the round trip, crawl records file links by year and keep
what earlier crawls listed, and a bad file gives a clear error."""

import gzip
from datetime import UTC, date, datetime

import pytest

from crawlers.model import Candidate
from parsing.model import MetricFact, NumericMention, Region, Report, Section
from pipelines.defs.records import (
    RecordError,
    keep_earlier_links,
    link_year,
    page_line,
    pages_reporting_on,
    read_crawl_record,
    read_parsed_pages,
    write_crawl_record,
    write_parsed,
)
from warehouse.records import ParsedPage

TEXT = "一、主要举措\n全年新收行政复议案件12件。"


def sample_report() -> Report:
    return Report(
        doc_kind="annual_report", title="某市2023年法治政府建设年度报告", report_year=2023,
        region=Region(name="某市", code="130100", level="prefecture", province="河北省"),
        issuer="某市人民政府", issuer_kind="government", publish_date="2024-03-01",
        sections=[Section(level=1, number="一", heading="主要举措", part="achievements", start=0, end=6)],
        metrics=[MetricFact(key="reconsideration_received", value=12, unit="件", qualifier="exact",
                            period_year=2023, evidence="全年新收行政复议案件12件。", start=7, end=22)],
        numeric_mentions=[NumericMention(value=12, unit="件", phrase="行政复议案件",
                                         sentence="全年新收行政复议案件12件。", start=17, end=19)],
        text=TEXT, fingerprint="abc", url="http://a.example/1.html",
    )  # fmt: skip


def test_parsed_pages_round_trip(tmp_path):
    page = ParsedPage(sample_report(), "http://a.example/1.html", "http://a.example/1.html", "src",
                      datetime(2024, 3, 2, 8, tzinfo=UTC), "f.warc.gz:10")  # fmt: skip
    lines = [
        page_line(page, url=page.url, source_id="src"),
        page_line(None, url="http://a.example/2.pdf", source_id="src", error="no text layer"),
    ]
    path = tmp_path / "parsed" / "2023.jsonl.gz"
    write_parsed(path, lines)
    first = path.read_bytes()
    write_parsed(path, lines)
    assert path.read_bytes() == first  # same pages, same bytes
    pages, failures = read_parsed_pages(path)
    assert pages == [page]
    assert failures == [{"url": "http://a.example/2.pdf", "source_id": "src", "archive_ref": None,
                         "error": "no text layer"}]  # fmt: skip


def test_a_field_the_model_no_longer_has_is_ignored(tmp_path):
    line = page_line(ParsedPage(sample_report(), "http://a.example/1.html"), url="u", source_id=None)
    line["report"]["retired_field"] = 1
    line["report"]["metrics"][0]["retired_too"] = 2
    write_parsed(tmp_path / "p.jsonl.gz", [line])
    [page], _ = read_parsed_pages(tmp_path / "p.jsonl.gz")
    assert page.report == sample_report()


def test_damaged_or_missing_files_say_what_to_run(tmp_path):
    with pytest.raises(RecordError, match="materialize parsed_reports"):
        read_parsed_pages(tmp_path / "none.jsonl.gz")
    (tmp_path / "bad.jsonl.gz").write_bytes(gzip.compress(b'{"url": ')[:-4])
    with pytest.raises(RecordError, match="re-run parsed_reports"):
        read_parsed_pages(tmp_path / "bad.jsonl.gz")
    with pytest.raises(RecordError, match="materialize fetched_pages"):
        read_crawl_record(tmp_path / "2023.json")
    (tmp_path / "2023.json").write_text("{", encoding="utf-8")
    with pytest.raises(RecordError, match="re-run fetched_pages"):
        read_crawl_record(tmp_path / "2023.json")


def candidate(title_year=None, listed=None) -> Candidate:
    return Candidate(url="http://a.example/x", title="t", source_id="s", column_url="http://a.example/",
                     listed_date=listed, report_year=title_year)  # fmt: skip


def test_link_year_prefers_the_title_then_the_listing_date():
    years = range(2021, 2024)
    assert link_year(candidate(2022, date(2024, 1, 5)), years) == 2022
    assert link_year(candidate(None, date(2023, 3, 1)), years) == 2022  # published the year after
    assert link_year(candidate(None, date(2021, 12, 20)), years) == 2021  # an early one, clamped
    assert link_year(candidate(None, date(2025, 2, 1)), years) == 2023
    assert link_year(candidate(), years) == 2023


def test_earlier_links_are_kept_and_marked(tmp_path):
    earlier = {"links": [{"url": "a", "listed_now": True}, {"url": "b", "listed_now": True}]}
    write_crawl_record(tmp_path / "2023.json", earlier)
    record = {"links": [{"url": "b", "listed_now": True}, {"url": "c", "listed_now": True}]}
    assert keep_earlier_links(record, read_crawl_record(tmp_path / "2023.json")) == 1
    assert [(k["url"], k["listed_now"]) for k in record["links"]] == [("b", True), ("c", True), ("a", False)]
    assert keep_earlier_links(record, None) == 0


def test_a_page_goes_to_the_year_it_reports_on(tmp_path):
    def line(url: str, year: int | None) -> dict:
        report = Report(doc_kind="annual_report", report_year=year, text="正文")
        return page_line(ParsedPage(report=report, url=url), url=url, source_id="s")

    files = {2023: tmp_path / "2023.jsonl.gz", 2024: tmp_path / "2024.jsonl.gz"}
    # crawling for 2024 found a late 2023 report; the 2023 crawl found one without a readable year
    write_parsed(files[2024], [line("http://a/late-2023", 2023), line("http://a/2024", 2024)])
    write_parsed(files[2023], [line("http://a/2023", 2023), line("http://a/undated", None)])

    pages_2023, _ = pages_reporting_on(2023, files)
    pages_2024, _ = pages_reporting_on(2024, files)
    assert sorted(p.url for p in pages_2023) == ["http://a/2023", "http://a/late-2023", "http://a/undated"]
    assert [p.url for p in pages_2024] == ["http://a/2024"]
