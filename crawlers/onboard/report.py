"""How `fazhi crawl --site` tells its user where the reports were, so the columns can be pinned."""

from __future__ import annotations

from rich.table import Table

from crawlers.onboard.site import SiteFindings
from crawlers.summary import CrawlSummary


def site_table(findings: list[SiteFindings], summary: CrawlSummary | None = None) -> Table:
    """One row per column found: its family, how it was found, and the candidates the crawl took from it."""
    taken = {c.column_url: c.candidates for c in summary.columns} if summary else {}
    table = Table(title="columns found from home addresses (pin them with `fazhi sources add COLUMN`)")
    for name in ("site", "column", "family", "found by", "candidates", "discovery requests"):
        table.add_column(name, overflow="fold")
    for f in findings:
        if not f.columns:
            table.add_row(f.home_url, "-", f.home_family, "-", "0", str(f.requests))
            for note in f.notes:
                table.add_row("", note, "", "", "", "")
            continue
        for c in f.columns:
            table.add_row(
                f.home_url, c.url, c.family, c.via, str(taken.get(c.url, c.reports)), str(f.requests)
            )
    return table
