"""Every asset materialized in-process for two report years against the imitation portals, checked
against the imitation's truth; re-runs, an interrupted load, and the documented SQL queries."""

import re
from dataclasses import replace
from pathlib import Path

import dagster as dg
import pytest

from crawlers.canonical import canonical_page
from crawlers.model import Column
from crawlers.registry import dump_sources
from crawlers.sim import SimConfig, SimPortals
from pipelines.definitions import defs
from pipelines.defs.resources import RegistryResource
from tests.support.pipelines import resources_for, snapshot
from warehouse.db import connect

pytestmark = pytest.mark.slow
YEARS = ("2021", "2022")
ASSETS = list(defs.assets)
CHECKS = list(defs.asset_checks)
# run metadata the UI shows: counts, per-host failures, previews of rows
PREVIEWS = {
    "source_registry": {"sources", "preview"},
    "discovered_report_links": {"links", "column_errors", "preview"},
    "fetched_pages": {"archived", "outcomes", "per_host", "hosts_with_failures"},
    "parsed_reports": {"pages", "parse_errors", "failures_per_host", "preview"},
    "source_tables": {"sources", "preview"},
    "crawl_log_tables": {"links_loaded", "per_source"},
    "report_tables": {"reports", "metrics", "per_year", "preview"},
    "search_index": {"reports", "metric_facts", "reports_per_year"},
}
QUERIES = Path(__file__).resolve().parents[1] / "docs" / "queries.md"


@pytest.fixture(scope="module")
def sim():
    # faults on: slow hosts, 5xx, anti-bot walls and robots.txt refusals, as real portals have them
    with SimPortals(
        SimConfig(seed=5, hosts=4, years=range(2020, 2024), scale=0.3, faults="default")
    ) as portals:
        yield portals


@pytest.fixture(scope="module")
def world(sim, tmp_path_factory):
    root = tmp_path_factory.mktemp("pipeline")
    registry = root / "sim.toml"
    registry.write_text(dump_sources(sim.sources), encoding="utf-8")
    resources = resources_for(root, registry)
    results = [
        dg.materialize([*ASSETS, *CHECKS], partition_key=year, resources=resources, raise_on_error=False)
        for year in YEARS
    ]
    return root, resources, results


def materialize_again(resources, selection=None, year=YEARS[0]):
    return dg.materialize([*ASSETS, *CHECKS], partition_key=year, resources=resources, selection=selection,
                          raise_on_error=False)  # fmt: skip


def test_every_asset_materializes_for_both_years(world):
    _, _, results = world
    for result in results:
        assert result.success
        events = {
            e.asset_key.to_user_string(): e.materialization for e in result.get_asset_materialization_events()
        }
        assert set(events) == {a.to_user_string() for d in ASSETS for a in d.keys}
        for name, needed in PREVIEWS.items():
            assert needed <= set(events[name].metadata), name


def test_reports_found_are_the_recoverable_truth_reports(sim, world):
    root, _, _ = world
    con = connect(root / "warehouse.duckdb", read_only=True)
    per_year = dict(con.execute("SELECT report_year, list(urls) FROM reports GROUP BY ALL").fetchall())
    con.close()
    assert sorted(per_year) == [int(y) for y in YEARS]
    for year in YEARS:
        # the Big5 gateway copy and the simplified page are one page; the crawler keeps the original
        loaded = {canonical_page(u) for urls in per_year[int(year)] for u in urls}
        truth = [t for t in sim.truth if t["kind"] == "report" and t["report_year"] == int(year)]
        recoverable = {canonical_page(t["url"]) for t in truth if t["recoverable"]}
        assert recoverable, "the imitation has no report for this year"
        assert recoverable <= loaded, f"{year}: missing {sorted(recoverable - loaded)}"
        # nothing else (near misses, list pages) became a report
        near_misses = {canonical_page(t["url"]) for t in sim.truth if t["kind"] in ("near_miss", "list")}
        assert not loaded & near_misses


def test_each_truth_report_is_one_warehouse_report(sim, world):
    """Copies of one report merge; two reports never do (not even boilerplate-heavy look-alikes)."""
    root, _, _ = world
    con = connect(root / "warehouse.duckdb", read_only=True)
    per_year = dict(con.execute("SELECT report_year, list(urls) FROM reports GROUP BY ALL").fetchall())
    con.close()
    for year in YEARS:
        loaded = {canonical_page(u) for urls in per_year[int(year)] for u in urls}
        truth = {
            canonical_page(t["url"])
            for t in sim.truth
            if t["kind"] == "report" and t["report_year"] == int(year)
        }
        assert len(per_year[int(year)]) == len(truth & loaded)


def test_metrics_are_loaded_with_their_evidence(sim, world):
    root, _, _ = world
    con = connect(root / "warehouse.duckdb", read_only=True)
    rows = con.execute(
        "SELECT u, count(*), bool_and(strpos(text, evidence) > 0) FROM (SELECT unnest(r.urls) AS u, r.text,"
        " m.evidence FROM reports AS r JOIN report_metrics AS m USING (report_id)) GROUP BY u"
    ).fetchall()
    con.close()
    facts = {canonical_page(u): (n, ok) for u, n, ok in rows}
    with_gold = [
        t for t in sim.truth
        if t["kind"] == "report" and str(t["report_year"]) in YEARS and t["recoverable"] and t.get("metrics")
    ]  # fmt: skip
    assert with_gold
    for t in with_gold:
        n, evidence_found = facts.get(canonical_page(t["url"]), (0, False))
        assert n > 0, f"no metric facts for {t['url']}"
        assert evidence_found


def test_checks_pass_except_the_season_warning(world):
    _, _, results = world
    for result in results:
        evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
        assert set(evaluations) == {c.key.name for d in CHECKS for c in d.check_specs}
        for name in ("unique_keys", "rates_within_0_100", "evidence_in_report_text"):
            assert evaluations[name].passed, evaluations[name].metadata
        # only 2021–2022 are loaded, so the last closed season (2025 on 2026-11-28) is reported missing
        latest = evaluations["latest_report_year_present"]
        assert latest.severity == dg.AssetCheckSeverity.WARN


def test_rerun_gives_identical_tables_and_refetches_nothing(world):
    root, resources, _ = world
    before = snapshot(root / "warehouse.duckdb")
    result = materialize_again(resources)
    assert result.success
    assert snapshot(root / "warehouse.duckdb") == before
    fetched = next(
        e
        for e in result.get_asset_materialization_events()
        if e.asset_key.to_user_string() == "fetched_pages"
    )
    md = fetched.materialization.metadata["outcomes"].value
    assert "not_modified" in md and "| ok |" not in md  # conditional GETs: every body unchanged


def test_reparse_job_reads_the_archive_only(world, monkeypatch):
    root, resources, _ = world
    before = snapshot(root / "warehouse.duckdb")

    def no_network(*args, **kwargs):
        raise AssertionError("the reparse job must not crawl")

    monkeypatch.setattr("crawlers.crawl.crawl_sources", no_network)
    job = defs.resolve_job_def("reparse_job")
    result = job.execute_in_process(partition_key=YEARS[1], resources=resources)
    assert result.success
    assert snapshot(root / "warehouse.duckdb") == before


def test_a_load_interrupted_midway_keeps_the_previous_year_and_the_next_run_completes_it(world, monkeypatch):
    root, resources, _ = world
    before = snapshot(root / "warehouse.duckdb")
    import warehouse.load as load

    real_insert = load.insert_rows

    def dies_after_the_reports(con, table, rows, schema):
        if table == "report_metrics":  # reports and sections already inserted in this transaction
            raise KeyboardInterrupt("killed mid-load")
        return real_insert(con, table, rows, schema)

    monkeypatch.setattr(load, "insert_rows", dies_after_the_reports)
    # Dagster turns the interrupt into a failed run
    assert not materialize_again(resources, selection=["report_tables"]).success
    assert snapshot(root / "warehouse.duckdb") == before

    monkeypatch.setattr(load, "insert_rows", real_insert)
    assert materialize_again(resources, selection=["report_tables", "search_index"]).success
    assert snapshot(root / "warehouse.duckdb") == before


def test_documented_queries_run(world):
    root, _, _ = world
    queries = re.findall(r"```sql\n(.*?)```", QUERIES.read_text(encoding="utf-8"), re.S)
    assert len(queries) >= 8
    con = connect(root / "warehouse.duckdb", read_only=True)
    try:
        for query in queries:
            con.execute(query).fetchall()
        assert con.execute(queries[3]).fetchall(), "the sentence-behind-a-number query found nothing"
    finally:
        con.close()


def test_a_column_that_fails_today_loses_no_report(sim, world, tmp_path):
    root, resources, _ = world
    before = snapshot(root / "warehouse.duckdb")
    broken = [replace(s, columns=(Column(url=s.base_url + "no-such-column/"),)) for s in sim.sources[:1]]
    registry = tmp_path / "broken.toml"
    registry.write_text(dump_sources(broken + sim.sources[1:]), encoding="utf-8")
    result = materialize_again({**resources, "registry": RegistryResource(path=str(registry))})
    assert result.success
    discovered = next(
        e for e in result.get_asset_materialization_events()
        if e.asset_key.to_user_string() == "discovered_report_links"
    )  # fmt: skip
    assert discovered.materialization.metadata["columns_failed"].value == 1
    assert discovered.materialization.metadata["earlier_links_kept"].value > 0
    # the broken source's reports are still there, from the archived pages its earlier crawl listed
    assert snapshot(root / "warehouse.duckdb") == before
