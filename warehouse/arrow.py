"""Bulk inserts through Arrow: rows are staged as one Arrow table and inserted by a single statement,
so crawled text only ever travels as data, never as SQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import duckdb
import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")


def utc(value: datetime | str | None) -> datetime | None:
    """Aware datetimes converted to UTC; naive ones are taken to be UTC already. ISO 8601 strings
    (as the crawler's sqlite fetch log stores them, 'Z' included) are read first."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError as exc:
            raise ValueError(f"not an ISO 8601 timestamp: {value!r}") from exc
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def as_date(value: date | str | None) -> date | None:
    """A date from a date/datetime or a 'YYYY-MM-DD…' string; None for anything unreadable."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]], schema: pa.Schema
) -> int:
    """INSERT rows (dicts keyed by column name) into `table` in one statement; returns the count."""
    if not rows:
        return 0
    staged = pa.Table.from_pylist(rows, schema=schema)
    name = f"_staged_{table}"
    con.register(name, staged)
    try:
        # `table` is one of our own table names, never crawled text.
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {name}")
    finally:
        con.unregister(name)
    return staged.num_rows


def stage(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    """Make rows queryable as view `name` for MERGE / anti-join statements (unregister when done)."""
    con.register(name, pa.Table.from_pylist(rows, schema=schema))
