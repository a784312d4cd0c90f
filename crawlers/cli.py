"""`fazhi crawl` and `fazhi sources`: thin commands over crawlers.crawl and crawlers.registry."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from crawlers.adapters import adapter_name
from crawlers.cli_options import load_registry, write_json, years_option
from crawlers.onboard.cli import add_source, check_sources
from crawlers.summary import CrawlSummary

_TABLE_COUNTERS = (
    ("found", "found"),
    ("fetched", "fetched"),
    ("not mod.", "not_modified"),
    ("robots", "skipped_robots"),
    ("blocked", "blocked"),
    ("failed", "failed"),
    ("requests", "requests"),
    ("retries", "retries"),
)


def host_table(summary: CrawlSummary) -> Table:
    """Report candidates per host by outcome, and the host's traffic (list pages and robots.txt included)."""
    table = Table(title=f"crawl {summary.years[0]}–{summary.years[-1]}: {summary.wall_seconds:.1f} s")
    table.add_column("host", no_wrap=True)
    for label, _ in _TABLE_COUNTERS:
        table.add_column(label, justify="right", no_wrap=True)
    for host, h in sorted(summary.hosts.items()):
        table.add_row(host, *(str(getattr(h, key)) for _, key in _TABLE_COUNTERS))
    totals = summary.totals
    table.add_row("total", *(str(int(totals[key])) for _, key in _TABLE_COUNTERS), style="bold")
    return table


def failure_lines(summary: CrawlSummary) -> list[str]:
    """Why report pages were not fetched, per host, and columns whose walk failed."""
    lines = [
        f"{host}: {reason} ×{n}"
        for host, h in sorted(summary.hosts.items())
        for reason, n in h.reasons.most_common()
    ]
    lines += [f"column {c.column_url} ({c.adapter}): {c.error}" for c in summary.columns if c.error]
    return lines


@click.command()
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Registry TOML of portals to crawl.",
)
@click.option(
    "--column",
    "columns",
    multiple=True,
    metavar="URL",
    help="A column URL to crawl without a registry (repeatable); its CMS is read from the page.",
)
@click.option(
    "--site",
    "sites",
    multiple=True,
    metavar="URL",
    help="A portal's home address (repeatable): its report columns are found by search, sitemap "
    "and a bounded walk, then crawled.",
)
@click.option("--years", required=True, callback=years_option, help="Report years, e.g. 2019-2023 or 2023.")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("data"),
    show_default=True,
    help="Data directory; responses are archived under DATA/raw.",
)
@click.option(
    "--summary-json",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the crawl summary (totals, hosts, columns, reports) here.",
)
@click.option("--contact-url", help="URL named in the User-Agent so site owners can reach the operator.")
@click.option("--replay", is_flag=True, help="Serve every page from the archive; no network.")
@click.option("--no-progress", is_flag=True, help="No progress bar (logs and CI).")
def crawl(
    sources_file: Path | None,
    columns: tuple[str, ...],
    sites: tuple[str, ...],
    years: range,
    data_dir: Path,
    summary_json: Path | None,
    contact_url: str | None,
    replay: bool,
    no_progress: bool,
) -> None:
    """Discover and archive 法治政府建设年度报告 pages of the registry's portals (and/or --column URLs)."""
    from crawlers.crawl import crawl_sources

    if sources_file is None and not columns and not sites:
        raise click.UsageError("give --sources FILE and/or --column URL and/or --site URL")
    for hint, urls in (("--column", columns), ("--site", sites)):
        for url in urls:
            if not url.startswith(("http://", "https://")):
                raise click.BadParameter(f"{url!r} is not an http(s) URL", param_hint=hint)
    sources = load_registry(sources_file) if sources_file else []
    console = Console(stderr=True)
    findings: list = []
    summary = crawl_sources(
        sources,
        years,
        data_dir,
        columns=columns,
        sites=sites,
        site_findings=findings,
        contact_url=contact_url,
        replay=replay,
        show_progress=not no_progress,
    )
    out = Console()
    if not out.is_terminal:
        out = Console(width=120)  # logs and pipes: wide enough for every counter column
    out.print(host_table(summary))
    if findings:
        from crawlers.onboard.report import site_table

        out.print(site_table(findings, summary))
    for line in failure_lines(summary):
        out.print(line, markup=False, highlight=False)
    if summary_json is not None:
        write_json(summary_json, summary.as_dict())
        console.print(f"summary written to {summary_json}")


@click.group()
def sources() -> None:
    """Inspect registry files of portals."""


@sources.command("list")
@click.argument("registry", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def list_sources(registry: Path) -> None:
    """Print the portals of a registry file, one row per column."""
    table = Table(title=str(registry))
    for name in ("id", "name", "level", "region", "adapter", "column"):
        table.add_column(name, overflow="fold")
    loaded = load_registry(registry)
    for s in loaded:
        for c in s.columns:
            table.add_row(s.id, s.name, s.level or "", s.region_code or "", adapter_name(c, s), c.url)
    Console().print(table)
    Console(stderr=True).print(f"{len(loaded)} sources, {sum(len(s.columns) for s in loaded)} columns")


sources.add_command(add_source)
sources.add_command(check_sources)
