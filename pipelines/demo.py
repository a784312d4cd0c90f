"""`make demo`: the whole pipeline against imitation portals, then what landed in the warehouse.

Starts the imitation portals (crawlers.sim, real HTTP on loopback, default seed), writes their
registry to data/demo/, runs the yearly job in-process for report years 2022–2025 (one Dagster run,
recorded in $DAGSTER_HOME when set, so `make ui` shows it), and prints reports per year and level,
the on-time share, metric facts with their evidence, the per-host crawl table and the checks.
Everything lives under data/demo/, which the demo recreates on each run; data/ is left alone."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

DEMO_DIR = Path("data") / "demo"
YEARS = (2022, 2025)
console = Console(width=max(shutil.get_terminal_size().columns, 150))
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def _table(title: str, columns: list[str], rows: list[tuple]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    return table


def _check_note(metadata: dict) -> str:
    """The asset checks say what they test under "what"; the source-health checks give a status."""
    for key in ("what", "status"):
        if key in metadata:
            return str(metadata[key].value)
    return ""


def run_pipeline(sources_file: Path, years: tuple[int, int]):
    import dagster as dg

    # the per-source health checks are built from the registry when the definitions load
    os.environ["FAZHI_SOURCES"] = str(sources_file)
    from pipelines.definitions import defs
    from pipelines.defs.jobs import range_tags
    from pipelines.defs.resources import CrawlerResource, DataDirResource, RegistryResource, WarehouseResource

    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    resources = {
        "registry": RegistryResource(path=str(sources_file)),
        "data_dir": DataDirResource(root=str(DEMO_DIR)),
        "warehouse": WarehouseResource(database=str(DEMO_DIR / "warehouse.duckdb")),
        "crawler": CrawlerResource(),
    }
    job = defs.resolve_job_def("report_year_job")
    result = job.execute_in_process(
        instance=instance,
        tags=range_tags(*years),
        resources=resources,
        run_config=QUIET_LOGS,
        raise_on_error=False,
    )
    steps = {
        s.step_key: (s.end_time or 0) - (s.start_time or 0)
        for s in instance.get_run_step_stats(result.run_id)
    }
    return result, steps


def print_landed(con, truth: list[dict], years: tuple[int, int]) -> None:
    span = list(range(years[0], years[1] + 1))
    from collections import Counter

    from crawlers.canonical import canonical_page

    # one address per page: a Big5 gateway copy counts as the page it converts
    kind = {canonical_page(t["url"]): t["kind"] for t in truth}
    expected = {
        canonical_page(t["url"])
        for t in truth
        if t["kind"] == "report" and t["report_year"] in span and t["recoverable"]
    }
    loaded = {
        canonical_page(u) for (urls,) in con.execute("SELECT urls FROM reports").fetchall() for u in urls
    }
    others = Counter(kind.get(u, "not in the truth") for u in loaded - expected)
    console.print(
        f"Imitation truth: {len(expected)} recoverable reports for {years[0]}–{years[1]}; "
        f"found {len(expected & loaded)} of them. Other addresses of the loaded reports: "
        + (", ".join(f"{n} {k}" for k, n in others.most_common()) or "none")
    )
    rows = con.execute(
        "SELECT report_year, coalesce(level, 'unknown'), count(*) FROM reports GROUP BY ALL ORDER BY 1, 2"
    ).fetchall()
    console.print(_table("Reports per year and level", ["year", "level", "reports"], rows))
    rows = con.execute(
        "SELECT report_year, count(*), count(on_time) AS dated, count(*) FILTER (WHERE on_time),"
        " round(100.0 * count(*) FILTER (WHERE on_time) / nullif(count(on_time), 0), 1),"
        " max(days_late) FROM v_timeliness GROUP BY ALL ORDER BY 1"
    ).fetchall()
    console.print(
        _table(
            "Publication against the deadline",
            ["year", "reports", "dated", "on time", "on-time %", "max days late"],
            rows,
        )
    )
    rows = con.execute(
        "SELECT report_year, issuer, label, value, unit, evidence FROM v_metrics"
        " WHERE key IN ('litigation_loss_rate', 'reconsideration_received', 'leader_court_appearance_rate')"
        " ORDER BY report_year DESC, issuer, key LIMIT 6"
    ).fetchall()
    console.print(
        _table(
            "Metric facts with their evidence",
            ["year", "issuer", "metric", "value", "unit", "evidence"],
            rows,
        )
    )


def print_hosts(years: tuple[int, int], sources: list) -> None:
    from urllib.parse import urlsplit

    owner = {urlsplit(s.base_url).hostname: f"{s.id} ({s.adapter})" for s in sources}
    record = json.loads((DEMO_DIR / "crawls" / f"{years[0]}.json").read_text(encoding="utf-8"))
    keys = ("found", "fetched", "not_modified", "blocked", "failed", "skipped_robots", "requests", "retries")
    rows = [
        (
            owner.get(host, host),
            *(h[k] for k in keys),
            f"{h['bytes_downloaded'] / 1024:.0f}",
            f"{h['seconds']:.1f}",
        )
        for host, h in record["hosts"].items()
    ]
    console.print(
        _table(
            f"Crawl per host (report years {years[0]}–{years[1]})",
            ["source (CMS family)", *keys, "KiB", "busy s"],
            rows,
        )
    )


@click.command()
@click.option(
    "--scale", type=float, default=1.0, show_default=True, help="Departments per imitation portal (×)."
)
@click.option(
    "--faults",
    type=click.Choice(["default", "none"]),
    default="default",
    show_default=True,
    help="Imitate real portals' faults (slow hosts, 5xx, anti-bot walls, robots.txt, bad charsets).",
)
@click.option("--first-year", type=int, default=YEARS[0], show_default=True)
@click.option("--last-year", type=int, default=YEARS[1], show_default=True)
def main(scale: float, faults: str, first_year: int, last_year: int) -> None:
    """Run the pipeline end to end against imitation portals and show what landed."""
    from crawlers.registry import dump_sources
    from crawlers.sim import SimConfig, SimPortals
    from warehouse.db import connect

    years = (first_year, last_year)
    started = time.monotonic()
    if DEMO_DIR.exists():
        shutil.rmtree(DEMO_DIR)
    DEMO_DIR.mkdir(parents=True)
    with SimPortals(SimConfig(scale=scale, faults=faults)) as sim:
        sources_file = DEMO_DIR / "sim_sources.toml"
        sources_file.write_text(dump_sources(sim.sources), encoding="utf-8")
        with (DEMO_DIR / "sim_truth.jsonl").open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(t, ensure_ascii=False) + "\n" for t in sim.truth)
        console.print(f"Imitation portals up: {len(sim.sources)} portals, registry in {sources_file}")
        console.print(f"Running report_year_job for {years[0]}–{years[1]} (one in-process Dagster run) …")
        result, steps = run_pipeline(sources_file, years)
        truth, sources = sim.truth, sim.sources
    elapsed = time.monotonic() - started
    console.print(
        f"Run {result.run_id[:8]}: {'success' if result.success else 'FAILED'} in {elapsed:.1f} s "
        "(" + ", ".join(f"{k} {v:.1f} s" for k, v in steps.items()) + ")"
    )
    checks = result.get_asset_check_evaluations()
    console.print(
        _table(
            "Asset checks",
            ["check", "passed", "severity", "what"],
            [(c.check_name, c.passed, c.severity.value, _check_note(c.metadata)) for c in checks],
        )
    )
    if not result.success:
        sys.exit(1)
    con = connect(DEMO_DIR / "warehouse.duckdb", read_only=True)
    try:
        print_landed(con, truth, years)
    finally:
        con.close()
    print_hosts(years, sources)
    db = DEMO_DIR / "warehouse.duckdb"
    console.print(
        "\nNext:\n"
        "  make ui                                   # the asset graph, runs and checks (http://127.0.0.1:3000)\n"
        f"  export FAZHI_DB={db}\n"
        '  fazhi sql "SELECT issuer, publish_date, days_late FROM v_timeliness WHERE NOT on_time"\n'
        '  fazhi search "行政复议 败诉率"\n'
        "  more questions in SQL: docs/queries.md",
        highlight=False,
    )


if __name__ == "__main__":
    main()
