"""Jobs: the whole yearly pipeline, and a re-parse from the raw archive without refetching.
Both are partitioned by report year, inferred from their assets."""

from __future__ import annotations

import dagster as dg

# Dagster's run tags for a run that covers a range of partitions in one go
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"

report_year_job = dg.define_asset_job(
    "report_year_job",
    selection=dg.AssetSelection.all(),
    description="Crawl, parse and load the report years of the run, then rebuild views and search.",
)

# Parse again from data/raw and reload: for when the parser improves. No request leaves the machine.
reparse_job = dg.define_asset_job(
    "reparse_job",
    selection=dg.AssetSelection.assets("parsed_reports", "report_tables", "search_index"),
    description="Re-parse the archived pages of the run's years (no refetch) and reload the warehouse.",
)

JOBS = {"report_year_job": report_year_job, "reparse_job": reparse_job}


def range_tags(first: int, last: int) -> dict[str, str]:
    """Tags that make one run cover report years first..last."""
    return {RANGE_START_TAG: str(first), RANGE_END_TAG: str(last)}
