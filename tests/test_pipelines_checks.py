"""The rules behind the asset checks find what they should, on a small hand-made warehouse."""

from datetime import date

import pytest

from parsing.model import MetricFact, Region, Report
from pipelines.defs import check_rules
from warehouse.db import connect, writer
from warehouse.load import load_report_year, load_sources
from warehouse.records import ParsedPage

TEXT = "全年新收行政复议案件10件，办结12件。行政诉讼败诉率为120%。出庭应诉率为95%。"


def fact(key: str, value: float, unit: str, evidence: str) -> MetricFact:
    start = TEXT.find(evidence)
    return MetricFact(key=key, value=value, unit=unit, qualifier="exact", period_year=2023, evidence=evidence,
                      start=max(start, 0), end=max(start, 0) + len(evidence))  # fmt: skip


@pytest.fixture
def db(tmp_path):
    good = fact("leader_court_appearance_rate", 95, "%", "出庭应诉率为95%。")
    report = Report(
        doc_kind="annual_report", title="某县2023年法治政府建设年度报告", report_year=2023,
        region=Region(name="某县", code="130102", level="county"), issuer="某县人民政府",
        issuer_kind="government", publish_date="2024-03-20", text=TEXT,
        metrics=[
            fact("reconsideration_received", 10, "件", "全年新收行政复议案件10件，办结12件。"),
            fact("reconsideration_concluded", 12, "件", "全年新收行政复议案件10件，办结12件。"),
            fact("litigation_loss_rate", 120, "%", "行政诉讼败诉率为120%。"),
            fact("mediation_success_rate", 98, "%", "调解成功率为98%。"),  # not in the text
            good,
        ],
    )  # fmt: skip
    path = tmp_path / "w.duckdb"
    with writer(path) as con:
        load_sources(con, [
            {"id": "county", "name": "某县人民政府", "base_url": "http://a.example/", "adapter": "trs",
             "columns": [{"url": "http://a.example/bg/"}]},
            {"id": "quiet", "name": "某局", "base_url": "http://b.example/", "adapter": "trs",
             "columns": [{"url": "http://b.example/bg/"}]},
        ])  # fmt: skip
        load_report_year(con, 2023, [ParsedPage(report, "http://a.example/bg/1.html", source_id="county")])
    con = connect(path, read_only=True)
    yield con
    con.close()


def test_rates_out_of_range(db):
    rows = check_rules.rates_out_of_range(db)
    assert [(r["key"], r["value"]) for r in rows] == [("litigation_loss_rate", 120.0)]


def test_concluded_above_received(db):
    [row] = check_rules.concluded_above_received(db)
    assert (row["received_key"], row["received"], row["concluded"]) == ("reconsideration_received", 10, 12)


def test_evidence_not_in_text(db):
    assert [r["key"] for r in check_rules.evidence_not_in_text(db)] == ["mediation_success_rate"]


def test_no_duplicate_keys(db):
    assert check_rules.duplicate_keys(db) == []


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (date(2024, 5, 31), 2022),
        (date(2024, 6, 1), 2023),
        (date(2024, 12, 31), 2023),
        (date(2025, 1, 1), 2023),
    ],
)
def test_last_closed_season(today, year):
    assert check_rules.last_closed_season(today) == year


def test_sources_missing_the_latest_year(db):
    year, rows = check_rules.sources_missing_latest_year(db, date(2024, 7, 1))
    assert year == 2023
    assert [r["source_id"] for r in rows] == ["quiet"]
    year, rows = check_rules.sources_missing_latest_year(db, date(2025, 7, 1))
    assert year == 2024 and {r["source_id"] for r in rows} == {"county", "quiet"}
