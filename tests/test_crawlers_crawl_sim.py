"""The adapters and the crawl loop against the imitation portals (real HTTP on loopback)."""

import asyncio
import json
from collections import Counter

import pytest
from click.testing import CliRunner

from crawlers.adapters import adapter_for
from crawlers.archive import Archive
from crawlers.cli import crawl
from crawlers.crawl import CountingFetcher, crawl_sources, wanted
from crawlers.fetcher import Fetcher
from crawlers.model import Outcome
from crawlers.registry import dump_sources
from crawlers.sim import SimConfig, SimPortals

pytestmark = pytest.mark.slow
YEARS = range(2019, 2024)


@pytest.fixture(scope="module")
def sim():
    with SimPortals(SimConfig(hosts=4, faults="none")) as portals:
        yield portals


@pytest.fixture(scope="module")
def sim_faults():
    with SimPortals(SimConfig(hosts=4, faults="default", seed=3)) as portals:
        yield portals


def truth_urls(sim, source_id, years, kinds=("report",)):
    return {
        t["url"]
        for t in sim.truth
        if t["source_id"] == source_id and t["kind"] in kinds and t.get("report_year") in years
    }


async def discover_all(sim, source, years, data):
    async with Fetcher(archive=Archive(data)) as f:
        f.register_source(source)
        found, requests = [], 0
        for column in source.columns:
            counting = CountingFetcher(f)
            found += [c async for c in adapter_for(column, source)(column, source, counting, years)]
            requests += counting.attempts
        return found, requests


@pytest.mark.parametrize("family", ["trs", "hanweb", "gkmlpt", "generic"])
def test_each_adapter_finds_exactly_the_reports_of_its_portal(sim, family, tmp_path):
    source = next(s for s in sim.sources if s.adapter == family)
    found, requests = asyncio.run(discover_all(sim, source, YEARS, tmp_path))
    kept = [c for c in found if wanted(c, YEARS)]
    urls = [c.url for c in kept]
    assert len(urls) == len(set(urls)), "a candidate was yielded twice"
    reports = truth_urls(sim, source.id, YEARS)
    assert reports and reports <= set(urls)
    near_misses = {t["url"] for t in sim.truth if t["kind"] == "near_miss"}
    assert set(urls) - reports <= near_misses  # anything else is a related article, never a list or chrome
    assert requests >= 1


def test_stopping_rule_saves_list_requests(sim, tmp_path):
    recent = range(2024, 2026)
    spent_recent = spent_all = 0
    for source in sim.sources:
        found, spent = asyncio.run(discover_all(sim, source, recent, tmp_path / f"{source.id}-r"))
        assert truth_urls(sim, source.id, recent) <= {c.url for c in found}
        spent_recent += spent
        spent_all += asyncio.run(discover_all(sim, source, sim.config.years, tmp_path / f"{source.id}-a"))[1]
    assert spent_recent < spent_all


def test_second_crawl_revalidates_and_replay_needs_no_network(sim, tmp_path):
    first = crawl_sources(sim.sources, YEARS, tmp_path)
    wanted_pages = set().union(*(truth_urls(sim, s.id, YEARS, ("report", "attachment")) for s in sim.sources))
    assert wanted_pages <= {r.url for r in first.reports if r.status == Outcome.OK and r.archived}
    second = crawl_sources(sim.sources, YEARS, tmp_path)
    assert {r.url for r in second.reports} == {r.url for r in first.reports}
    assert Counter(r.status for r in second.reports) == {Outcome.NOT_MODIFIED: len(first.reports)}
    assert second.totals["not_modified"] == len(first.reports)
    replay = crawl_sources(sim.sources, YEARS, tmp_path, replay=True)
    assert {r.url for r in replay.reports if r.archived} == {r.url for r in first.reports}


def test_faults_every_recoverable_report_is_archived(sim_faults, tmp_path):
    summary = crawl_sources(sim_faults.sources, YEARS, tmp_path)
    recoverable = {t["url"] for t in sim_faults.truth if t["recoverable"]} & set().union(
        *(truth_urls(sim_faults, s.id, YEARS, ("report", "attachment")) for s in sim_faults.sources)
    )
    assert recoverable <= {r.url for r in summary.reports if r.archived}
    for r in summary.reports:
        assert r.archived or r.reason, f"{r.url} neither archived nor explained"
    assert all(c.error is None for c in summary.columns)


def test_cli_crawl_writes_the_summary_and_exits_zero(sim, tmp_path):
    registry = tmp_path / "sim.toml"
    registry.write_text(dump_sources(sim.sources), encoding="utf-8")
    out = tmp_path / "summary.json"
    r = CliRunner().invoke(
        crawl,
        [
            "--sources",
            str(registry),
            "--years",
            "2019-2023",
            "--data",
            str(tmp_path / "data"),
            "--summary-json",
            str(out),
            "--no-progress",
        ],
    )
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) >= {"totals", "hosts", "reports", "columns"}
    counters = {
        "found",
        "fetched",
        "not_modified",
        "skipped_robots",
        "blocked",
        "failed",
        "requests",
        "retries",
        "bytes_downloaded",
        "seconds",
    }
    assert counters <= set(data["totals"])
    assert all(counters <= set(h) for h in data["hosts"].values())
    assert {"url", "final_url", "status", "archived", "reason"} <= set(data["reports"][0])
    assert data["totals"]["fetched"] == len(data["reports"]) > 0
    assert any((tmp_path / "data" / "raw").iterdir())


def test_cli_crawl_a_bare_column_recognises_its_family(sim, tmp_path):
    hanweb = next(s for s in sim.sources if s.adapter == "hanweb")
    out = tmp_path / "summary.json"
    # an ad-hoc source gets the default politeness (1 request/s): one year keeps the test short
    r = CliRunner().invoke(
        crawl,
        [
            "--column",
            hanweb.columns[0].url,
            "--years",
            "2023",
            "--data",
            str(tmp_path),
            "--summary-json",
            str(out),
            "--no-progress",
        ],
    )
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [c["adapter"] for c in data["columns"]] == ["hanweb"]
    assert truth_urls(sim, hanweb.id, range(2023, 2024)) <= {x["url"] for x in data["reports"]}


def test_cli_crawl_exits_zero_when_a_column_fails_and_says_why(sim, tmp_path):
    missing = sim.sources[0].base_url + "no/such/column/"
    out = tmp_path / "summary.json"
    r = CliRunner().invoke(
        crawl,
        [
            "--column",
            missing,
            "--years",
            "2023",
            "--data",
            str(tmp_path),
            "--summary-json",
            str(out),
            "--no-progress",
        ],
    )
    assert r.exit_code == 0, r.output
    assert "404" in r.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "404" in data["columns"][0]["error"] and data["reports"] == []
