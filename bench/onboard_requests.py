"""Requests spent to find every report of each imitated portal from one address (column, home).

    .venv/bin/python bench/onboard_requests.py --years 2019-2023

Per portal: discovery requests from the column address (family recognition + the adapter's list
walk) and from the home address (site discovery + the list walk of the columns it found), and
whether the reports found equal the registry entry's."""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

from crawlers.adapters import adapter_for
from crawlers.archive import Archive
from crawlers.canonical import page_key
from crawlers.cli_options import parse_years
from crawlers.crawl import CountingFetcher, sources_for_columns, wanted
from crawlers.fetcher import Fetcher
from crawlers.onboard.site import discover_site, source_from_findings
from crawlers.recognize import adhoc_source
from crawlers.sim import SimConfig, SimPortals
from crawlers.sim.portals import SIM_POLITENESS


async def walk(source, fetcher, years) -> tuple[set[str], int]:
    counting = CountingFetcher(fetcher)
    found = set()
    for column in source.columns:
        async for c in adapter_for(column, source)(column, source, counting, years):
            if wanted(c, years):
                found.add(page_key(c.url))  # a gateway copy and its original are one report
    return found, counting.attempts


async def measure(sim: SimPortals, years: range, data: Path) -> None:
    print(f"{'portal':22} {'family':8} {'registry':>8} {'column':>7} {'home':>5} {'(site disc.)':>12}  same")
    async with Fetcher(archive=Archive(data)) as f:
        for source in sim.sources:
            f.register_source(adhoc_source(source.base_url, "generic", SIM_POLITENESS))
            registry_found, registry_req = await walk(source, f, years)
            counting = CountingFetcher(f)
            [adhoc] = await sources_for_columns([c.url for c in source.columns], counting)
            column_found, column_req = await walk(adhoc, f, years)
            column_req += counting.attempts
            findings = await discover_site(
                source.base_url, f, source=adhoc_source(source.base_url, "generic", SIM_POLITENESS)
            )
            site = source_from_findings(findings, SIM_POLITENESS)
            home_found, home_req = await walk(site, f, years)
            same = registry_found == column_found and registry_found <= home_found
            print(
                f"{source.id:22} {source.adapter:8} {registry_req:>8} {column_req:>7} "
                f"{findings.requests + home_req:>5} {findings.requests:>12}  {same}"
            )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--years", default="2019-2023")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    years = parse_years(args.years)
    config = SimConfig(seed=args.seed, hosts=14, faults="none")
    with SimPortals(config) as sim, tempfile.TemporaryDirectory() as tmp:
        asyncio.run(measure(sim, years, Path(tmp)))


if __name__ == "__main__":
    main()
