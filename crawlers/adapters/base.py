"""What every discovery adapter shares: the fetcher it is given, list-page fetching, the stopping rule."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
from datetime import date
from typing import Protocol

from crawlers.model import Candidate, Column, FetchResult, Source

# Lists are newest first, so the stopping rule ends most walks early; these caps only guard against
# pagers that never end (deep pages that repeat page 1, counters that lie).
MAX_LIST_PAGES = 100


class FetcherLike(Protocol):
    """The part of crawlers.fetcher.Fetcher that discovery uses."""

    async def fetch(
        self,
        url: str,
        *,
        source: Source | None = None,
        method: str = "GET",
        data: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        revalidate: bool = True,
    ) -> FetchResult: ...


Adapter = Callable[[Column, Source, FetcherLike, range], AsyncIterator[Candidate]]


class DiscoveryError(Exception):
    """A column could not be walked (its first page failed, the page is not what the adapter expects).

    Candidates yielded before the error stay valid; the crawl records the reason for the column."""


async def get_page(
    fetcher: FetcherLike,
    url: str,
    source: Source,
    *,
    method: str = "GET",
    data: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> FetchResult:
    """Fetch a list page (revalidated: lists change when a report is added) or raise DiscoveryError."""
    result = await fetcher.fetch(
        url, source=source, method=method, data=data, headers=headers, revalidate=True
    )
    if not result.ok:
        raise DiscoveryError(f"{url}: {result.outcome} ({result.reason or result.status})")
    if result.text is None:
        kind = result.headers.get("content-type", "no content type")
        raise DiscoveryError(f"{url}: not a text page ({kind})")
    return result


async def get_list_page(fetcher: FetcherLike, url: str, source: Source) -> FetchResult | None:
    """A further page a pager promised, or None when the site answers that it does not exist.

    Pagers count pages that were never written (lists sliced in the browser, pages deleted since):
    a 404/410 there ends the list. Other failures raise as get_page does."""
    result = await fetcher.fetch(url, source=source, revalidate=True)
    if not result.ok and result.status in (404, 410):
        return None
    if not result.ok:
        raise DiscoveryError(f"{url}: {result.outcome} ({result.reason or result.status})")
    if result.text is None:
        kind = result.headers.get("content-type", "no content type")
        raise DiscoveryError(f"{url}: not a text page ({kind})")
    return result


def page_is_stale(dates: Iterable[date | None], years: range) -> bool:
    """True when every item of a list page predates the oldest report asked for.

    A report on year Y is published in Y+1 or later, so an item listed before Y+1 cannot be one of
    them; lists are newest first, so later pages are older still. An undated item keeps the walk going."""
    listed = list(dates)
    if not listed or any(d is None for d in listed):
        return False
    oldest_publication_year = min(years) + 1
    return all(d.year < oldest_publication_year for d in listed if d is not None)
