"""Helpers for the pipelines tests: resources pointed at a temporary directory, and table snapshots."""

from __future__ import annotations

from pathlib import Path

from pipelines.defs.resources import CrawlerResource, DataDirResource, RegistryResource, WarehouseResource
from warehouse.db import connect


def resources_for(root: Path, registry: Path) -> dict:
    return {
        "registry": RegistryResource(path=str(registry)),
        "data_dir": DataDirResource(root=str(root / "data")),
        "warehouse": WarehouseResource(database=str(root / "warehouse.duckdb"), busy_timeout_seconds=60),
        "crawler": CrawlerResource(contact_url="https://example.invalid/fazhi-tests"),
    }


# Columns that identify content; load and fetch timestamps are left out (a re-run has new ones).
SNAPSHOT_QUERIES = {
    "reports": "SELECT report_id, report_year, region_code, level, issuer, issuer_kind, publish_date, title,"
    " list_sort(urls), list_sort(source_ids), text_hash, fingerprint, doc_kind FROM reports ORDER BY ALL",
    "report_versions": "SELECT report_id, version, text_hash FROM report_versions ORDER BY ALL",
    "report_sections": "SELECT * FROM report_sections ORDER BY ALL",
    "report_metrics": "SELECT * FROM report_metrics ORDER BY ALL",
    "numeric_mentions": "SELECT * FROM numeric_mentions ORDER BY ALL",
    "parsed_pages": "SELECT report_year, url, source_id, doc_kind, parsed_year, title, report_id"
    " FROM parsed_pages ORDER BY ALL",
    "discovered_links": "SELECT source_id, url, title, listed_date, report_year, column_url"
    " FROM discovered_links ORDER BY ALL",
    "sources": "SELECT id, name, base_url, adapter FROM sources ORDER BY ALL",
}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    con = connect(db, read_only=True)
    try:
        return {table: con.execute(sql).fetchall() for table, sql in SNAPSHOT_QUERIES.items()}
    finally:
        con.close()
