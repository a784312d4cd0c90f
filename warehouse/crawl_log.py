"""Loads of what the crawler saw: the source registry, discovered links and every fetch."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa

from warehouse.arrow import TS, as_date, insert_rows, stage, utc
from warehouse.transactions import transaction

_S = pa.string()
OUTCOMES = {"ok", "not_modified", "skipped_robots", "blocked", "failed"}  # crawlers.model.Outcome values

SOURCES = pa.schema(
    [("id", _S), ("name", _S), ("base_url", _S), ("adapter", _S), ("region_code", _S), ("level", _S),
     ("columns", pa.list_(pa.struct([("url", _S), ("name", _S), ("adapter", _S)])))]
)  # fmt: skip
LINKS = pa.schema(
    [("source_id", _S), ("url", _S), ("title", _S), ("listed_date", pa.date32()), ("report_year", pa.int32()),
     ("column_url", _S), ("seen_at", TS)]
)  # fmt: skip
FETCHES = pa.schema(
    [("fetch_id", _S), ("url", _S), ("final_url", _S), ("host", _S), ("source_id", _S),
     ("status", pa.int32()), ("outcome", _S), ("bytes", pa.int64()), ("elapsed", pa.float64()),
     ("archive_ref", _S), ("reason", _S), ("fetched_at", TS), ("loaded_at", TS)]
)  # fmt: skip
FETCH_KEYS = {f.name for f in FETCHES} - {"fetch_id", "loaded_at"}


def load_sources(con: duckdb.DuckDBPyConnection, sources: list[dict[str, Any]]) -> int:
    """Insert or replace sources by id (dicts as crawlers.registry.source_to_dict gives them)."""
    rows = []
    for entry in sources:
        if not entry.get("id"):
            raise ValueError(f"source without an id: {entry!r}")
        columns = [
            {"url": c["url"], "name": c.get("name"), "adapter": c.get("adapter")}
            for c in entry.get("columns", [])
        ]
        rows.append({k: entry.get(k) for k in ("id", "name", "base_url", "adapter", "region_code", "level")}
                    | {"columns": columns})  # fmt: skip
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        raise ValueError(f"duplicate source ids in one load: {sorted({i for i in ids if ids.count(i) > 1})}")
    with transaction(con):
        con.execute("DELETE FROM sources WHERE list_contains(?, id)", [ids])
        return insert_rows(con, "sources", rows, SOURCES)


def load_discovered(con: duckdb.DuckDBPyConnection, report_year: int, links: list[dict[str, Any]]) -> int:
    """Record links a discovery run listed for report_year. A link already known (same source and
    url) keeps its first_seen and gets the new title/date and last_seen; nothing is deleted, so a
    link that drops off a list page stays on record with its old last_seen."""
    now = datetime.now(UTC)
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for link in links:
        if not link.get("source_id") or not link.get("url"):
            raise ValueError(f"discovered link needs source_id and url: {link!r}")
        rows[(link["source_id"], link["url"])] = {
            "source_id": link["source_id"], "url": link["url"], "title": link.get("title"),
            "listed_date": as_date(link.get("listed_date")),
            "report_year": link.get("report_year") or report_year,
            "column_url": link.get("column_url"), "seen_at": utc(link.get("seen_at")) or now,
        }  # fmt: skip
    if not rows:
        return 0
    with transaction(con):
        stage(con, "_links", list(rows.values()), LINKS)
        try:
            con.execute(
                """
                MERGE INTO discovered_links AS d USING _links AS s
                ON d.source_id = s.source_id AND d.url = s.url
                WHEN MATCHED THEN UPDATE SET
                    title = coalesce(s.title, d.title), listed_date = coalesce(s.listed_date, d.listed_date),
                    report_year = s.report_year, column_url = coalesce(s.column_url, d.column_url),
                    last_seen = greatest(d.last_seen, s.seen_at)
                WHEN NOT MATCHED THEN INSERT
                    (source_id, url, title, listed_date, report_year, column_url, first_seen, last_seen)
                    VALUES (s.source_id, s.url, s.title, s.listed_date, s.report_year, s.column_url,
                            s.seen_at, s.seen_at)
                """
            )
        finally:
            con.unregister("_links")
    return len(rows)


def _fetch_id(row: dict[str, Any]) -> str:
    fetched_at = row["fetched_at"].isoformat() if row["fetched_at"] else None
    key = [row["url"], fetched_at, row["archive_ref"], row["outcome"], row["status"]]
    return hashlib.sha1(json.dumps(key).encode("utf-8")).hexdigest()


def load_fetches(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> int:
    """Append fetch-log rows; a row already loaded (same url, time, archive record, outcome, status)
    is skipped, so re-loading a crawl's log adds nothing. Returns the number of new rows."""
    now = datetime.now(UTC)
    staged: dict[str, dict[str, Any]] = {}
    for given in rows:
        unknown = set(given) - FETCH_KEYS
        if unknown or not given.get("url"):
            raise ValueError(f"fetch row needs url and only {sorted(FETCH_KEYS)}; got {given!r}")
        row = {k: given.get(k) for k in FETCH_KEYS}
        row["outcome"] = str(row["outcome"]) if row["outcome"] is not None else None
        if row["outcome"] not in OUTCOMES:
            raise ValueError(
                f"fetch of {row['url']}: outcome {row['outcome']!r} is not one of {sorted(OUTCOMES)}"
            )
        row["fetched_at"] = utc(row["fetched_at"])
        row["host"] = row["host"] or (urlsplit(row["final_url"] or row["url"]).hostname or None)
        row["fetch_id"] = _fetch_id(row)
        row["loaded_at"] = now
        staged[row["fetch_id"]] = row
    if not staged:
        return 0
    with transaction(con):
        stage(con, "_fetches", list(staged.values()), FETCHES)
        try:
            before = con.execute("SELECT count(*) FROM fetches").fetchone()[0]
            con.execute(
                "INSERT INTO fetches BY NAME SELECT * FROM _fetches AS s"
                " WHERE NOT EXISTS (SELECT 1 FROM fetches AS f WHERE f.fetch_id = s.fetch_id)"
            )
            return con.execute("SELECT count(*) FROM fetches").fetchone()[0] - before
        finally:
            con.unregister("_fetches")


def fetch_row(result: Any, source_id: str | None = None) -> dict[str, Any]:
    """The fetches row for a crawlers.model.FetchResult (read by attribute, so no import of crawlers)."""
    return {
        "url": result.url, "final_url": result.final_url, "source_id": source_id, "status": result.status,
        "outcome": str(result.outcome), "bytes": len(result.body) if result.body else None,
        "elapsed": result.elapsed_seconds, "archive_ref": result.archive_ref, "reason": result.reason,
        "fetched_at": result.fetched_at,
    }  # fmt: skip
