"""Warehouse: DuckDB tables loaded from the stage files, then the views and the search index.

Every asset here writes the one DuckDB file, so all share the duckdb_writer pool (limit 1), and each
write is one short transaction: a year's reports are replaced whole or not at all."""

from collections import Counter

import dagster as dg

from crawlers.registry import source_to_dict
from pipelines.defs.groups import DUCKDB_WRITER_POOL, WAREHOUSE
from pipelines.defs.metadata import markdown_table, per_year
from pipelines.defs.partitions import report_year_backfill, report_year_partitions, years_of
from pipelines.defs.records import pages_reporting_on, read_crawl_record
from pipelines.defs.resources import DataDirResource, RegistryResource, WarehouseResource
from warehouse.load import load_discovered, load_fetches, load_regions, load_report_year, load_sources


@dg.asset(
    group_name=WAREHOUSE,
    kinds={"duckdb"},
    deps=["source_registry"],
    pool=DUCKDB_WRITER_POOL,
    description="Tables `sources` (the registry) and `regions` (GB/T 2260 divisions), replaced by id.",
)
def source_tables(registry: RegistryResource, warehouse: WarehouseResource) -> dg.MaterializeResult:
    sources = registry.load()
    with warehouse.writer() as con:
        loaded = load_sources(con, [source_to_dict(s) for s in sources])
        regions = load_regions(con)
    rows = [{"id": s.id, "name": s.name, "level": s.level, "region_code": s.region_code} for s in sources]
    return dg.MaterializeResult(
        metadata={
            "sources": loaded,
            "regions": regions,
            "database": dg.MetadataValue.path(str(warehouse.path)),
            "preview": markdown_table(rows),
        }
    )


@dg.asset(
    group_name=WAREHOUSE,
    kinds={"duckdb"},
    deps=["discovered_report_links", "fetched_pages", "source_tables"],
    partitions_def=report_year_partitions,
    backfill_policy=report_year_backfill,
    pool=DUCKDB_WRITER_POOL,
    description="Tables `discovered_links` (one row per source and link, first/last seen) and `fetches` "
    "(one row per request, idempotent on re-load) from the year's crawl record.",
)
def crawl_log_tables(
    context: dg.AssetExecutionContext, data_dir: DataDirResource, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    links, fetches = [], []
    per_source: dict[tuple[int, str], Counter[str]] = {}
    for year in years_of(context):
        record = read_crawl_record(data_dir.crawl_record(year))
        for link in record["links"]:
            per_source.setdefault((year, link["source_id"]), Counter())[link["outcome"] or "not fetched"] += 1
        with warehouse.writer() as con:
            # links carried over from earlier crawls keep the last_seen they had
            listed = [link for link in record["links"] if link.get("listed_now", True)]
            links.append((year, load_discovered(con, year, listed)))
            fetches.append((year, load_fetches(con, record["fetches"])))
    outcomes = ("ok", "not_modified", "blocked", "failed", "skipped_robots", "not fetched")
    rows = [
        {"year": year, "source": source, "links": sum(c.values()), **{o: c.get(o, 0) for o in outcomes}}
        for (year, source), c in sorted(per_source.items())
    ]
    return dg.MaterializeResult(
        metadata={
            "links_loaded": per_year(links),
            "new_fetch_rows": per_year(fetches),
            "per_source": markdown_table(rows, limit=100),
        }
    )


@dg.asset(
    group_name=WAREHOUSE,
    kinds={"duckdb"},
    deps=["parsed_reports"],
    partitions_def=report_year_partitions,
    backfill_policy=report_year_backfill,
    pool=DUCKDB_WRITER_POOL,
    description="Tables `reports`, `report_versions`, `report_sections`, `report_metrics`, "
    "`numeric_mentions` and `parsed_pages` for the year, replaced in one transaction.",
)
def report_tables(
    context: dg.AssetExecutionContext, data_dir: DataDirResource, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    summaries = []
    for year in years_of(context):
        # a page listed under another year but reporting on this one is loaded here (and vice versa)
        pages, failures = pages_reporting_on(year, data_dir.parsed_files(year))
        # the search index is rebuilt once per run by search_index, not once per year
        with warehouse.writer() as con:
            summary = load_report_year(con, year, pages, refresh_search=False)
        if summary.other_year:
            context.log.warning(
                "%d page(s) listed for %d report another year: %s",
                len(summary.other_year),
                year,
                summary.other_year[:5],
            )
        summaries.append(
            {
                "year": year,
                "pages": summary.pages,
                "reports": summary.reports,
                "metrics": summary.metrics,
                "sections": summary.sections,
                "new_versions": summary.versions_added,
                "not_annual": summary.not_annual,
                "other_year": len(summary.other_year),
                "unparsed": len(failures),
            }
        )
    with warehouse.reader() as con:
        rows = con.execute(
            "SELECT report_year, issuer, publish_date, level, region_name, len(urls) AS copies"
            " FROM reports WHERE list_contains(?, report_year) ORDER BY report_year, issuer LIMIT 10",
            [years_of(context)],
        ).fetchall()
    preview = [
        dict(zip(["year", "issuer", "published", "level", "region", "copies"], r, strict=True)) for r in rows
    ]
    return dg.MaterializeResult(
        metadata={
            "reports": sum(s["reports"] for s in summaries),
            "metrics": sum(s["metrics"] for s in summaries),
            "per_year": markdown_table(summaries),
            "preview": markdown_table(preview),
        }
    )


@dg.asset(
    group_name=WAREHOUSE,
    kinds={"duckdb"},
    deps=["report_tables", "crawl_log_tables"],
    pool=DUCKDB_WRITER_POOL,
    description="Views v_metrics, v_timeliness, v_coverage and the full-text indexes behind "
    "`fazhi search`, rebuilt over every year loaded.",
)
def search_index(warehouse: WarehouseResource) -> dg.MaterializeResult:
    from warehouse.search import refresh_search_index
    from warehouse.views import refresh_views

    with warehouse.writer() as con:
        refresh_views(con)
        refresh_search_index(con)
    with warehouse.reader() as con:
        years = con.execute(
            "SELECT report_year, count(*) AS reports, count(*) FILTER (WHERE on_time) AS on_time"
            " FROM v_timeliness GROUP BY ALL ORDER BY report_year"
        ).fetchall()
        metrics = con.execute("SELECT count(*) FROM v_metrics").fetchone()[0]
    return dg.MaterializeResult(
        metadata={
            "reports": sum(r[1] for r in years),
            "metric_facts": metrics,
            "reports_per_year": markdown_table(
                [{"year": y, "reports": n, "on_time": t} for y, n, t in years], limit=50
            ),
        }
    )
