"""Crawl the opt-in imitation dialects (SimConfig.variants) the adapters were not written against.

    .venv/bin/python bench/crawl_variants.py --years 2019-2023 [--faults none|default] [--home] [--all]

For each variant portal and each way of naming its adapter (the registry's family name, and `auto`),
prints the reports of the asked years in the truth, how many the crawl discovered, how many it archived
(article pages; attachments holding a report separately), and the column error if any. --home gives
each registry row the portal's home address instead of its column; --all adds the 14 default portals."""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import replace
from pathlib import Path

from crawlers.canonical import canonical_page
from crawlers.cli_options import parse_years
from crawlers.crawl import crawl_sources
from crawlers.model import Column
from crawlers.sim import SimConfig, SimPortals


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--years", default="2019-2023")
    ap.add_argument("--faults", default="none")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--home", action="store_true", help="registry rows name the home page, not the column")
    ap.add_argument("--all", action="store_true", help="also the 14 default portals")
    args = ap.parse_args()
    years = parse_years(args.years)
    config = SimConfig(seed=args.seed, hosts=14 if args.all else 0, variants=True, faults=args.faults)
    with SimPortals(config) as sim, tempfile.TemporaryDirectory() as tmp:
        print(
            f"{'source':20} {'adapter':8} {'truth':>5} {'found':>5} {'fetched':>7} {'att':>7} {'req':>4}"
            "  error"
        )
        for source in sim.sources:
            for how in (source.adapter, "auto"):
                columns = tuple(replace(c, adapter=how) for c in source.columns)
                if args.home:
                    columns = (Column(url=source.base_url, adapter=how),)
                named = replace(source, adapter=how, columns=columns)
                summary = crawl_sources([named], years, Path(tmp) / f"{source.id}-{how}")
                truth = [
                    t for t in sim.truth if t["source_id"] == source.id and t.get("report_year") in years
                ]
                pages = {canonical_page(t["url"]) for t in truth if t["kind"] == "report"}
                files = {canonical_page(t["url"]) for t in truth if t["kind"] == "attachment"}
                found = {canonical_page(r.url) for r in summary.reports}
                archived = {canonical_page(r.url) for r in summary.reports if r.archived}
                errors = "; ".join(c.error for c in summary.columns if c.error)[:90]
                print(
                    f"{source.id:20} {how:8} {len(pages):>5} {len(pages & found):>5}"
                    f" {len(pages & archived):>7} {len(files & archived):>3}/{len(files):<3}"
                    f" {int(summary.totals['requests']):>4}  {errors}"
                )


if __name__ == "__main__":
    main()
