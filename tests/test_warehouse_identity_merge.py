"""Report identity: one report per body and year, however many portals carry it."""

from parsing.model import Region, Report
from warehouse.identity import group_pages
from warehouse.records import ParsedPage


def _page(url: str, issuer: str | None, fingerprint: str, code: str = "440000") -> ParsedPage:
    report = Report(
        doc_kind="annual_report",
        report_year=2023,
        issuer=issuer,
        region=Region(name="某省", code=code, level="province"),
        text="正文",
        fingerprint=fingerprint,
    )
    return ParsedPage(report=report, url=url)


def test_same_fingerprint_different_issuers_stay_two_reports() -> None:
    groups = group_pages([_page("http://a/1", "甲局", "fp1"), _page("http://b/2", "乙局", "fp1")])
    assert sorted(len(g) for g in groups.values()) == [1, 1]


def test_same_report_on_two_portals_is_one_report() -> None:
    groups = group_pages([_page("http://a/1", "甲局", "fp1"), _page("http://b/2", None, "fp1")])
    assert [len(g) for g in groups.values()] == [2]


def test_edited_text_keeps_the_body_and_year_identity() -> None:
    groups = group_pages([_page("http://a/1", "甲局", "fp1"), _page("http://a/1", "甲局", "fp2")])
    assert [len(g) for g in groups.values()] == [2]
