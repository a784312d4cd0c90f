"""The polite fetcher: one httpx client, per-host limits, robots, retries, redirects, archive.

    async with Fetcher(archive=Archive(Path("data/raw")), contact_url="https://…") as f:
        f.register_source(source)
        result = await f.fetch(url, source=source)

Early public signature; the internals are being filled in (see crawlers/politeness.py, robots.py,
retry.py, decoding.py, challenge.py, archive.py).
"""

from __future__ import annotations

from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING

import httpx

from crawlers.model import FetchResult, Outcome, Politeness, Source

if TYPE_CHECKING:
    from crawlers.archive import Archive

DEFAULT_CONTACT_URL = "https://github.com/fazhi-project/fazhi"


class Fetcher:
    def __init__(
        self,
        *,
        archive: Archive | None = None,
        contact_url: str = DEFAULT_CONTACT_URL,
        default_politeness: Politeness | None = None,
        replay: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if replay and archive is None:
            raise ValueError("replay=True needs an archive to serve from")
        self.archive = archive
        self.contact_url = contact_url
        self.default_politeness = default_politeness or Politeness()
        self.replay = replay
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._sources: dict[str, Source] = {}

    async def __aenter__(self) -> Fetcher:
        self._client = httpx.AsyncClient(transport=self._transport, follow_redirects=False)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def register_source(self, source: Source) -> None:
        self._sources[source.id] = source

    async def fetch(
        self,
        url: str,
        *,
        source: Source | None = None,
        method: str = "GET",
        data: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        revalidate: bool = True,
    ) -> FetchResult:
        assert self._client is not None, "use `async with Fetcher(...) as f:`"
        response = await self._client.request(method, url, data=data, headers=headers)
        return FetchResult(
            url=url,
            outcome=Outcome.OK if response.is_success else Outcome.FAILED,
            final_url=str(response.url),
            status=response.status_code,
            headers=dict(response.headers),
            body=response.content,
            text=response.text,
            attempts=1,
            fetched_at=datetime.now(UTC),
        )
