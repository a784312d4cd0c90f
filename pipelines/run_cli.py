"""`fazhi run`: materialize a job for a range of report years, in this process.

    fazhi run --years 2016-2020                    # crawl, parse, load 2016…2020
    fazhi run --years 2023 --job reparse_job       # re-parse 2023 from data/raw, no network

The run happens in-process (no daemon or webserver needed), in chunks of the backfill policy's size,
each chunk one Dagster run covering its years. With DAGSTER_HOME set (the Makefile sets it) the runs
are recorded in that instance and show in `make ui`; without it they use a throwaway instance. For
a backfill the daemon runs in the background, use the UI's Materialize → backfill, or the GraphQL
launchPartitionBackfill mutation (tests/test_pipelines_ui.py does exactly that)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click


def parse_years(text: str) -> list[int]:
    """'2016-2020' → [2016 … 2020]; '2023' → [2023]; '2019,2021' → [2019, 2021]."""
    years: set[int] = set()
    for part in text.split(","):
        part = part.strip()
        try:
            if "-" in part:
                first, last = (int(p) for p in part.split("-", 1))
                if last < first:
                    raise click.BadParameter(f"{part}: the range ends before it starts", param_hint="--years")
                years.update(range(first, last + 1))
            elif part:
                years.add(int(part))
        except ValueError as exc:
            raise click.BadParameter(
                f"{part!r} is not a year or a range like 2016-2020", param_hint="--years"
            ) from exc
    if not years:
        raise click.BadParameter("no year given", param_hint="--years")
    return sorted(years)


def chunks(years: list[int], size: int) -> list[list[int]]:
    """Consecutive runs of at most `size` years (a gap starts a new chunk: a run covers a range)."""
    out: list[list[int]] = []
    for year in years:
        if out and year == out[-1][-1] + 1 and len(out[-1]) < size:
            out[-1].append(year)
        else:
            out.append([year])
    return out


@click.command()
@click.option("--years", "years_text", required=True, help="Report years: 2023, 2016-2020 or 2019,2021.")
@click.option(
    "--job",
    "job_name",
    type=click.Choice(["report_year_job", "reparse_job"]),
    default="report_year_job",
    show_default=True,
    help="reparse_job parses the archive again without fetching.",
)
@click.option(
    "--sources", "sources_path", type=click.Path(path_type=Path), help="Registry file [$FAZHI_SOURCES]."
)
@click.option("--data", "data_dir", type=click.Path(path_type=Path), help="Data directory [$FAZHI_DATA].")
@click.option("--db", "db_path", type=click.Path(path_type=Path), help="Warehouse file [$FAZHI_DB].")
def run(
    years_text: str, job_name: str, sources_path: Path | None, data_dir: Path | None, db_path: Path | None
) -> None:
    """Run the pipeline for some report years, in-process."""
    import dagster as dg

    from pipelines.definitions import defs
    from pipelines.defs.jobs import range_tags
    from pipelines.defs.partitions import report_year_backfill, report_year_partitions
    from pipelines.defs.resources import CrawlerResource, DataDirResource, RegistryResource, WarehouseResource

    years = parse_years(years_text)
    known = set(report_year_partitions.get_partition_keys())
    unknown = [y for y in years if str(y) not in known]
    if unknown:
        raise click.BadParameter(
            f"{unknown} are not report years yet (partitions run {min(known)}…{max(known)}; "
            "a year becomes one on 1 January after it ends)",
            param_hint="--years",
        )
    resources = {
        "registry": RegistryResource(path=str(sources_path) if sources_path else None),
        "data_dir": DataDirResource(root=str(data_dir) if data_dir else None),
        "warehouse": WarehouseResource(database=str(db_path) if db_path else None),
        "crawler": CrawlerResource(),
    }
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    job = defs.resolve_job_def(job_name)
    failed = False
    size = report_year_backfill.max_partitions_per_run or len(years)
    for chunk in chunks(years, size):
        label = f"{chunk[0]}" if len(chunk) == 1 else f"{chunk[0]}-{chunk[-1]}"
        click.echo(f"{job_name} {label}: running …")
        result = job.execute_in_process(
            instance=instance,
            tags=range_tags(chunk[0], chunk[-1]),
            resources=resources,
            run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}},
            raise_on_error=False,
        )
        checks = result.get_asset_check_evaluations()
        bad = [c for c in checks if not c.passed]
        click.echo(
            f"{job_name} {label}: {'success' if result.success else 'FAILED'} (run {result.run_id[:8]}), "
            f"{len(result.get_asset_materialization_events())} materializations, "
            f"{len(checks) - len(bad)}/{len(checks)} checks passed"
        )
        for check in bad:
            click.echo(f"  check {check.check_name} ({check.severity.value}): {check.metadata['what'].value}")
        if not result.success:
            failed = True
            for event in result.all_events:
                if event.is_step_failure:
                    error = event.step_failure_data.error
                    click.echo(
                        f"  step {event.step_key} failed: {error.message.strip() if error else ''}", err=True
                    )
    if failed:
        sys.exit(1)
