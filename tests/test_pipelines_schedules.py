"""Which report years the schedules ask for, on dates in and out of the reporting season."""

from datetime import datetime
from zoneinfo import ZoneInfo

import dagster as dg
import pytest

from pipelines.definitions import defs
from pipelines.defs.jobs import RANGE_END_TAG, RANGE_START_TAG
from pipelines.defs.schedules import off_season_schedule, reporting_season_schedule

BEIJING = ZoneInfo("Asia/Shanghai")


def at(year: int, month: int, day: int, hour: int = 7) -> dg.ScheduleEvaluationContext:
    return dg.build_schedule_context(
        scheduled_execution_time=datetime(year, month, day, hour, tzinfo=BEIJING)
    )


@pytest.mark.parametrize(
    ("when", "year"), [((2026, 1, 1), "2025"), ((2026, 3, 31), "2025"), ((2027, 5, 31), "2026")]
)
def test_season_schedule_runs_last_year_from_january_to_may(when, year):
    request = reporting_season_schedule(at(*when))
    assert isinstance(request, dg.RunRequest)
    assert request.partition_key == year
    assert request.run_key.endswith(datetime(*when).date().isoformat())  # one run per day


@pytest.mark.parametrize("when", [(2026, 6, 1), (2026, 11, 28), (2026, 12, 31)])
def test_season_schedule_skips_outside_the_season(when):
    assert isinstance(reporting_season_schedule(at(*when)), dg.SkipReason)


@pytest.mark.parametrize(
    ("when", "first", "last"), [((2026, 6, 1), "2024", "2025"), ((2026, 11, 30), "2024", "2025")]
)
def test_off_season_schedule_covers_the_last_two_years_in_one_run(when, first, last):
    request = off_season_schedule(at(*when))
    assert isinstance(request, dg.RunRequest)
    assert (request.tags[RANGE_START_TAG], request.tags[RANGE_END_TAG]) == (first, last)


@pytest.mark.parametrize("when", [(2026, 1, 5), (2026, 5, 25)])
def test_off_season_schedule_leaves_the_season_to_the_daily_one(when):
    assert isinstance(off_season_schedule(at(*when)), dg.SkipReason)


def test_the_day_is_read_in_beijing_time():
    # 31 May 23:30 UTC is already 1 June in Beijing: out of season, and the weekly schedule's turn
    late_may_utc = datetime(2026, 5, 31, 23, 30, tzinfo=ZoneInfo("UTC"))
    context = dg.build_schedule_context(scheduled_execution_time=late_may_utc)
    assert isinstance(reporting_season_schedule(context), dg.SkipReason)
    assert isinstance(off_season_schedule(context), dg.RunRequest)


def test_schedules_are_registered_in_beijing_time_on_the_yearly_job():
    for name, cron in (("reporting_season_schedule", "0 7 * * *"), ("off_season_schedule", "0 7 * * 1")):
        schedule = defs.resolve_schedule_def(name)
        assert schedule.cron_schedule == cron
        assert schedule.execution_timezone == "Asia/Shanghai"
        assert schedule.job_name == "report_year_job"


def test_a_tick_resolves_to_a_known_partition():
    schedule = defs.resolve_schedule_def("reporting_season_schedule")
    with dg.instance_for_test() as instance:
        context = dg.build_schedule_context(
            instance=instance,
            scheduled_execution_time=datetime(2026, 2, 1, 7, tzinfo=BEIJING),
            repository_def=defs.get_repository_def(),
        )
        result = schedule.evaluate_tick(context)
    [request] = result.run_requests
    assert request.partition_key == "2025"
