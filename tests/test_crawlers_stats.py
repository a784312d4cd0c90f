from datetime import UTC, datetime

from crawlers.model import FetchResult, Outcome
from crawlers.stats import FetchStats, fetch_log_row


def test_outcomes_are_counted_per_host_and_logged():
    stats = FetchStats()
    when = datetime(2026, 3, 1, tzinfo=UTC)
    for url, outcome in [
        ("https://a.gov.cn/1", Outcome.OK),
        ("https://a.gov.cn/2", Outcome.NOT_MODIFIED),
        ("https://A.gov.cn:443/3", Outcome.BLOCKED),
        ("https://b.gov.cn/1", Outcome.SKIPPED_ROBOTS),
        ("https://b.gov.cn/2", Outcome.FAILED),
    ]:
        stats.record_result(FetchResult(url=url, outcome=outcome, body=b"xy", fetched_at=when))
    assert stats.hosts["a.gov.cn"].fetched_ok == 1
    assert stats.hosts["a.gov.cn"].not_modified == 1 and stats.hosts["a.gov.cn"].blocked == 1
    assert stats.hosts["b.gov.cn"].skipped_robots == 1 and stats.hosts["b.gov.cn"].failed == 1
    summary = stats.as_dict()
    assert set(summary["hosts"]) == {"a.gov.cn", "b.gov.cn"} and summary["totals"]["failed"] == 1
    outcomes = [row["outcome"] for row in stats.log]
    assert outcomes == ["ok", "not_modified", "blocked", "skipped_robots", "failed"]


def test_log_row_has_the_warehouse_columns():
    row = fetch_log_row(
        FetchResult(
            url="https://a.gov.cn/x",
            outcome=Outcome.OK,
            status=200,
            body=b"abc",
            elapsed_seconds=0.5,
            archive_ref="f.warc.gz:0",
        )
    )
    columns = {"url", "host", "status", "outcome", "bytes", "elapsed", "archive_ref", "reason", "fetched_at"}
    assert set(row) == columns
    assert row["bytes"] == 3 and row["host"] == "a.gov.cn"
