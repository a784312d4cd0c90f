"""For columns whose CMS is not known in advance: read the family from the column page, then walk it.

The page fetched to recognise the family is handed to the family's adapter, so it costs no request.
A registry row that names only the portal's home page (its path is / or /index.html) is read the way
`fazhi crawl --site` reads one: the columns that lead to reports are found from it, then walked."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

from crawlers.adapters.base import DiscoveryError, FetcherLike, get_page
from crawlers.adapters.links import canonical_url
from crawlers.model import Candidate, Column, FetchResult, Source

_HOME_PATH = re.compile(r"/?(?:(?:index|default|main|home)\.(?:s?html?|jsp|php|aspx?))?", re.I)


class PrimedFetcher:
    """Answers the pages it was primed with from memory, once each; everything else goes to `inner`."""

    def __init__(self, inner: FetcherLike, primed: dict[str, FetchResult]) -> None:
        self.inner = inner
        self.primed = {canonical_url(u): r for u, r in primed.items()}

    async def fetch(self, url: str, **kwargs: Any) -> FetchResult:
        if kwargs.get("method", "GET") == "GET" and (hit := self.primed.pop(canonical_url(url), None)):
            return hit
        return await self.inner.fetch(url, **kwargs)


def is_home_page(url: str) -> bool:
    """The portal's root address rather than a column (/, /index.html, /default.aspx …)."""
    parts = urlsplit(url)
    return not parts.query and _HOME_PATH.fullmatch(parts.path or "/") is not None


async def discover(
    column: Column, source: Source, fetcher: FetcherLike, years: range
) -> AsyncIterator[Candidate]:
    # imported here: recognize and the adapter registry both import this package
    from crawlers.adapters import ADAPTERS
    from crawlers.recognize import recognise

    first = await get_page(fetcher, column.url, source)
    page_url = first.final_url or column.url
    family = recognise(page_url, first.text or "")
    primed = PrimedFetcher(fetcher, {column.url: first, page_url: first})
    if family == "generic" and is_home_page(page_url):
        async for candidate in _from_home(column, source, primed, years):
            yield candidate
        return
    async for candidate in ADAPTERS[family](column, source, primed, years):
        yield candidate


async def _from_home(
    column: Column, source: Source, fetcher: FetcherLike, years: range
) -> AsyncIterator[Candidate]:
    from crawlers.adapters import ADAPTERS
    from crawlers.onboard.site import discover_site

    findings = await discover_site(column.url, fetcher, source=source)
    found = [Column(url=c.url, name=c.name, adapter=c.adapter) for c in findings.columns]
    found += [Column(url=u, name="站内搜索", adapter="generic") for u in findings.search_pages]
    if not found:
        raise DiscoveryError(f"{column.url}: a home page, and no column with reports was found from it")
    yielded: set[str] = set()
    for col in found:
        try:
            async for candidate in ADAPTERS[col.adapter or "generic"](col, source, fetcher, years):
                if canonical_url(candidate.url) not in yielded:
                    yielded.add(canonical_url(candidate.url))
                    yield candidate
        except DiscoveryError:
            continue  # one dead column found from the home page is not the source's failure
