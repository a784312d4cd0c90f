"""Stage names: asset groups, and the pools that serialise what must not run twice at once."""

INGEST = "ingest"
PARSE = "parse"
WAREHOUSE = "warehouse"

# DuckDB takes one writing process per file; with `pools: default_limit: 1` in dagster.yaml every
# asset in this pool runs alone across all runs, so writers queue in Dagster instead of on the lock.
DUCKDB_WRITER_POOL = "duckdb_writer"
# Politeness limits live in one crawl process's fetcher; two crawls of the same portals in two runs
# would each take the full per-host budget, so crawls queue in a pool of one as well.
CRAWL_POOL = "portal_crawl"
