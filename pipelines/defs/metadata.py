"""Run metadata helpers: counts and small markdown tables for the asset pages of the UI."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import dagster as dg

PREVIEW_ROWS = 10


def _cell(value: Any, width: int = 60) -> str:
    text = "" if value is None else str(value)
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def markdown_table(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None, limit: int = PREVIEW_ROWS
) -> dg.MetadataValue:
    """The first `limit` rows as a markdown table (the UI renders it on the materialization)."""
    if not rows:
        return dg.MetadataValue.md("_no rows_")
    columns = list(columns or rows[0].keys())
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(row.get(c)) for c in columns) + " |" for row in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"\n_{len(rows) - limit} more rows_")
    return dg.MetadataValue.md("\n".join(lines))


def counts_table(counts: Mapping[str, int], key: str, value: str = "count") -> dg.MetadataValue:
    rows = [{key: k, value: v} for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return markdown_table(rows, limit=50)


def per_year(values: Iterable[tuple[int, Any]]) -> dict[str, Any]:
    """{"2021": …, "2022": …} so a multi-year run shows each year's figure."""
    return {str(year): value for year, value in values}
