"""Asset checks on the warehouse tables (rules in check_rules.py)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import dagster as dg

from pipelines.defs import check_rules
from pipelines.defs.metadata import markdown_table
from pipelines.defs.partitions import TIME_ZONE
from pipelines.defs.resources import WarehouseResource


def _result(
    rows: list[dict], what: str, severity=dg.AssetCheckSeverity.ERROR, **extra
) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=not rows,
        severity=severity,
        metadata={"violations": len(rows), "what": what, "examples": markdown_table(rows), **extra},
    )


@dg.asset_check(asset="report_tables", description="Report ids and metric ids are unique.")
def unique_keys(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with warehouse.reader() as con:
        return _result(check_rules.duplicate_keys(con), "duplicate keys")


@dg.asset_check(asset="report_tables", description="Every percentage lies within 0–100.")
def rates_within_0_100(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with warehouse.reader() as con:
        return _result(check_rules.rates_out_of_range(con), "rates outside 0–100")


@dg.asset_check(
    asset="report_tables",
    description="Cases concluded do not exceed cases received where a report states both "
    "(a warning: cases carried over from the year before can make it legitimately higher).",
)
def concluded_not_above_received(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with warehouse.reader() as con:
        rows = check_rules.concluded_above_received(con)
    return _result(rows, "concluded > received", dg.AssetCheckSeverity.WARN)


@dg.asset_check(
    asset="report_tables", description="Every metric's evidence sentence occurs in its report's text."
)
def evidence_in_report_text(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with warehouse.reader() as con:
        return _result(check_rules.evidence_not_in_text(con), "evidence not found in the text")


@dg.asset_check(
    asset="search_index",
    description="Once a season is over (after 31 May of year+1), every source has a report for that year. "
    "A warning: a portal that did not publish is news, not a pipeline failure.",
)
def latest_report_year_present(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    today = datetime.now(ZoneInfo(TIME_ZONE)).date()
    with warehouse.reader() as con:
        year, rows = check_rules.sources_missing_latest_year(con, today)
    return _result(rows, f"sources without a {year} report", dg.AssetCheckSeverity.WARN, report_year=year)


ALL_CHECKS = [
    unique_keys,
    rates_within_0_100,
    concluded_not_above_received,
    evidence_in_report_text,
    latest_report_year_present,
]
