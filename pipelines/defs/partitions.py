"""Report-year partitions, shared by the assets, jobs and schedules.

Dagster has no yearly partitions built in; a time window on a yearly cron with fmt "%Y" is the
documented workaround. The window for year Y closes on 1 January of Y+1 (Beijing time), so the set
grows by itself each January: on 2026-11-28 the keys are 2015 … 2025. 2015 is the first report year
the State Council's 2015 outline (法治政府建设实施纲要) made annual reports routine for."""

from __future__ import annotations

import dagster as dg

TIME_ZONE = "Asia/Shanghai"
FIRST_REPORT_YEAR = 2015

report_year_partitions = dg.TimeWindowPartitionsDefinition(
    cron_schedule="0 0 1 1 *",
    fmt="%Y",
    start=str(FIRST_REPORT_YEAR),
    timezone=TIME_ZONE,
)


def years_of(context: dg.AssetExecutionContext | dg.AssetCheckExecutionContext) -> list[int]:
    """The report years a run covers: one partition, or a range when a backfill runs as one run."""
    return sorted(int(key) for key in context.partition_keys)


# A backfill of many years runs in chunks of five: one crawl walks each column's list pages once for
# the whole chunk (the pages list every year), while a failure costs at most five years of rework.
report_year_backfill = dg.BackfillPolicy.multi_run(max_partitions_per_run=5)
