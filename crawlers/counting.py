"""A fetcher wrapper that counts what one discovery step cost."""

from __future__ import annotations

from typing import Any

from crawlers.adapters import FetcherLike
from crawlers.model import FetchResult


class CountingFetcher:
    """Passes fetches through and counts them: the requests one column's discovery cost."""

    def __init__(self, inner: FetcherLike) -> None:
        self.inner = inner
        self.calls = 0
        self.attempts = 0

    async def fetch(self, url: str, **kwargs: Any) -> FetchResult:
        result = await self.inner.fetch(url, **kwargs)
        self.calls += 1
        self.attempts += result.attempts  # requests sent: 0 when robots forbid or replay serves it
        return result
