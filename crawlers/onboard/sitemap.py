"""sitemap.xml and the robots.txt lines that point to it (sitemaps.org protocol).

A sitemap gives addresses without titles, so discovery uses it to find columns: article addresses
whose shape names their column (columns.column_of_article) in a folder whose name speaks of
rule-of-law government (fzzfjs, fzzfjsndbg, yfxz …, the pinyin slugs portals use)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

_SITEMAP_LINE = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.I | re.M)
_LOC = re.compile(r"<loc>\s*(?:<!\[CDATA\[)?\s*([^<\]\s]+)\s*(?:\]\]>)?\s*</loc>", re.I)
_INDEX = re.compile(r"<sitemapindex\b", re.I)
# pinyin initials of 法治政府建设(年度报告), 依法行政, 法治建设 as portals spell their folders
TOPIC_SLUG = re.compile(r"/[\w-]*(?:fzzf|yfxz|fzjs|fzzfjs)[\w-]*/", re.I)


def sitemaps_in_robots(robots_text: str, robots_url: str) -> list[str]:
    """Absolute URLs of the `Sitemap:` lines (relative ones resolved against robots.txt)."""
    return [urljoin(robots_url, m.group(1)) for m in _SITEMAP_LINE.finditer(robots_text)]


def parse_sitemap(xml: str, sitemap_url: str) -> tuple[list[str], list[str]]:
    """(page URLs, child sitemap URLs) of a urlset or a sitemapindex."""
    locs = [urljoin(sitemap_url, loc) for loc in _LOC.findall(xml)]
    return ([], locs) if _INDEX.search(xml) else (locs, [])
