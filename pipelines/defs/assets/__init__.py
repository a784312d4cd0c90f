"""Assets by stage: ingest (registry, discovery, fetching), parse, warehouse."""

from pipelines.defs.assets.ingest import crawled_report_pages, source_registry
from pipelines.defs.assets.parse import parsed_reports
from pipelines.defs.assets.warehouse import crawl_log_tables, report_tables, search_index, source_tables

__all__ = [
    "crawl_log_tables",
    "crawled_report_pages",
    "parsed_reports",
    "report_tables",
    "search_index",
    "source_registry",
    "source_tables",
]
