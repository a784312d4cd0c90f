"""The per-source health checks on discovered_report_links: healthy imitation portals pass, a portal
whose report column is redesigned between two runs fails its own check (and only its own)."""

from dataclasses import replace

import dagster as dg
import pytest

from crawlers.model import Column, Source
from crawlers.onboard.health import assess_source, load_state
from crawlers.registry import dump_sources
from crawlers.sim import SimConfig, SimPortals
from crawlers.sim.redesign import redesign_column
from pipelines.definitions import defs
from pipelines.defs import assets
from pipelines.defs.resources import RegistryResource
from pipelines.defs.source_checks import build_source_health_check, check_names, health_result
from pipelines.defs.source_health import column_check, first_list_pages
from tests.support.pipelines import resources_for

YEAR = "2022"
REDESIGNED = "trs-prov"  # sim portal key; its source id is sim-trs-prov


def test_check_names_are_valid_and_distinct():
    names = check_names(["gd-gov-cn", "gd_gov_cn", "gd.gov.cn", "122.137.242.24"])
    assert names == {
        "gd-gov-cn": "source_health_gd_gov_cn",
        "gd_gov_cn": "source_health_gd_gov_cn_2",
        "gd.gov.cn": "source_health_gd_gov_cn_3",
        "122.137.242.24": "source_health_122_137_242_24",
    }


def test_first_list_pages():
    assert first_list_pages("http://a.gov.cn/col/col1/index.html#x", "hanweb") == (
        "http://a.gov.cn/col/col1/index.html",
    )
    assert first_list_pages("http://a.gov.cn/gkmlpt/#12", "gkmlpt")[1] == "http://a.gov.cn/gkmlpt/index"


def test_a_column_whose_first_page_failed_is_unreachable_and_an_error():
    entry = {"source_id": "s", "column_url": "http://a.gov.cn/bg/", "adapter": "trs", "list_requests": 3,
             "candidates": 0, "error": None}  # fmt: skip
    row = {"url": "http://a.gov.cn/bg/", "outcome": "failed", "reason": "connect timeout", "status": None}
    check = column_check(entry, {row["url"]: row}, archive=None)
    assert not check.reachable and check.reason == "failed (connect timeout)" and check.list_requests == 3
    # never fetched in this crawl and never archived: nothing to judge the layout by
    assert not column_check(entry, {}, archive=None).reachable

    source = Source(id="s", name="示例", base_url="http://a.gov.cn/", adapter="trs",
                    columns=(Column("http://a.gov.cn/bg/"),))  # fmt: skip
    result = health_result("source_health_s", assess_source(source, [check], None, "t"), {"started_at": "t"})
    assert not result.passed and result.severity == dg.AssetCheckSeverity.ERROR
    assert "connect timeout" in result.description


@pytest.fixture(scope="module")
def sim():
    with SimPortals(SimConfig(seed=3, hosts=4, years=range(2021, 2024), faults="none", scale=0.3)) as portals:
        yield portals


def evaluate(sim, root, check, sources=None) -> dict[str, dg.AssetCheckEvaluation]:
    registry = root / "sim.toml"
    registry.write_text(dump_sources(sources or sim.sources), encoding="utf-8")
    result = dg.materialize(
        [assets.crawled_report_pages, check],
        partition_key=YEAR,
        resources=resources_for(root, registry),
        raise_on_error=False,
    )
    assert result.success
    return {e.check_name: e for e in result.get_asset_check_evaluations()}


@pytest.mark.slow
def test_a_redesigned_portal_fails_its_check_and_the_others_pass(sim, tmp_path):
    ids = [s.id for s in sim.sources]
    names = check_names(ids)
    check = build_source_health_check(ids)

    first = evaluate(sim, tmp_path, check)
    assert set(first) == set(names.values())
    for name, evaluation in first.items():
        assert evaluation.passed, (name, evaluation.description, evaluation.metadata)
        assert evaluation.metadata["candidates"].value > 0
    # the healthy verdicts are the state the next run compares against
    assert set(load_state(tmp_path / "data")) == set(ids)

    redesign_column(sim, REDESIGNED)
    second = evaluate(sim, tmp_path, check)
    flagged = names[f"sim-{REDESIGNED}"]
    bad = second[flagged]
    assert not bad.passed and bad.severity == dg.AssetCheckSeverity.WARN
    assert bad.metadata["status"].value == "changed"
    assert "family changed" in bad.description
    assert "no candidates where an earlier crawl found" in bad.description
    assert "pager not found" in bad.description
    for name, evaluation in second.items():
        if name != flagged:
            assert evaluation.passed, (name, evaluation.description)

    # the check alone, on the crawl already made: not one request, and the flagged source keeps its
    # last good state, so it stays flagged until someone re-pins it
    sim.reset_stats()
    alone = dg.materialize(
        [assets.crawled_report_pages, check],
        selection=dg.AssetSelection.checks(check),
        resources=resources_for(tmp_path, tmp_path / "sim.toml"),
    )
    third = {e.check_name: e for e in alone.get_asset_check_evaluations()}
    assert [name for name, e in third.items() if not e.passed] == [flagged]
    assert all(not sim.stats(p.site.key)["path_counts"] for p in sim.portals)


def test_the_code_location_has_a_check_per_registry_source():

    ids = [s.id for s in RegistryResource().load()]
    specs = {c.key.name for d in defs.asset_checks for c in d.check_specs if c.key.name.startswith("source_")}
    assert specs == set(check_names(ids).values())


def test_without_a_crawl_every_source_is_a_warning_not_a_pass(tmp_path):
    sources = [
        Source(id=f"{n}-gov-cn", name=n, base_url=f"http://{n}.gov.cn/", adapter="trs",
               columns=(Column(f"http://{n}.gov.cn/bg/"),))
        for n in ("a", "b")
    ]  # fmt: skip
    registry = tmp_path / "r.toml"
    registry.write_text(dump_sources(sources), encoding="utf-8")
    check = build_source_health_check([s.id for s in sources])
    result = dg.materialize(
        [assets.crawled_report_pages, check],
        selection=dg.AssetSelection.checks(check),
        resources=resources_for(tmp_path, registry),
    )
    evaluations = result.get_asset_check_evaluations()
    assert len(evaluations) == 2
    for e in evaluations:
        assert not e.passed and e.severity == dg.AssetCheckSeverity.WARN
        assert "no crawl record" in e.description


@pytest.mark.slow
def test_a_source_whose_only_column_is_gone_is_an_error(sim, tmp_path):
    live = next(s for s in sim.sources if s.id != f"sim-{REDESIGNED}")  # whatever ran before
    gone = replace(live, id="sim-gone", columns=(Column(f"{live.base_url.rstrip('/')}/no-such-column/"),))
    check = build_source_health_check([live.id, gone.id])
    evaluations = evaluate(sim, tmp_path, check, [live, gone])
    names = check_names([live.id, gone.id])
    assert evaluations[names[live.id]].passed
    down = evaluations[names[gone.id]]
    assert not down.passed and down.severity == dg.AssetCheckSeverity.ERROR
    assert down.metadata["status"].value == "unreachable" and "404" in down.description
