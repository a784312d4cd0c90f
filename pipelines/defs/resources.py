"""Resources: where the warehouse, the raw archive and the registry live, and how politely to crawl.

Every field defaults to None and is resolved when a run uses it, from the same environment
variables the `fazhi` commands read (FAZHI_DB, FAZHI_DATA, FAZHI_SOURCES, FAZHI_CONTACT_URL), so
`dagster dev`, `fazhi run` and the tests all agree on the paths without a config file. Tests pass
explicit values instead."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from crawlers.model import Source
from crawlers.summary import CrawlSummary

DEFAULT_DATA_DIR = "data"
DEFAULT_SOURCES = "sources/real.toml"


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file. DuckDB allows one writing process per file: writers hold it only
    for one short transaction (warehouse.db.writer) and the assets that write share the
    `duckdb_writer` pool, so Dagster queues them instead of letting them wait on the file lock."""

    database: str | None = None  # default: $FAZHI_DB, else data/warehouse.duckdb
    busy_timeout_seconds: float = 300.0

    @property
    def path(self) -> Path:
        from warehouse.db import default_db_path

        return Path(self.database) if self.database else default_db_path()

    @contextmanager
    def writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction on a freshly opened connection, closed (and the lock released) at the end."""
        from warehouse.db import writer

        with writer(self.path, busy_timeout_seconds=self.busy_timeout_seconds) as con:
            yield con

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        from warehouse.db import connect

        con = connect(self.path, read_only=True, busy_timeout_seconds=self.busy_timeout_seconds)
        try:
            yield con
        finally:
            con.close()


class DataDirResource(dg.ConfigurableResource):
    """The data directory: raw/ (WARC archive + index, the crawlers' layout), crawls/ (one crawl
    record per report year) and parsed/ (one file of parsed pages per report year)."""

    root: str | None = None  # default: $FAZHI_DATA, else data/

    @property
    def path(self) -> Path:
        return Path(self.root or os.environ.get("FAZHI_DATA") or DEFAULT_DATA_DIR)

    @property
    def raw(self) -> Path:
        return self.path / "raw"

    def crawl_record(self, year: int) -> Path:
        return self.path / "crawls" / f"{year}.json"

    def parsed_file(self, year: int) -> Path:
        return self.path / "parsed" / f"{year}.jsonl.gz"

    def parsed_files(self, *years: int) -> dict[int, Path]:
        """Every parsed-pages file on disk by listed year, plus the files of `years` (present or not)."""
        found = {
            int(f.name.split(".")[0]): f
            for f in (self.path / "parsed").glob("*.jsonl.gz")
            if f.name.split(".")[0].isdigit()
        }
        return {**found, **{y: self.parsed_file(y) for y in years}}


class RegistryResource(dg.ConfigurableResource):
    """The source registry (TOML, see crawlers/registry.py)."""

    path: str | None = None  # default: $FAZHI_SOURCES, else sources/real.toml

    @property
    def file(self) -> Path:
        return Path(self.path or os.environ.get("FAZHI_SOURCES") or DEFAULT_SOURCES)

    def load(self) -> list[Source]:
        from crawlers.registry import load_sources

        return load_sources(self.file)


class CrawlerResource(dg.ConfigurableResource):
    """How the crawl identifies itself. Per-host limits come from each source's politeness
    settings in the registry; the contact URL goes into the User-Agent so site operators can
    reach whoever runs the crawl."""

    contact_url: str | None = None  # default: $FAZHI_CONTACT_URL, else the project's page
    replay: bool = False  # answer from the archive only (no network): for re-runs and debugging

    def crawl(self, sources: list[Source], years: range, data_dir: Path) -> CrawlSummary:
        from crawlers.crawl import crawl_sources

        contact = self.contact_url or os.environ.get("FAZHI_CONTACT_URL") or None
        return crawl_sources(sources, years, data_dir, contact_url=contact, replay=self.replay)
