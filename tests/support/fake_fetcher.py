"""A fetcher that serves canned pages from a dict, for adapter and crawl-loop unit tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crawlers.model import FetchResult, Outcome, Source


@dataclass
class Page:
    text: str
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    outcome: Outcome = Outcome.OK


@dataclass
class FakeFetcher:
    """pages: URL (for POST: "POST " + URL) -> Page or text. Anything else is a 404."""

    pages: dict[str, Page | str]
    calls: list[tuple[str, str, dict[str, str] | None]] = field(default_factory=list)
    not_modified: set[str] = field(default_factory=set)  # answer these as NOT_MODIFIED

    async def fetch(
        self,
        url: str,
        *,
        source: Source | None = None,
        method: str = "GET",
        data: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        revalidate: bool = True,
        **_: Any,
    ) -> FetchResult:
        self.calls.append((method, url, data))
        key = url if method == "GET" else f"{method} {url}"
        page = self.pages.get(key)
        if page is None:
            return FetchResult(url=url, outcome=Outcome.FAILED, status=404, reason="HTTP 404", attempts=1)
        if isinstance(page, str):
            page = Page(page)
        outcome = Outcome.NOT_MODIFIED if url in self.not_modified else page.outcome
        return FetchResult(
            url=url,
            outcome=outcome,
            final_url=url,
            status=304 if outcome == Outcome.NOT_MODIFIED else page.status,
            headers={"content-type": page.content_type},
            body=page.text.encode(),
            text=page.text,
            attempts=1,
            # like the real archive, answers are recorded whatever their outcome (challenge pages too)
            archive_ref=None if outcome == Outcome.NOT_MODIFIED else f"fake.warc.gz:{len(self.calls)}",
        )

    def urls(self, method: str = "GET") -> list[str]:
        return [u for m, u, _ in self.calls if m == method]


async def collect(agen: Any) -> list[Any]:
    return [item async for item in agen]
