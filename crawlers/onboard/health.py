"""Is a registry source still working? A dry run per source, judged by a pure function.

Portals are redesigned all the time, and a source that silently finds nothing is how a crawler rots.
`check_source` gathers the evidence (I/O: the column pages now, the same walk replayed over the
archive of the earlier crawl); `assess_source` (pure) turns evidence plus the previous check's state
into a SourceHealth verdict — the function the Dagster pipeline calls for its per-source asset check.

    checks = await check_source(source, fetcher, years, replay)   # evidence (I/O)
    health = assess_source(source, checks, previous_state, checked_at)   # verdict (pure)
    health.ok, health.problems
    verdicts = await check_sources_health(sources, years, data_dir, load_state(data_dir))  # all of it
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawlers.adapters import FetcherLike, adapter_for, adapter_name
from crawlers.adapters.auto import PrimedFetcher
from crawlers.adapters.base import DiscoveryError, get_page
from crawlers.adapters.generic import next_pages
from crawlers.adapters.hanweb import parse_datastore
from crawlers.adapters.links import anchors
from crawlers.adapters.trs import parse_pager
from crawlers.crawl import CountingFetcher, wanted
from crawlers.model import Column, Source
from crawlers.onboard.family import family_label
from crawlers.recognize import recognise

# Registry adapters that name a family: the page must still show it. generic/auto accept any page.
_FAMILY_ADAPTERS = ("trs", "hanweb", "gkmlpt")


@dataclass(frozen=True)
class ColumnCheck:
    """What a dry run saw of one column."""

    url: str
    adapter: str  # the adapter the registry gives it
    reachable: bool
    reason: str | None = None  # why not reachable / why the walk stopped
    adapter_seen: str | None = None  # what crawlers.recognize reads from the page now
    family_seen: str | None = None  # family label now (nfcms, kaipu … beyond the adapters)
    pager: bool | None = None  # a pager was found on the first list page (None: the family has none to find)
    candidates: int = 0  # report candidates for the season asked
    archived_candidates: int | None = None  # the same walk over the archived pages (None: nothing archived)
    list_requests: int = 0


@dataclass(frozen=True)
class SourceHealth:
    source_id: str
    status: str  # ok | changed | unreachable
    problems: tuple[str, ...]
    columns: tuple[ColumnCheck, ...]
    candidates: int
    checked_at: str

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def as_dict(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "status": self.status,
            "problems": list(self.problems),
            "candidates": self.candidates,
            "checked_at": self.checked_at,
            "columns": [asdict(c) for c in self.columns],
        }

    def state(self) -> dict[str, Any]:
        """What the next check compares against: per column, the family, pager and candidates seen."""
        return {
            "checked_at": self.checked_at,
            "columns": {
                c.url: {
                    "family": c.family_seen,
                    "adapter": c.adapter_seen,
                    "pager": c.pager,
                    "candidates": c.candidates,
                }
                for c in self.columns
                if c.reachable
            },
        }


def assess_source(
    source: Source, checks: Sequence[ColumnCheck], previous: dict[str, Any] | None, checked_at: str
) -> SourceHealth:
    """The verdict on one source (pure). Flags, per column:
    - unreachable: the list page did not answer;
    - family changed: the page no longer shows the family the registry or the last check saw;
    - pager not found: the last check saw a pager, this page has none;
    - no candidates where the archived earlier crawl or the last check found some."""
    problems: list[str] = []
    unreachable = changed = 0
    before_columns = (previous or {}).get("columns", {})
    for c in checks:
        before = before_columns.get(c.url) or {}
        if not c.reachable:
            unreachable += 1
            problems.append(f"{c.url}: unreachable ({c.reason})")
            continue
        expected = before.get("adapter") or (c.adapter if c.adapter in _FAMILY_ADAPTERS else None)
        if expected and c.adapter_seen != expected:
            changed += 1
            problems.append(f"{c.url}: family changed ({expected} -> {c.adapter_seen})")
        elif before.get("family") and c.family_seen != before["family"]:
            changed += 1
            problems.append(f"{c.url}: family changed ({before['family']} -> {c.family_seen})")
        if before.get("pager") and c.pager is False:
            changed += 1
            problems.append(f"{c.url}: pager not found (the last check saw one)")
        earlier = max(before.get("candidates") or 0, c.archived_candidates or 0)
        if c.candidates == 0 and earlier > 0:
            changed += 1
            problems.append(f"{c.url}: no candidates where an earlier crawl found {earlier}")
        if c.candidates == 0 and c.reason:
            problems.append(f"{c.url}: {c.reason}")
    if checks and unreachable == len(checks):
        status = "unreachable"
    elif changed or unreachable:
        status = "changed"
    else:
        status = "ok"
    return SourceHealth(
        source_id=source.id,
        status=status,
        problems=tuple(problems),
        columns=tuple(checks),
        candidates=sum(c.candidates for c in checks),
        checked_at=checked_at,
    )


def pager_present(adapter: str, html: str, page_url: str) -> bool | None:
    """Does the first list page declare further pages the way its family does?"""
    if adapter == "trs":
        return parse_pager(html) is not None
    if adapter == "hanweb":
        store = parse_datastore(html)
        return store is not None and (store.total is not None or store.nextgroup is not None)
    if adapter == "generic":
        return bool(next_pages(anchors(html, page_url), page_url))
    return None  # gkmlpt pages through a JSON API the index page does not show


def page_evidence(column_url: str, page_url: str, html: str) -> tuple[str, str, bool | None]:
    """(adapter recognised, family label, pager present) read from a column's first list page (pure).
    `page_url` is where the page answered; a #fragment of the column address names a category the
    page itself does not show, so recognition then reads the column address."""
    seen = recognise(column_url if "#" in column_url else page_url, html)
    return seen, family_label(page_url, html), pager_present(seen, html, page_url)


async def _count(
    column: Column, source: Source, fetcher: FetcherLike, years: range
) -> tuple[int, str | None]:
    found, reason = 0, None
    try:
        async for candidate in adapter_for(column, source)(column, source, fetcher, years):
            found += wanted(candidate, years)
    except DiscoveryError as exc:
        reason = str(exc)
    return found, reason


async def check_column(
    column: Column, source: Source, fetcher: FetcherLike, years: range, replay: FetcherLike | None = None
) -> ColumnCheck:
    """Evidence on one column: the page now (family, pager), season candidates now and archived."""
    adapter = adapter_name(column, source)
    counting = CountingFetcher(fetcher)
    try:
        first = await get_page(counting, column.url.split("#", 1)[0], source)
    except DiscoveryError as exc:
        return ColumnCheck(
            url=column.url, adapter=adapter, reachable=False, reason=str(exc), list_requests=counting.attempts
        )
    html = first.text or ""
    page_url = first.final_url or column.url
    seen, family, pager = page_evidence(column.url, page_url, html)
    archived = None
    if replay is not None:
        n, why = await _count(column, source, replay, years)
        archived = None if why and n == 0 else n
    # the page just fetched is handed to the adapter: the check costs what a crawl's discovery costs
    primed = PrimedFetcher(counting, {column.url.split("#", 1)[0]: first})
    candidates, reason = await _count(column, source, primed, years)
    return ColumnCheck(
        url=column.url,
        adapter=adapter,
        reachable=True,
        reason=reason,
        adapter_seen=seen,
        family_seen=family,
        pager=pager,
        candidates=candidates,
        archived_candidates=archived,
        list_requests=counting.attempts,
    )


async def check_source(
    source: Source, fetcher: FetcherLike, years: range, replay: FetcherLike | None = None
) -> list[ColumnCheck]:
    """Evidence on every column of a source; `replay` serves the archive of earlier crawls."""
    return [await check_column(c, source, fetcher, years, replay) for c in source.columns]


def state_path(data_dir: Path) -> Path:
    return Path(data_dir) / "health" / "sources.json"


def load_state(data_dir: Path) -> dict[str, Any]:
    """The last check's state per source id ({} before the first check); ValueError if unreadable."""
    path = state_path(data_dir)
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"unreadable check state {path}: {exc}") from exc


def save_state(data_dir: Path, previous: dict[str, Any], verdicts: Sequence[SourceHealth]) -> None:
    """Record healthy sources' state. Flagged ones keep their last good state, so they stay flagged
    until someone re-pins them (a changed layout is not the new normal)."""
    state = {**previous, **{h.source_id: h.state() for h in verdicts if h.ok}}
    path = state_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(state, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)


async def check_sources_health(
    sources: Sequence[Source],
    years: range,
    data_dir: Path,
    previous: dict[str, Any],
    *,
    contact_url: str | None = None,
    fetcher: FetcherLike | None = None,
) -> list[SourceHealth]:
    """Dry-run every source (live pages, nothing archived) and judge it against the archive of earlier
    crawls under data_dir/raw and the previous check's state. The pipeline's per-source asset check
    calls this (or assess_source on evidence it gathered itself)."""
    from crawlers.archive import Archive
    from crawlers.fetcher import DEFAULT_CONTACT_URL, Fetcher

    raw = Path(data_dir) / "raw"
    archive = Archive(raw) if raw.exists() else None
    # replay serves only what the archive holds: no client, no network
    replay = Fetcher(archive=archive, replay=True) if archive is not None else None
    checked_at = datetime.now(UTC).isoformat(timespec="seconds")
    out = []
    try:
        async with Fetcher(contact_url=contact_url or DEFAULT_CONTACT_URL) as live:
            for source in sources:
                checks = await check_source(source, fetcher or live, years, replay)
                out.append(assess_source(source, checks, previous.get(source.id), checked_at))
    finally:
        if archive is not None:
            archive.close()
    return out
