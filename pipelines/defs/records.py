"""The files the ingest and parse stages leave for the next stage, one per report year.

data/crawls/<year>.json   what the latest crawl listed and fetched for the year (links, outcomes,
                          per-host counters, the fetch log rows of that crawl)
data/parsed/<year>.jsonl.gz  every archived page of the year's links, parsed (or why it could not be)

Both are replaced atomically (write to a temporary file, then rename), so a run killed half-way
leaves the previous file whole. The WARC archive under data/raw stays the source of truth: the
parse stage reads bodies from it, never from the network."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from crawlers.model import Candidate, Source
from crawlers.registry import allowed_hosts
from crawlers.summary import CrawlSummary
from parsing.model import MetricFact, NumericMention, Region, Report, Section
from warehouse.records import ParsedPage


class RecordError(RuntimeError):
    """A stage's input file is missing or unreadable; the message says which and what to run."""


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


# --- crawl records -----------------------------------------------------------------------------


def link_year(candidate: Candidate, years: range) -> int:
    """The report year a discovered link is filed under.

    The title's year when it names one; else the listing date, as reports on year Y appear in Y+1;
    else the last year crawled (an undated, unnamed link: the parser will read its year)."""
    if candidate.report_year is not None:
        return candidate.report_year
    if candidate.listed_date is not None:
        return min(max(candidate.listed_date.year - 1, years.start), years.stop - 1)
    return years.stop - 1


def _host_owner(sources: Iterable[Source]) -> dict[str, str]:
    owner: dict[str, str] = {}
    for source in sources:
        for host in allowed_hosts(source):
            owner.setdefault(host, source.id)
    return owner


def fetch_log_rows(
    raw_dir: Path, since: datetime, sources: list[Source], by_url: dict[str, str]
) -> list[dict]:
    """Rows for the warehouse `fetches` table: every request the archive logged since the crawl began
    (list pages, robots.txt, retries and reports alike)."""
    from urllib.parse import urlsplit

    from crawlers.archive import Archive

    owner = _host_owner(sources)
    archive = Archive(raw_dir)
    try:
        log = list(archive.iter_fetch_log(since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")))
    finally:
        archive.close()
    rows = []
    for entry in log:
        hostname = (urlsplit(entry["url"]).hostname or "").lower()
        rows.append(
            {
                "url": entry["url"],
                "final_url": entry.get("final_url"),
                "host": entry.get("host") or hostname,
                "source_id": by_url.get(entry["url"]) or owner.get(hostname),
                "status": entry.get("status"),
                "outcome": entry["outcome"],
                "bytes": entry.get("bytes"),
                "elapsed": entry.get("elapsed"),
                "archive_ref": entry.get("archive_ref"),
                "reason": entry.get("reason"),
                "fetched_at": entry["fetched_at"],
            }
        )
    return rows


def crawl_records(summary: CrawlSummary, fetch_rows: list[dict]) -> dict[int, dict[str, Any]]:
    """Split one crawl (possibly of several years) into one record per report year."""
    years = range(min(summary.years), max(summary.years) + 1)
    entries = {r.url: r for r in summary.reports}
    records: dict[int, dict[str, Any]] = {
        year: {
            "report_year": year,
            "crawl_years": list(summary.years),
            "started_at": summary.started_at.isoformat(),
            "finished_at": summary.finished_at.isoformat() if summary.finished_at else None,
            "wall_seconds": summary.wall_seconds,
            "hosts": {name: h.as_dict() for name, h in sorted(summary.hosts.items())},
            "columns": [asdict(c) for c in summary.columns],
            "links": [],
            "fetches": fetch_rows,
        }
        for year in summary.years
    }
    for candidate in summary.candidates:
        year = link_year(candidate, years)
        if year not in records:
            continue
        entry = entries.get(candidate.url)
        records[year]["links"].append(
            {
                "source_id": candidate.source_id,
                "url": candidate.url,
                "title": candidate.title,
                "listed_date": candidate.listed_date.isoformat() if candidate.listed_date else None,
                "report_year": year,
                "title_year": candidate.report_year,
                "column_url": candidate.column_url,
                "attachment_of": candidate.attachment_of,
                "outcome": entry.status if entry else None,
                "reason": entry.reason if entry else None,
                "archived": bool(entry and entry.archived),
                "listed_now": True,
            }
        )
    return records


def keep_earlier_links(record: dict[str, Any], earlier: dict[str, Any] | None) -> int:
    """Carry over links an earlier crawl listed for the year and this one did not (a list page that
    failed today, an entry pushed off the list). Their archived bodies still hold the report, and
    reloading the year without them would delete it from the warehouse. Returns how many were kept."""
    if not earlier:
        return 0
    current = {link["url"] for link in record["links"]}
    kept = [dict(link, listed_now=False) for link in earlier.get("links", []) if link["url"] not in current]
    record["links"].extend(kept)
    return len(kept)


def write_crawl_record(path: Path, record: dict[str, Any]) -> None:
    write_atomically(path, json.dumps(record, ensure_ascii=False, indent=1, default=str).encode("utf-8"))


def read_crawl_record(path: Path) -> dict[str, Any]:
    """The year's crawl record; RecordError when it is missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RecordError(f"no crawl record {path}: materialize fetched_pages for this year first") from exc
    except (OSError, json.JSONDecodeError) as exc:
        raise RecordError(f"crawl record {path} is unreadable ({exc}); re-run fetched_pages") from exc


# --- parsed pages ------------------------------------------------------------------------------


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The fields `cls` has: a file written by an older or newer parser still reads."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def report_from_dict(data: dict[str, Any]) -> Report:
    """The Report a parsed-pages line holds (the inverse of dataclasses.asdict)."""
    values = _known(Report, data)
    values["region"] = Region(**_known(Region, data.get("region") or {}))
    values["sections"] = [Section(**_known(Section, s)) for s in data.get("sections", [])]
    values["metrics"] = [MetricFact(**_known(MetricFact, m)) for m in data.get("metrics", [])]
    values["numeric_mentions"] = [
        NumericMention(**_known(NumericMention, n)) for n in data.get("numeric_mentions", [])
    ]
    return Report(**values)


def page_line(
    page: ParsedPage | None,
    *,
    url: str,
    source_id: str | None,
    error: str | None = None,
    archive_ref: str | None = None,
) -> dict[str, Any]:
    if page is None:
        return {"url": url, "source_id": source_id, "archive_ref": archive_ref, "error": error}
    return {
        "url": page.url,
        "final_url": page.final_url,
        "source_id": page.source_id,
        "fetched_at": page.fetched_at.isoformat() if page.fetched_at else None,
        "archive_ref": page.archive_ref,
        "report": asdict(page.report),
    }


def write_parsed(path: Path, lines: list[dict[str, Any]]) -> None:
    text = "".join(json.dumps(line, ensure_ascii=False, default=_json_default) + "\n" for line in lines)
    # mtime=0: the same pages give byte-identical files
    write_atomically(path, gzip.compress(text.encode("utf-8"), mtime=0))


def _json_default(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def iter_parsed(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)
    except FileNotFoundError as exc:
        raise RecordError(f"no parsed pages {path}: materialize parsed_reports for this year first") from exc
    except (OSError, EOFError, json.JSONDecodeError) as exc:
        raise RecordError(f"parsed pages {path} are unreadable ({exc}); re-run parsed_reports") from exc


def read_parsed_pages(path: Path) -> tuple[list[ParsedPage], list[dict[str, Any]]]:
    """(pages that parsed, the failures with their reasons)."""
    pages, failures = [], []
    for line in iter_parsed(path):
        if line.get("error") is not None:
            failures.append(line)
            continue
        fetched = line.get("fetched_at")
        pages.append(
            ParsedPage(
                report=report_from_dict(line["report"]),
                url=line["url"],
                final_url=line.get("final_url"),
                source_id=line.get("source_id"),
                fetched_at=datetime.fromisoformat(fetched) if fetched else None,
                archive_ref=line.get("archive_ref"),
            )
        )
    return pages, failures


def pages_reporting_on(
    year: int, parsed_files: dict[int, Path]
) -> tuple[list[ParsedPage], list[dict[str, Any]]]:
    """The parsed pages about `year`, wherever they were listed.

    A report listed under one year can turn out, once parsed, to report on another (a late 2022
    report found while crawling for 2023). It belongs to the year it reports on; a page whose year
    the parser could not read stays with the year it was listed for. `parsed_files` maps each
    listed year to its parsed-pages file; the file of `year` itself must exist."""
    pages, failures = read_parsed_pages(parsed_files[year])
    kept = [p for p in pages if p.report.report_year in (year, None)]
    for other, path in sorted(parsed_files.items()):
        if other == year or not path.exists():
            continue
        try:
            more, _ = read_parsed_pages(path)
        except RecordError:
            continue  # that year's own run reports its unreadable file
        kept.extend(p for p in more if p.report.report_year == year)
    return kept, failures
