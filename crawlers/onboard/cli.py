"""`fazhi sources add URL` and `fazhi sources check [ID…]` (attached to crawlers.cli's `sources` group)."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from crawlers.cli_options import load_registry, parse_years, write_json
from crawlers.onboard.health import check_sources_health, load_state, save_state


def _years(value: str | None) -> range:
    if not value:
        season = date.today().year - 1  # reports on last year are published this spring
        return range(season, season + 1)
    try:
        return parse_years(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--years") from exc


def _http_url(url: str, hint: str) -> None:
    if not url.startswith(("http://", "https://")):
        raise click.BadParameter(f"{url!r} is not an http(s) URL", param_hint=hint)


@click.command("add")
@click.argument("url")
@click.option(
    "--registry",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("sources/local.toml"),
    show_default=True,
    help="Registry file the entry is appended to.",
)
@click.option("--yes", is_flag=True, help="Save without asking.")
@click.option("--years", "years_text", help="Years of the preview candidates (default: the last six).")
@click.option("--contact-url", help="URL named in the User-Agent so site owners can reach the operator.")
def add_source(url: str, registry: Path, yes: bool, years_text: str | None, contact_url: str | None) -> None:
    """Recognise the portal at URL (a column or its home page) and write its registry entry."""
    from crawlers.adapters.base import DiscoveryError
    from crawlers.fetcher import DEFAULT_CONTACT_URL, Fetcher
    from crawlers.onboard.entry import build_entry
    from crawlers.registry import RegistryError, dump_sources, load_sources

    _http_url(url, "URL")
    years = _years(years_text) if years_text else None
    existing = []
    if registry.exists():
        try:
            existing = load_sources(registry)
        except RegistryError as exc:
            raise click.ClickException(f"bad registry file: {exc}") from exc

    async def run():
        async with Fetcher(contact_url=contact_url or DEFAULT_CONTACT_URL) as f:
            return await build_entry(url, f, years=years)

    try:
        entry = asyncio.run(run())
    except DiscoveryError as exc:
        raise click.ClickException(str(exc)) from exc
    source = entry.source
    if any(s.id == source.id for s in existing):
        raise click.ClickException(f"{registry} already has a source {source.id!r}; edit it there")
    out = Console()
    out.print(dump_sources([source]), markup=False, highlight=False)
    if entry.findings is not None:
        f = entry.findings
        out.print(f"site discovery: {len(f.columns)} columns, {f.pages} pages, {f.requests} requests")
    table = Table(title="first candidates a crawl would fetch")
    for name in ("date", "report", "title", "url"):
        table.add_column(name, overflow="fold")
    for p in entry.preview:
        table.add_row(p.listed.isoformat() if p.listed else "", "yes" if p.report else "no", p.title, p.url)
    out.print(table)
    if not yes and not click.confirm(f"append this entry to {registry}?", default=False):
        Console(stderr=True).print("not saved")
        return
    registry.parent.mkdir(parents=True, exist_ok=True)
    text = dump_sources([*existing, source])
    tmp = registry.with_name(f".{registry.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(registry)  # a failed write never leaves half a registry
    Console(stderr=True).print(f"saved {source.id} to {registry}")


@click.command("check")
@click.argument("ids", nargs=-1)
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="Registry TOML.",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("data"),
    show_default=True,
    help="Data directory (archive of earlier crawls; check state under DATA/health).",
)
@click.option("--years", "years_text", help="Season to look for (default: reports on last year).")
@click.option(
    "--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), help="Write the verdicts here."
)
@click.option("--contact-url", help="URL named in the User-Agent so site owners can reach the operator.")
def check_sources(
    ids: tuple[str, ...],
    sources_file: Path,
    data_dir: Path,
    years_text: str | None,
    json_out: Path | None,
    contact_url: str | None,
) -> None:
    """Dry-run sources: family, list pages, season candidates; flag those whose layout seems changed.

    Exits 1 when any source is flagged (for schedules and CI)."""
    sources = load_registry(sources_file)
    if ids:
        unknown = sorted(set(ids) - {s.id for s in sources})
        if unknown:
            raise click.BadParameter(f"not in {sources_file}: {', '.join(unknown)}", param_hint="ID")
        sources = [s for s in sources if s.id in ids]
    years = _years(years_text)
    try:
        previous = load_state(data_dir)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    verdicts = asyncio.run(check_sources_health(sources, years, data_dir, previous, contact_url=contact_url))
    table = Table(title=f"sources check, season {years[0]}–{years[-1]}")
    for name in ("source", "status", "family", "candidates", "problems"):
        table.add_column(name, overflow="fold")
    for h in verdicts:
        families = ",".join(sorted({c.family_seen or "-" for c in h.columns}))
        style = None if h.ok else "yellow"
        table.add_row(h.source_id, h.status, families, str(h.candidates), "\n".join(h.problems), style=style)
    Console().print(table)
    save_state(data_dir, previous, verdicts)
    if json_out is not None:
        write_json(json_out, {"sources": [h.as_dict() for h in verdicts]})
    if any(not h.ok for h in verdicts):
        raise SystemExit(1)
