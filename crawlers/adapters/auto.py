"""For columns whose CMS is not known in advance: read the family from the column page, then walk it.

The page fetched to recognise the family is handed to the family's adapter, so it costs no request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from crawlers.adapters.base import FetcherLike, get_page
from crawlers.adapters.links import canonical_url
from crawlers.model import Candidate, Column, FetchResult, Source


class PrimedFetcher:
    """Answers the pages it was primed with from memory, once each; everything else goes to `inner`."""

    def __init__(self, inner: FetcherLike, primed: dict[str, FetchResult]) -> None:
        self.inner = inner
        self.primed = {canonical_url(u): r for u, r in primed.items()}

    async def fetch(self, url: str, **kwargs: Any) -> FetchResult:
        if kwargs.get("method", "GET") == "GET" and (hit := self.primed.pop(canonical_url(url), None)):
            return hit
        return await self.inner.fetch(url, **kwargs)


async def discover(
    column: Column, source: Source, fetcher: FetcherLike, years: range
) -> AsyncIterator[Candidate]:
    # imported here: recognize and the adapter registry both import this package
    from crawlers.adapters import ADAPTERS
    from crawlers.recognize import recognise

    first = await get_page(fetcher, column.url, source)
    family = recognise(first.final_url or column.url, first.text or "")
    primed = PrimedFetcher(fetcher, {column.url: first})
    async for candidate in ADAPTERS[family](column, source, primed, years):
        yield candidate
