"""Discovery cost per CMS family and a full crawl against the imitation portals.

    .venv/bin/python bench/crawl_sim.py --faults default --hosts 14 --years 2019-2023

Prints, per column: list requests spent by discovery (with the stopping rule for the years asked,
and without it: every report year of the sim), reports found against the sim's truth; then the
figures of the whole crawl (pages, requests, retries, wall time, archived share of recoverable pages)."""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from crawlers.adapters import adapter_for, adapter_name
from crawlers.archive import Archive
from crawlers.canonical import canonical_page
from crawlers.cli_options import parse_years
from crawlers.crawl import CountingFetcher, crawl_sources
from crawlers.fetcher import Fetcher
from crawlers.sim import SimConfig, SimPortals


async def discovery_cost(sim: SimPortals, years: range, data: Path) -> list[tuple]:
    """Per source: adapter(s), columns, list requests sent by discovery, URLs found."""
    rows = []
    async with Fetcher(archive=Archive(data / "raw-discovery")) as f:
        for source in sim.sources:
            f.register_source(source)
            found: set[str] = set()
            requests = 0
            for column in source.columns:
                counting = CountingFetcher(f)
                found |= {c.url async for c in adapter_for(column, source)(column, source, counting, years)}
                requests += counting.attempts
            adapters = "/".join(sorted({adapter_name(c, source) for c in source.columns}))
            rows.append((source.id, adapters, len(source.columns), requests, found))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--faults", default="default")
    ap.add_argument("--hosts", type=int, default=14)
    ap.add_argument("--years", default="2019-2023")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0, help="more departments (documents) per portal")
    args = ap.parse_args()
    years = parse_years(args.years)
    config = SimConfig(seed=args.seed, hosts=args.hosts, faults=args.faults, scale=args.scale)
    with SimPortals(config) as sim, tempfile.TemporaryDirectory() as tmp:
        truth_reports = defaultdict(set)
        for t in sim.truth:
            if t["kind"] == "report":
                truth_reports[t["source_id"]].add((t["url"], t.get("report_year")))
        # the crawl archives the original of a 繁体 gateway or mobile copy: compare canonical pages
        print(
            f"sim: {len(sim.sources)} portals, faults={args.faults}, report years {config.years.start}–"
            f"{config.years.stop - 1}; asked {years.start}–{years.stop - 1}"
        )
        head = ("source", "adapter", "cols", "req(asked)", "req(all)", "reports(asked)", "reports(all)")
        print(f"{head[0]:24} {head[1]:8} {head[2]:>4} {head[3]:>10} {head[4]:>9} {head[5]:>15} {head[6]:>13}")
        asked = asyncio.run(discovery_cost(sim, years, Path(tmp) / "a"))
        everything = asyncio.run(discovery_cost(sim, config.years, Path(tmp) / "b"))
        for row_a, row_all in zip(asked, everything, strict=True):
            sid, adapter, ncols, req_a, found_a = row_a
            req_all, found_all = row_all[3], row_all[4]
            want_a = {u for u, y in truth_reports[sid] if y in years}
            want_all = {u for u, _ in truth_reports[sid]}
            got_a, got_all = len(want_a & found_a), len(want_all & found_all)
            print(
                f"{sid:24} {adapter:8} {ncols:>4} {req_a:>10} {req_all:>9} {got_a:>7}/{len(want_a):<7}"
                f" {got_all:>6}/{len(want_all):<6}"
            )
        started = time.perf_counter()
        summary = crawl_sources(sim.sources, years, Path(tmp) / "crawl")
        wall = time.perf_counter() - started
        t = summary.totals
        recoverable = {
            canonical_page(x["url"])
            for x in sim.truth
            if x["kind"] in ("report", "attachment") and x.get("report_year") in years and x["recoverable"]
        }
        archived = {r.url for r in summary.reports if r.archived}
        print(
            f"\nfull crawl: {len(summary.reports)} report pages, {int(t['requests'])} requests, "
            f"{int(t['retries'])} retries, {wall:.1f} s wall"
        )
        print(
            f"outcomes: fetched {int(t['fetched'])}, not modified {int(t['not_modified'])}, robots "
            f"{int(t['skipped_robots'])}, blocked {int(t['blocked'])}, failed {int(t['failed'])}"
        )
        print(
            f"archived {len(recoverable & archived)}/{len(recoverable)} recoverable report pages "
            f"({len(recoverable & archived) / max(len(recoverable), 1):.1%})"
        )
        missing = sorted(recoverable - archived)
        for url in missing[:10]:
            entry = next((r for r in summary.reports if r.url == url), None)
            why = f"{entry.status}: {entry.reason}" if entry else "not discovered"
            print("  not archived:", url, why)


if __name__ == "__main__":
    main()
