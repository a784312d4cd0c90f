"""Discovery adapters, one per CMS family: `discover(column, source, fetcher, years)` yields Candidates.

Each walks a column's list pages newest first and stops once a whole page predates the oldest year
asked for (see base.page_is_stale). Attachments of article pages are found by the crawl loop
(attachments.find_attachments), not here."""

from __future__ import annotations

from crawlers.adapters import auto, generic, gkmlpt, hanweb, trs
from crawlers.adapters.base import Adapter, DiscoveryError, FetcherLike
from crawlers.model import Column, Source

ADAPTERS: dict[str, Adapter] = {
    "trs": trs.discover,
    "hanweb": hanweb.discover,
    "gkmlpt": gkmlpt.discover,
    "generic": generic.discover,
    "auto": auto.discover,  # recognise the family from the column page (registry rows of unknown CMS)
}
# Vendors whose portals have no adapter of their own (their lists are read by `generic`, their pages
# may also be gkmlpt or Hanweb): a registry row naming one is recognised from the page.
ALIASES = {"nfcms": "auto", "kaipu": "auto", "ucap": "auto", "lonsun": "auto"}


def adapter_name(column: Column, source: Source) -> str:
    """The adapter a column is walked with: its own, else its source's."""
    return column.adapter or source.adapter


def adapter_for(column: Column, source: Source) -> Adapter:
    name = adapter_name(column, source)
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key in ADAPTERS and auto.is_home_page(column.url):
        # a row that names only the portal's home: no family walks it as a list; auto finds the
        # columns from it (and still hands a home page that is itself a list to its family)
        return ADAPTERS["auto"]
    try:
        return ADAPTERS[key]
    except KeyError:
        known = ", ".join(sorted([*ADAPTERS, *ALIASES]))
        raise KeyError(f"source {source.id!r}: unknown adapter {name!r} (known: {known})") from None


__all__ = ["ADAPTERS", "ALIASES", "Adapter", "DiscoveryError", "FetcherLike", "adapter_for", "adapter_name"]
