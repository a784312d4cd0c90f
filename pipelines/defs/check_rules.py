"""The data rules behind the asset checks, as plain functions of a warehouse connection (and of the
date, for the season rule) so tests can call them directly. Each returns the offending rows."""

from __future__ import annotations

from datetime import date

import duckdb

# Pairs (received, concluded) of metric keys that count the same stream of cases: more concluded
# than received is suspicious but possible, as cases carried over from the year before may close.
RECEIVED_CONCLUDED = (
    ("reconsideration_received", "reconsideration_concluded"),
    ("hotline_received", "hotline_resolved"),
    ("mediation_disputes", "mediation_resolved"),
)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def duplicate_keys(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Report ids or metric ids that occur more than once."""
    return _rows(
        con,
        "SELECT 'reports' AS table_name, report_id AS key, count(*) AS n FROM reports"
        " GROUP BY ALL HAVING count(*) > 1"
        " UNION ALL SELECT 'report_metrics', metric_id, count(*) FROM report_metrics"
        " GROUP BY ALL HAVING count(*) > 1",
    )


def rates_out_of_range(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Percentages outside 0–100."""
    return _rows(
        con,
        "SELECT report_id, report_year, key, value, evidence FROM report_metrics"
        " WHERE unit = '%' AND (value < 0 OR value > 100) ORDER BY report_year, key",
    )


def concluded_above_received(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Reports stating more cases concluded than received (both stated, same report and period)."""
    pairs = [list(p) for p in RECEIVED_CONCLUDED]
    return _rows(
        con,
        """
        WITH pairs AS (SELECT p[1] AS received_key, p[2] AS concluded_key FROM unnest(?::VARCHAR[][]) AS t(p))
        SELECT r.report_id, r.report_year, p.received_key, r.value AS received, c.value AS concluded
        FROM pairs AS p
        JOIN report_metrics AS r ON r.key = p.received_key
        JOIN report_metrics AS c ON c.key = p.concluded_key AND c.report_id = r.report_id
            AND c.period_year IS NOT DISTINCT FROM r.period_year
            AND c.scope IS NOT DISTINCT FROM r.scope
        WHERE c.value > r.value
        ORDER BY r.report_year, r.report_id
        """,
        [pairs],
    )


def evidence_not_in_text(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Metric facts whose evidence sentence is not found in their report's text."""
    return _rows(
        con,
        "SELECT m.report_id, m.report_year, m.key, m.evidence FROM report_metrics AS m"
        " LEFT JOIN reports AS r ON r.report_id = m.report_id AND r.report_year = m.report_year"
        " WHERE r.text IS NULL OR m.evidence IS NULL OR strpos(r.text, m.evidence) = 0",
    )


def last_closed_season(today: date) -> int:
    """The latest report year whose publication season is over: year Y's reports are due by
    1 April of Y+1; after 31 May of Y+1 a missing one is late, not pending."""
    return today.year - 1 if today > date(today.year, 5, 31) else today.year - 2


def sources_missing_latest_year(con: duckdb.DuckDBPyConnection, today: date) -> tuple[int, list[dict]]:
    """(the year checked, sources without a report for it)."""
    year = last_closed_season(today)
    rows = _rows(
        con,
        """
        SELECT s.id AS source_id, s.name
        FROM sources AS s
        WHERE NOT EXISTS (
            SELECT 1 FROM reports AS r WHERE r.report_year = ? AND list_contains(r.source_ids, s.id))
        ORDER BY s.id
        """,
        [year],
    )
    return year, rows
