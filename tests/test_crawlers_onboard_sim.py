"""Onboarding from one address against every imitated portal (real HTTP on loopback).

Column address only, home address only, `sources add`: each must archive exactly what the shipped
(sim) registry entry archives. All portals run concurrently in one crawl per way in, to stay fast."""

import asyncio
import json
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from crawlers.archive import Archive
from crawlers.canonical import canonical_page
from crawlers.cli import crawl as crawl_command
from crawlers.crawl import crawl_with, sources_for_columns
from crawlers.fetcher import Fetcher
from crawlers.onboard.entry import build_entry
from crawlers.onboard.site import discover_site, sources_for_sites
from crawlers.recognize import adhoc_source
from crawlers.sim import SimConfig, SimPortals
from crawlers.sim.portals import SIM_POLITENESS
from crawlers.sim.search_forms import add_search_form

pytestmark = pytest.mark.slow
YEARS = range(2022, 2024)
# Site discovery may spend at most this many requests per portal (home, sections, column probe,
# site search, robots.txt, sitemap) before the column crawl starts.
MAX_DISCOVERY_REQUESTS = 12


@pytest.fixture(scope="module")
def sim():
    portals = SimPortals(SimConfig(hosts=14, years=range(2020, 2024), faults="none", scale=0.5))
    for portal in portals.portals:  # the home pages' search boxes (a no-op once build_portals adds them)
        add_search_form(portal.site, portal.rendered)
    with portals:
        yield portals


def host(url: str) -> str:
    return urlsplit(url).netloc


def archived_by_host(summary) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in summary.reports:
        if r.archived:
            out.setdefault(host(r.url), set()).add(r.url)
    return out


async def crawl(sources, data: Path):
    async with Fetcher(archive=Archive(data)) as f:
        return await crawl_with(sources, YEARS, f)


@pytest.fixture(scope="module")
def registry_crawl(sim, tmp_path_factory):
    summary = asyncio.run(crawl(sim.sources, tmp_path_factory.mktemp("registry")))
    return archived_by_host(summary)


def truth_reports(sim) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for t in sim.truth:
        if t["kind"] == "report" and t.get("report_year") in YEARS:
            out.setdefault(t["host"], set()).add(canonical_page(t["url"]))
    return out


def test_registry_crawl_archives_every_report_once(sim, registry_crawl):
    # the gateway portal's registry column is its 繁体 copy: the simplified originals are archived
    for netloc, wanted in truth_reports(sim).items():
        assert wanted <= registry_crawl[netloc], netloc
    assert not [u for urls in registry_crawl.values() for u in urls if "/gate/big5/" in u or "mpost_" in u]


def test_column_address_alone_archives_what_the_registry_entry_archives(sim, registry_crawl, tmp_path):
    async def run():
        async with Fetcher(archive=Archive(tmp_path)) as f:
            for source in sim.sources:  # the imitation's pace for the hosts (ad-hoc sources default to 1/s)
                f.register_source(adhoc_source(source.base_url, "generic", SIM_POLITENESS))
            adhoc = await sources_for_columns([c.url for s in sim.sources for c in s.columns], f)
            adhoc = [replace(s, politeness=SIM_POLITENESS) for s in adhoc]
            return adhoc, await crawl_with(adhoc, YEARS, f)

    adhoc, summary = asyncio.run(run())
    families = {host(s.base_url): s.adapter for s in adhoc}
    for source in sim.sources:
        assert families[host(source.base_url)] == source.adapter, source.id
    assert archived_by_host(summary) == registry_crawl


def test_home_address_alone_finds_every_report_within_the_bound(sim, registry_crawl, tmp_path):
    async def run():
        async with Fetcher(archive=Archive(tmp_path)) as f:
            found, findings = await sources_for_sites([s.base_url for s in sim.sources], f, SIM_POLITENESS)
            return found, findings, await crawl_with(found, YEARS, f)

    found, findings, summary = asyncio.run(run())
    assert len(found) == len(sim.sources)
    for f in findings:
        assert f.columns, f.notes
        assert f.requests <= MAX_DISCOVERY_REQUESTS, (f.home_url, f.requests)
    registry_families = {host(s.base_url): s.adapter for s in sim.sources}
    for f in findings:  # the column the reports are in is reported with its family, for pinning
        assert registry_families[host(f.home_url)] in {c.adapter for c in f.columns}
    assert archived_by_host(summary) == registry_crawl


@pytest.mark.parametrize(
    "key", ["trs-prov", "hanweb-city", "gkmlpt-city", "generic-county", "generic-city", "trs-dept"]
)
def test_sources_add_entry_crawls_like_the_shipped_entry(sim, registry_crawl, key, tmp_path):
    shipped = next(s for s in sim.sources if s.id == f"sim-{key}")

    async def run(url):
        async with Fetcher(archive=Archive(tmp_path / host(url).replace(":", "_"))) as f:
            entry = await build_entry(url, f, politeness=SIM_POLITENESS, years=YEARS)
            return entry, await crawl_with([entry.source], YEARS, f)

    for url in (shipped.columns[0].url, shipped.base_url):
        entry, summary = asyncio.run(run(url))
        s = entry.source
        assert entry.mode == ("site" if url == shipped.base_url else "column")
        assert s.name == shipped.name and s.region_code == shipped.region_code
        assert s.level == shipped.level, (s.level, shipped.level)
        assert s.adapter == shipped.adapter
        assert archived_by_host(summary) == {host(shipped.base_url): registry_crawl[host(shipped.base_url)]}
        assert entry.preview and any(p.report for p in entry.preview)


def test_cli_crawl_site_names_the_columns_it_found(sim, tmp_path):
    hanweb = next(s for s in sim.sources if s.adapter == "hanweb")
    out = tmp_path / "summary.json"
    # an ad-hoc source crawls at the default 1 request/s: one year keeps this short
    r = CliRunner().invoke(
        crawl_command,
        [
            "--site",
            hanweb.base_url,
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
    assert (
        "columns found from home addresses" in r.output
        and hanweb.columns[0].url.split("://")[1][:20] in r.output
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    wanted = {
        canonical_page(t["url"])
        for t in sim.truth
        if t["host"] == host(hanweb.base_url) and t["kind"] == "report" and t.get("report_year") == 2023
    }
    assert wanted and wanted <= {x["url"] for x in data["reports"] if x["archived"]}


@pytest.mark.parametrize("family", ["trs", "hanweb"])
def test_site_search_alone_finds_the_column(sim, family):
    """With the walk cut to the home page itself, the family's site search names the column."""

    async def run(source):
        async with Fetcher() as f:
            probe = adhoc_source(source.base_url, "generic", SIM_POLITENESS)
            return await discover_site(source.base_url, f, source=probe, max_pages=1, use_sitemap=False)

    for source in (s for s in sim.sources if s.adapter == family):
        found = asyncio.run(run(source))
        assert {c.via for c in found.columns} == {"search"}, source.id
        assert {c.adapter for c in found.columns} == {family}
        assert found.requests <= 4  # home, first result page, the column it names (+1 proxy request)
