"""SQL views and the metric catalog they join; recreated when views.sql or the catalog changes."""

from __future__ import annotations

import hashlib
from importlib import resources

import duckdb
import pyarrow as pa

from warehouse.metric_labels import METRIC_LABELS
from warehouse.transactions import transaction

VIEWS = ("v_metrics", "v_timeliness", "v_coverage")


def _views_sql() -> str:
    return resources.files("warehouse").joinpath("views.sql").read_text(encoding="utf-8")


def _definition_hash() -> str:
    return hashlib.sha256((_views_sql() + repr(sorted(METRIC_LABELS.items()))).encode()).hexdigest()


def refresh_views(con: duckdb.DuckDBPyConnection) -> None:
    """Reload metric_catalog from METRIC_LABELS and (re)create the views, in one transaction."""
    catalog = pa.table(
        {
            "key": list(METRIC_LABELS),
            "topic": [t for t, _, _ in METRIC_LABELS.values()],
            "label": [zh for _, zh, _ in METRIC_LABELS.values()],
            "unit": [u for _, _, u in METRIC_LABELS.values()],
        }
    )
    with transaction(con):
        con.execute("DELETE FROM metric_catalog")
        con.register("_catalog", catalog)
        try:
            con.execute("INSERT INTO metric_catalog BY NAME SELECT * FROM _catalog")
        finally:
            con.unregister("_catalog")
        con.execute(_views_sql())
        con.execute("DELETE FROM warehouse_meta WHERE key = 'views_hash'")
        con.execute("INSERT INTO warehouse_meta VALUES ('views_hash', ?)", [_definition_hash()])


def ensure_views(con: duckdb.DuckDBPyConnection) -> None:
    """refresh_views unless the database already has this version of the views (cheap on every open)."""
    row = con.execute("SELECT value FROM warehouse_meta WHERE key = 'views_hash'").fetchone()
    if row is None or row[0] != _definition_hash():
        refresh_views(con)
