"""Ingest: the source registry, then one crawl per run that discovers report links and fetches them
into the raw WARC archive. The crawl loop does discovery and fetching in one pass (a report listed
twice is fetched once), so both assets come out of one step; each keeps its own record."""

from collections import Counter
from datetime import UTC, datetime, timedelta

import dagster as dg

from pipelines.defs.groups import CRAWL_POOL, INGEST
from pipelines.defs.metadata import counts_table, markdown_table, per_year
from pipelines.defs.partitions import report_year_backfill, report_year_partitions, years_of
from pipelines.defs.records import (
    RecordError,
    crawl_records,
    fetch_log_rows,
    keep_earlier_links,
    read_crawl_record,
    write_crawl_record,
)
from pipelines.defs.resources import CrawlerResource, DataDirResource, RegistryResource


@dg.asset(
    group_name=INGEST,
    kinds={"toml"},
    description="The portals to crawl: the registry file (FAZHI_SOURCES), validated. "
    "Each source names its CMS adapter, its report columns and its politeness limits.",
)
def source_registry(context: dg.AssetExecutionContext, registry: RegistryResource) -> dg.MaterializeResult:
    sources = registry.load()
    rows = [
        {
            "id": s.id,
            "name": s.name,
            "adapter": s.adapter,
            "level": s.level,
            "columns": len(s.columns),
            "base_url": s.base_url,
        }
        for s in sources
    ]
    context.log.info("%d sources in %s", len(sources), registry.file)
    return dg.MaterializeResult(
        metadata={
            "file": str(registry.file),
            "sources": len(sources),
            "columns": sum(len(s.columns) for s in sources),
            "by_adapter": counts_table(Counter(s.adapter for s in sources), "adapter"),
            "by_level": counts_table(Counter(s.level or "unknown" for s in sources), "level"),
            "preview": markdown_table(rows),
        }
    )


HOST_COLUMNS = (
    "found",
    "fetched",
    "not_modified",
    "blocked",
    "failed",
    "skipped_robots",
    "requests",
    "retries",
)


def _host_rows(hosts: dict[str, dict]) -> list[dict]:
    """One row per host: report candidates by outcome, traffic, and why the failures failed."""
    return [
        {"host": name, **{k: h[k] for k in HOST_COLUMNS},
         "reasons": "; ".join(f"{reason} ×{n}" for reason, n in h["reasons"].items())}
        for name, h in hosts.items()
    ]  # fmt: skip


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "discovered_report_links",
            group_name=INGEST,
            kinds={"python"},
            deps=["source_registry"],
            description="Links the report columns list for the report year (title year, or listing "
            "date when the title names none), with their attachments. Links an earlier crawl listed stay "
            "on record, so a list page that fails one day loses no report. File: data/crawls/<year>.json.",
        ),
        dg.AssetSpec(
            "fetched_pages",
            group_name=INGEST,
            kinds={"warc"},
            deps=["discovered_report_links"],
            description="Every discovered link fetched politely (robots.txt, per-host rate, retries, "
            "conditional GET) and archived as WARC under data/raw, with the outcome of each fetch.",
        ),
    ],
    partitions_def=report_year_partitions,
    backfill_policy=report_year_backfill,
    pool=CRAWL_POOL,
)
def crawled_report_pages(
    context: dg.AssetExecutionContext,
    registry: RegistryResource,
    data_dir: DataDirResource,
    crawler: CrawlerResource,
):
    years = years_of(context)
    sources = registry.load()
    crawl_years = range(years[0], years[-1] + 1)
    context.log.info("crawling %d sources for report years %s", len(sources), crawl_years)
    summary = crawler.crawl(sources, crawl_years, data_dir.path)
    by_url = {r.url: r.source_id for r in summary.reports}
    # one second of slack: the archive's WARC-Date is whole seconds
    since = summary.started_at.astimezone(UTC) - timedelta(seconds=1)
    records = crawl_records(summary, fetch_log_rows(data_dir.raw, since, sources, by_url))
    carried_over = 0
    for year in years:
        path = data_dir.crawl_record(year)
        try:
            earlier = read_crawl_record(path) if path.exists() else None
        except RecordError as exc:  # a damaged record: this crawl's links still stand
            context.log.warning("%s; earlier links of %d not carried over", exc, year)
            earlier = None
        carried_over += keep_earlier_links(records[year], earlier)
        write_crawl_record(path, records[year])

    links = [link for year in years for link in records[year]["links"] if link["listed_now"]]
    broken_columns = [c for c in summary.columns if c.error]
    for column in broken_columns:
        context.log.warning("column %s of %s: %s", column.column_url, column.source_id, column.error)
    yield dg.MaterializeResult(
        asset_key="discovered_report_links",
        metadata={
            "links": len(links),
            "links_per_year": per_year(
                (y, sum(1 for k in records[y]["links"] if k["listed_now"])) for y in years
            ),
            "earlier_links_kept": carried_over,
            "attachments": sum(1 for link in links if link["attachment_of"]),
            "columns_walked": len(summary.columns),
            "columns_failed": len(broken_columns),
            "column_errors": markdown_table(
                [{"source": c.source_id, "column": c.column_url, "error": c.error} for c in broken_columns]
            ),
            "preview": markdown_table(links, ["report_year", "source_id", "title", "listed_date", "url"]),
        },
    )
    totals = summary.totals
    outcomes = Counter(link["outcome"] or "not fetched" for link in links)
    yield dg.MaterializeResult(
        asset_key="fetched_pages",
        metadata={
            "archived": sum(1 for link in links if link["archived"]),
            "outcomes": counts_table(outcomes, "outcome"),
            "requests": int(totals["requests"]),
            "retries": int(totals["retries"]),
            "bytes_downloaded": int(totals["bytes_downloaded"]),
            "wall_seconds": dg.MetadataValue.float(summary.wall_seconds),
            "hosts_with_failures": sum(
                1 for h in summary.hosts.values() if h.failed or h.blocked or h.skipped_robots
            ),
            "per_host": markdown_table(_host_rows(records[years[0]]["hosts"]), limit=100),
            "archive": dg.MetadataValue.path(str(data_dir.raw)),
            "crawled_at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )
