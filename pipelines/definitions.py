"""The fazhi code location: `dagster dev -m pipelines.definitions` (or `make ui`)."""

import dagster as dg

from pipelines.defs import assets
from pipelines.defs.checks import ALL_CHECKS
from pipelines.defs.jobs import JOBS
from pipelines.defs.resources import CrawlerResource, DataDirResource, RegistryResource, WarehouseResource
from pipelines.defs.schedules import SCHEDULES
from pipelines.defs.source_checks import source_health_checks

defs = dg.Definitions(
    assets=[
        assets.source_registry,
        assets.crawled_report_pages,
        assets.parsed_reports,
        assets.source_tables,
        assets.crawl_log_tables,
        assets.report_tables,
        assets.search_index,
    ],
    # one check per registry source, made from the registry as the code location loads
    asset_checks=[*ALL_CHECKS, *source_health_checks()],
    jobs=list(JOBS.values()),
    schedules=SCHEDULES,
    # The graph is a chain and every step is I/O- or DuckDB-bound behind a pool of one: a process per
    # step (the default executor) would only add a Python start-up to each step.
    executor=dg.in_process_executor,
    resources={
        "warehouse": WarehouseResource(),
        "data_dir": DataDirResource(),
        "registry": RegistryResource(),
        "crawler": CrawlerResource(),
    },
)
