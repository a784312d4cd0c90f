"""Loading parsed reports: one report year is one partition, replaced whole in one transaction.

`load_report_year` deletes the year's rows of reports, sections, metrics, mentions and parsed pages,
then inserts the new ones, all inside one transaction: a process killed half-way leaves the previous
state (DuckDB's WAL only holds committed transactions), and running it twice gives the same tables.
report_versions is the exception: append-only, it gains a row only when a report's text changed.

The crawl-log loads (sources, discovered links, fetches) and regions live in crawl_log.py and
regions.py; they are re-exported here so callers import every load from one place.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from warehouse.arrow import TS, as_date, insert_rows, utc
from warehouse.crawl_log import fetch_row, load_discovered, load_fetches, load_sources
from warehouse.identity import content_fingerprint, group_pages, text_hash
from warehouse.records import LoadSummary, ParsedPage
from warehouse.regions import load_regions
from warehouse.transactions import transaction

__all__ = [
    "fetch_row",
    "load_discovered",
    "load_fetches",
    "load_regions",
    "load_report_year",
    "load_sources",
]

log = logging.getLogger(__name__)

FACT_TABLES = ("reports", "report_sections", "report_metrics", "numeric_mentions", "parsed_pages")
_S = pa.string()
_I = pa.int32()
_F = pa.float64()

REPORTS = pa.schema(
    [("report_id", _S), ("report_year", _I), ("region_code", _S), ("region_name", _S), ("level", _S),
     ("province", _S), ("prefecture", _S), ("issuer", _S), ("issuer_kind", _S), ("publish_date", pa.date32()),
     ("title", _S), ("urls", pa.list_(_S)), ("source_ids", pa.list_(_S)), ("archive_refs", pa.list_(_S)),
     ("doc_number", _S), ("index_number", _S), ("text", _S), ("text_hash", _S), ("fingerprint", _S),
     ("doc_kind", _S), ("first_seen", TS), ("last_seen", TS)]
)  # fmt: skip
VERSIONS = pa.schema(
    [("report_id", _S), ("version", _I), ("report_year", _I), ("text_hash", _S), ("fingerprint", _S),
     ("title", _S), ("text", _S), ("url", _S), ("seen_at", TS), ("loaded_at", TS)]
)  # fmt: skip
SECTIONS = pa.schema(
    [("report_id", _S), ("report_year", _I), ("ordinal", _I), ("level", _I), ("number", _S), ("heading", _S),
     ("part", _S), ("span_start", _I), ("span_end", _I)]
)  # fmt: skip
METRICS = pa.schema(
    [("metric_id", _S), ("report_id", _S), ("report_year", _I), ("key", _S), ("value", _F), ("unit", _S),
     ("qualifier", _S), ("period_year", _I), ("evidence", _S), ("span_start", _I), ("span_end", _I),
     ("scope", _S)]
)  # fmt: skip
MENTIONS = pa.schema(
    [("report_id", _S), ("report_year", _I), ("ordinal", _I), ("value", _F), ("unit", _S), ("phrase", _S),
     ("sentence", _S), ("span_start", _I), ("span_end", _I)]
)  # fmt: skip
PAGES = pa.schema(
    [("report_year", _I), ("url", _S), ("final_url", _S), ("source_id", _S), ("doc_kind", _S),
     ("parsed_year", _I), ("title", _S), ("report_id", _S), ("fetched_at", TS), ("archive_ref", _S)]
)  # fmt: skip

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _unique(values: list[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _first(pages: list[ParsedPage], get) -> object:
    """The first non-empty value among the pages (canonical page first): fills what one copy lacks."""
    return next((v for v in map(get, pages) if v not in (None, "")), None)


def _report_row(
    report_id: str, year: int, pages: list[ParsedPage], known_first_seen: datetime | None
) -> dict:
    seen = [utc(p.fetched_at) for p in pages if p.fetched_at]
    first_seen = min([t for t in (*seen, known_first_seen) if t], default=None)
    r = pages[0].report
    return {
        "report_id": report_id,
        "report_year": year,
        "region_code": _first(pages, lambda p: p.report.region.code),
        "region_name": _first(pages, lambda p: p.report.region.name),
        "level": _first(pages, lambda p: p.report.region.level),
        "province": _first(pages, lambda p: p.report.region.province),
        "prefecture": _first(pages, lambda p: p.report.region.prefecture),
        "issuer": _first(pages, lambda p: p.report.issuer),
        "issuer_kind": _first(pages, lambda p: p.report.issuer_kind),
        "publish_date": as_date(_first(pages, lambda p: p.report.publish_date)),
        "title": _first(pages, lambda p: p.report.title),
        "urls": _unique([u for p in pages for u in (p.url, p.final_url)]),
        "source_ids": sorted(_unique([p.source_id for p in pages])),
        "archive_refs": _unique([p.archive_ref for p in pages]),
        "doc_number": _first(pages, lambda p: p.report.doc_number),
        "index_number": _first(pages, lambda p: p.report.index_number),
        "text": r.text,
        "text_hash": text_hash(r.text),
        "fingerprint": content_fingerprint(r),
        "doc_kind": r.doc_kind,
        "first_seen": first_seen,
        "last_seen": max(seen) if seen else None,
    }


def _fact_rows(report_id: str, year: int, report) -> tuple[list[dict], list[dict], list[dict]]:
    sections = [
        {"report_id": report_id, "report_year": year, "ordinal": i, "level": s.level, "number": s.number,
         "heading": s.heading, "part": s.part, "span_start": s.start, "span_end": s.end}
        for i, s in enumerate(report.sections)
    ]  # fmt: skip
    metrics = [
        {"metric_id": f"{report_id}:{i}", "report_id": report_id, "report_year": year, "key": m.key,
         "value": m.value, "unit": m.unit, "qualifier": m.qualifier, "period_year": m.period_year,
         "evidence": m.evidence, "span_start": m.start, "span_end": m.end, "scope": m.scope}
        for i, m in enumerate(report.metrics)
    ]  # fmt: skip
    mentions = [
        {"report_id": report_id, "report_year": year, "ordinal": i, "value": n.value, "unit": n.unit,
         "phrase": n.phrase, "sentence": n.sentence, "span_start": n.start, "span_end": n.end}
        for i, n in enumerate(report.numeric_mentions)
    ]  # fmt: skip
    return sections, metrics, mentions


def _page_row(year: int, page: ParsedPage, report_id: str | None) -> dict:
    return {
        "report_year": year, "url": page.url, "final_url": page.final_url, "source_id": page.source_id,
        "doc_kind": page.report.doc_kind, "parsed_year": page.report.report_year, "title": page.report.title,
        "report_id": report_id, "fetched_at": utc(page.fetched_at), "archive_ref": page.archive_ref,
    }  # fmt: skip


def _split(
    report_year: int, pages: list[ParsedPage], summary: LoadSummary
) -> tuple[list[ParsedPage], list[ParsedPage]]:
    """(this year's annual reports, the other pages). A report whose year the parser could not read
    takes the partition's year: it was listed and fetched for that year."""
    annual, others = [], []
    for page in pages:
        report = page.report
        if report.doc_kind != "annual_report":
            summary.not_annual += 1
            others.append(page)
        elif report.report_year not in (None, report_year):
            summary.other_year.append(page.url)
            others.append(page)
        elif report.report_year is None:
            dated = dataclasses.replace(report, report_year=report_year)
            annual.append(dataclasses.replace(page, report=dated))
        else:
            annual.append(page)
    return annual, others


def _latest_per_url(pages: list[ParsedPage]) -> list[ParsedPage]:
    """One page per url (its latest fetch), so a page passed twice is not loaded twice."""
    latest: dict[str, ParsedPage] = {}
    for page in pages:
        kept = latest.get(page.url)
        if kept is None or (utc(page.fetched_at) or _EPOCH) >= (utc(kept.fetched_at) or _EPOCH):
            latest[page.url] = page
    return list(latest.values())


def _canonical_first(pages: list[ParsedPage]) -> list[ParsedPage]:
    """Most recently fetched copy first (it is the current text), longer text breaking ties."""
    return sorted(pages, key=lambda p: (utc(p.fetched_at) or _EPOCH, len(p.report.text)), reverse=True)


def load_report_year(
    con: duckdb.DuckDBPyConnection, report_year: int, pages: list[ParsedPage], *, refresh_search: bool = True
) -> LoadSummary:
    """Replace report_year's reports and facts with those of `pages`, in one transaction.

    Only doc_kind == 'annual_report' pages become reports; every page is recorded in parsed_pages.
    Pages whose parsed year is another year are not loaded here and are listed in the summary.
    With refresh_search the full-text index is rebuilt in the same transaction.
    """
    pages = _latest_per_url(pages)
    summary = LoadSummary(report_year=report_year, pages=len(pages))
    annual, others = _split(report_year, pages, summary)
    if summary.other_year:
        log.warning("%d page(s) report another year than %d, not loaded: %s",
                    len(summary.other_year), report_year, summary.other_year[:5])  # fmt: skip
    groups = {rid: _canonical_first(group) for rid, group in group_pages(annual).items()}
    loaded_at = datetime.now(UTC)
    with transaction(con):
        known = dict(con.execute(
            "SELECT report_id, min(first_seen) FROM reports WHERE report_year = ? GROUP BY ALL", [report_year]
        ).fetchall())  # fmt: skip
        latest = {rid: (h, v) for rid, h, v in con.execute(
            "SELECT report_id, arg_max(text_hash, version), max(version) FROM report_versions"
            " WHERE report_year = ? GROUP BY ALL", [report_year]
        ).fetchall()}  # fmt: skip
        reports, versions, sections, metrics, mentions = [], [], [], [], []
        page_rows = [_page_row(report_year, p, None) for p in others]
        for rid, group in groups.items():
            row = _report_row(rid, report_year, group, known.get(rid))
            reports.append(row)
            page_rows += [_page_row(report_year, p, rid) for p in group]
            s, m, n = _fact_rows(rid, report_year, group[0].report)
            sections += s
            metrics += m
            mentions += n
            previous_hash, previous_version = latest.get(rid, (None, 0))
            if row["text_hash"] != previous_hash:
                versions.append({
                    "report_id": rid, "version": previous_version + 1, "report_year": report_year,
                    "text_hash": row["text_hash"], "fingerprint": row["fingerprint"], "title": row["title"],
                    "text": row["text"], "url": group[0].url, "seen_at": row["last_seen"],
                    "loaded_at": loaded_at,
                })  # fmt: skip
        for table in FACT_TABLES:
            con.execute(f"DELETE FROM {table} WHERE report_year = ?", [report_year])
        summary.reports = insert_rows(con, "reports", reports, REPORTS)
        summary.sections = insert_rows(con, "report_sections", sections, SECTIONS)
        summary.metrics = insert_rows(con, "report_metrics", metrics, METRICS)
        summary.mentions = insert_rows(con, "numeric_mentions", mentions, MENTIONS)
        insert_rows(con, "parsed_pages", page_rows, PAGES)
        summary.versions_added = insert_rows(con, "report_versions", versions, VERSIONS)
        if refresh_search:
            from warehouse.search import refresh_search_index

            refresh_search_index(con)
    return summary
