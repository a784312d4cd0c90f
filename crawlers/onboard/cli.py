"""`fazhi sources add URL` and `fazhi sources check [ID…]` (attached to crawlers.cli's `sources` group)."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from crawlers.onboard.health import SourceHealth


def _years(value: str | None) -> range:
    from crawlers.cli import parse_years

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


def load_state(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise click.ClickException(f"unreadable check state {path}: {exc}") from exc


async def check_sources_async(
    sources: list,
    years: range,
    data_dir: Path,
    previous: dict[str, Any],
    contact_url: str | None = None,
    fetcher: Any = None,
) -> list[SourceHealth]:
    """Dry-run every source (live pages, no archiving) and judge it against the archive and the last check."""
    from crawlers.archive import Archive
    from crawlers.fetcher import DEFAULT_CONTACT_URL, Fetcher
    from crawlers.onboard.health import assess_source, check_source

    raw = Path(data_dir) / "raw"
    archive = Archive(raw) if raw.exists() else None
    checked_at = datetime.now(UTC).isoformat(timespec="seconds")
    out = []
    # replay serves only what the archive holds: no client, no network
    replay = Fetcher(archive=archive, replay=True) if archive is not None else None
    try:
        async with Fetcher(contact_url=contact_url or DEFAULT_CONTACT_URL) as live:
            for source in sources:
                checks = await check_source(source, fetcher or live, years, replay)
                out.append(assess_source(source, checks, previous.get(source.id), checked_at))
    finally:
        if archive is not None:
            archive.close()
    return out


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
    from crawlers.cli import load_registry, write_json

    sources = load_registry(sources_file)
    if ids:
        unknown = sorted(set(ids) - {s.id for s in sources})
        if unknown:
            raise click.BadParameter(f"not in {sources_file}: {', '.join(unknown)}", param_hint="ID")
        sources = [s for s in sources if s.id in ids]
    years = _years(years_text)
    state_path = data_dir / "health" / "sources.json"
    previous = load_state(state_path)
    verdicts = asyncio.run(check_sources_async(sources, years, data_dir, previous, contact_url))
    table = Table(title=f"sources check, season {years[0]}–{years[-1]}")
    for name in ("source", "status", "family", "candidates", "problems"):
        table.add_column(name, overflow="fold")
    for h in verdicts:
        families = ",".join(sorted({c.family_seen or "-" for c in h.columns}))
        style = None if h.ok else "yellow"
        table.add_row(h.source_id, h.status, families, str(h.candidates), "\n".join(h.problems), style=style)
    Console().print(table)
    # flagged sources keep their last good state, so they stay flagged until someone re-pins them
    state = {**previous, **{h.source_id: h.state() for h in verdicts if h.ok}}
    write_json(state_path, state)
    if json_out is not None:
        write_json(json_out, {"sources": [h.as_dict() for h in verdicts]})
    if any(not h.ok for h in verdicts):
        raise SystemExit(1)
