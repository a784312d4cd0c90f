"""Schedules, in Beijing time.

Reports on year Y appear from January to the deadlines (1 March for departments, 1 April for
governments) of Y+1, with stragglers into May. So from 1 January to 31 May the pipeline runs daily
for year Y; for the rest of the year it runs weekly over the last two years, which picks up late
publications and reports edited after release."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import dagster as dg

from pipelines.defs.jobs import range_tags, report_year_job
from pipelines.defs.partitions import FIRST_REPORT_YEAR, TIME_ZONE


def in_reporting_season(day: date) -> bool:
    return day.month <= 5


def _day(context: dg.ScheduleEvaluationContext) -> date:
    """The tick's calendar day in Beijing, whatever zone the time was handed over in."""
    when = context.scheduled_execution_time or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(ZoneInfo(TIME_ZONE)).date()


@dg.schedule(
    job=report_year_job,
    cron_schedule="0 7 * * *",
    execution_timezone=TIME_ZONE,
    description="Daily, 1 January – 31 May: last year's reports as they are published.",
)
def reporting_season_schedule(context: dg.ScheduleEvaluationContext):
    day = _day(context)
    if not in_reporting_season(day):
        return dg.SkipReason(f"{day} is outside the reporting season (1 January – 31 May)")
    year = day.year - 1
    return dg.RunRequest(run_key=f"season-{year}-{day.isoformat()}", partition_key=str(year))


@dg.schedule(
    job=report_year_job,
    cron_schedule="0 7 * * 1",
    execution_timezone=TIME_ZONE,
    description="Weekly, June – December: the last two report years, for late and edited reports.",
)
def off_season_schedule(context: dg.ScheduleEvaluationContext):
    day = _day(context)
    if in_reporting_season(day):
        return dg.SkipReason(f"{day} is in the reporting season; the daily schedule covers it")
    first, last = max(day.year - 2, FIRST_REPORT_YEAR), day.year - 1
    # one run over both years: the list pages are walked once for the two
    return dg.RunRequest(run_key=f"off-season-{first}-{last}-{day.isoformat()}", tags=range_tags(first, last))


SCHEDULES = [reporting_season_schedule, off_season_schedule]
