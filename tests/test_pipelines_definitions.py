"""The code location loads and is wired as intended: partitions, groups, pools, backfill policy,
jobs, and the instance settings of dagster.yaml."""

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import dagster as dg
import pytest
import yaml

from pipelines.definitions import defs
from pipelines.defs.partitions import report_year_partitions

ROOT = Path(__file__).resolve().parents[1]
BEIJING = ZoneInfo("Asia/Shanghai")
GRAPH = {
    "source_registry": ("ingest", set()),
    "discovered_report_links": ("ingest", {"source_registry"}),
    "fetched_pages": ("ingest", {"discovered_report_links"}),
    "parsed_reports": ("parse", {"fetched_pages"}),
    "source_tables": ("warehouse", {"source_registry"}),
    "crawl_log_tables": ("warehouse", {"discovered_report_links", "fetched_pages", "source_tables"}),
    "report_tables": ("warehouse", {"parsed_reports"}),
    "search_index": ("warehouse", {"report_tables", "crawl_log_tables"}),
}


def test_asset_graph_groups_and_descriptions():
    graph = defs.resolve_asset_graph()
    assert {k.to_user_string() for k in graph.get_all_asset_keys()} == set(GRAPH)
    for name, (group, parents) in GRAPH.items():
        node = graph.get(dg.AssetKey(name))
        assert node.group_name == group
        assert {p.to_user_string() for p in node.parent_keys} == parents
        assert node.description and node.kinds


def test_report_year_partitions_grow_each_january():
    keys = report_year_partitions.get_partition_keys(current_time=datetime(2026, 11, 28, tzinfo=BEIJING))
    assert keys == [str(y) for y in range(2015, 2026)]
    # 2026 becomes a report year once it is over in Beijing, not before
    assert (
        report_year_partitions.get_partition_keys(current_time=datetime(2026, 12, 31, 23, tzinfo=BEIJING))[-1]
        == "2025"
    )
    assert (
        report_year_partitions.get_partition_keys(current_time=datetime(2027, 1, 1, 1, tzinfo=BEIJING))[-1]
        == "2026"
    )


def test_every_duckdb_writer_is_in_the_single_writer_pool_and_crawls_queue_too():
    graph = defs.resolve_asset_graph()
    for name in GRAPH:
        node = graph.get(dg.AssetKey(name))
        assets_def = node.assets_def
        expected = {"duckdb": "duckdb_writer", "warc": "portal_crawl"}
        for kind, pool in expected.items():
            if kind in node.kinds:
                assert assets_def.op.pool == pool, name
        if name in ("discovered_report_links", "fetched_pages"):
            assert assets_def.op.pool == "portal_crawl"


def test_partitioned_assets_share_a_chunked_backfill_policy():
    graph = defs.resolve_asset_graph()
    for name in GRAPH:
        node = graph.get(dg.AssetKey(name))
        if node.partitions_def is None:
            continue
        assert node.partitions_def == report_year_partitions
        assert node.backfill_policy == dg.BackfillPolicy.multi_run(max_partitions_per_run=5)


def test_jobs_select_the_right_assets():
    full = defs.resolve_job_def("report_year_job")
    reparse = defs.resolve_job_def("reparse_job")
    assert {k.to_user_string() for k in full.asset_layer.executable_asset_keys} == set(GRAPH)
    assert {k.to_user_string() for k in reparse.asset_layer.executable_asset_keys} == {
        "parsed_reports",
        "report_tables",
        "search_index",
    }


def test_instance_config_limits_runs_and_pools(tmp_path):
    config = yaml.safe_load((ROOT / "dagster.yaml").read_text(encoding="utf-8"))
    (tmp_path / "dagster.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    with dg.instance_for_test(temp_dir=str(tmp_path), overrides=config) as instance:
        concurrency = instance.get_concurrency_config()
        assert concurrency.pool_config.default_pool_limit == 1
        assert concurrency.run_queue_config.max_concurrent_runs == 2
        assert type(instance.run_coordinator).__name__ == "QueuedRunCoordinator"


@pytest.mark.slow
def test_dagster_cli_validates_the_code_location(tmp_path):
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    dagster = str(Path(sys.executable).parent / "dagster")
    done = subprocess.run(
        [dagster, "definitions", "validate", "-m", "pipelines.definitions"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Validation successful" in done.stderr + done.stdout
