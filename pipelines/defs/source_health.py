"""Source health from what the latest crawl already learned: no request leaves the machine.

`fazhi sources check` dry-runs each source against the live portal. The pipeline has just walked
every column, so its asset checks read the same evidence from what that walk left behind instead:

- the crawl record (data/crawls/<year>.json): per column, the list requests, the report candidates
  the list pages showed and the error that stopped the walk; and the fetch log of that crawl, which
  says whether each column's first list page answered;
- the raw archive: the first list page's body as the crawl received it (a 304 leaves the archived
  body current), from which the family and the pager are read exactly as the dry run reads them.

The verdict is crawlers.onboard.health.assess_source, against the state the last healthy check left
(data/health/sources.json, shared with `fazhi sources check`).

Candidates here are every report link the walked list pages showed, whatever its year: a column
that lists last year's reports but nothing for the season asked is healthy, and a redesigned one
shows none at all. (`fazhi sources check` counts the season's candidates; both only compare zero
against an earlier non-zero count.)"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from crawlers.adapters.gkmlpt import index_url
from crawlers.archive import Archive
from crawlers.model import Outcome, Source
from crawlers.onboard.health import ColumnCheck, SourceHealth, assess_source, page_evidence

# fetch outcomes after which the archive holds the page as the portal serves it now
_ANSWERED = (Outcome.OK, Outcome.NOT_MODIFIED)


class NoCrawlError(RuntimeError):
    """There is no crawl record to judge the sources by."""


def latest_crawl_record(crawls_dir: Path) -> dict[str, Any]:
    """The record the latest crawl wrote. A crawl of several years writes one record per year, all
    with the same columns and fetch log, so the newest file stands for the whole crawl."""
    files = sorted(crawls_dir.glob("*.json"), key=lambda f: f.stat().st_mtime) if crawls_dir.is_dir() else []
    if not files:
        raise NoCrawlError(f"no crawl record in {crawls_dir}: materialize discovered_report_links first")
    try:
        return json.loads(files[-1].read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise NoCrawlError(f"crawl record {files[-1]} is unreadable ({exc}); re-run the crawl") from exc


def first_list_pages(column_url: str, adapter: str) -> tuple[str, ...]:
    """Addresses the adapter's walk starts from (the fragment never reaches the server; gkmlpt
    columns start from the platform's index page)."""
    bare = column_url.split("#", 1)[0]
    return (bare, index_url(column_url)) if adapter == "gkmlpt" else (bare,)


def last_fetches(fetches: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The last fetch-log row of each URL (the log is oldest first; retries come later)."""
    return {row["url"]: row for row in fetches}


def column_check(
    entry: dict[str, Any], fetches: dict[str, dict[str, Any]], archive: Archive | None
) -> ColumnCheck:
    """One column's evidence from its crawl entry (a crawlers.summary.ColumnEntry as a dict), the
    crawl's fetch log and the archive."""
    url, adapter = entry["column_url"], entry["adapter"]
    requests, error = int(entry.get("list_requests") or 0), entry.get("error")
    pages = first_list_pages(url, adapter)
    row = next((fetches[p] for p in pages if p in fetches), None)
    if row is not None and row["outcome"] not in _ANSWERED:
        why = error or f"{row['outcome']} ({row.get('reason') or row.get('status')})"
        return ColumnCheck(url=url, adapter=adapter, reachable=False, reason=why, list_requests=requests)
    # no row: a replayed crawl logs nothing; the archive then holds what the replay served
    page, page_url = None, pages[0]
    for candidate in pages if archive is not None else ():
        page = archive.read(candidate)
        if page is not None:
            page_url = candidate
            break
    if page is None:
        why = error or "the first list page was never archived"
        return ColumnCheck(url=url, adapter=adapter, reachable=False, reason=why, list_requests=requests)
    seen, family, pager = page_evidence(url, page.final_url or page_url, page.text or "")
    return ColumnCheck(
        url=url,
        adapter=adapter,
        reachable=True,
        reason=error,
        adapter_seen=seen,
        family_seen=family,
        pager=pager,
        candidates=int(entry.get("candidates") or 0),
        archived_candidates=None,  # the archive now holds this crawl's pages: a replay would repeat it
        list_requests=requests,
    )


def assess_from_crawl(
    sources: Iterable[Source], record: dict[str, Any], raw_dir: Path, previous: dict[str, Any]
) -> dict[str, SourceHealth | None]:
    """A verdict per source id; None for a source the crawl record does not cover (added since)."""
    fetches = last_fetches(record.get("fetches") or [])
    by_source: dict[str, list[dict[str, Any]]] = {}
    for entry in record.get("columns") or []:
        by_source.setdefault(entry["source_id"], []).append(entry)
    checked_at = record.get("finished_at") or record.get("started_at") or ""
    archive = Archive(raw_dir) if raw_dir.is_dir() else None
    out: dict[str, SourceHealth | None] = {}
    try:
        for source in sources:
            entries = by_source.get(source.id)
            if not entries:
                out[source.id] = None
                continue
            checks = [column_check(e, fetches, archive) for e in entries]
            out[source.id] = assess_source(source, checks, previous.get(source.id), checked_at)
    finally:
        if archive is not None:
            archive.close()
    return out
