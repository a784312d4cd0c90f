"""robots.txt: fetched once per origin, cached, consulted before every request.

Failure policy (as Scrapy and Google do): no robots.txt (4xx), a network failure or an anti-bot
wall in front of it means "allow all". A 5xx also allows all here — RFC 9309 would have us treat
the site as fully disallowed, but government portals answer 5xx for missing files often enough that
this would silence whole sites; the origin is noted in `notes` so the report shows it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from crawlers.model import FetchResult, Outcome


@dataclass(frozen=True)
class RobotsVerdict:
    allowed: bool
    crawl_delay: float | None = None


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def parse_robots(text: str) -> Protego:
    return Protego.parse(text)


class RobotsCache:
    """`await robots.verdict(url)`; `fetch_robots(robots_url)` does the (polite) download."""

    def __init__(self, user_agent: str, fetch_robots: Callable[[str], Awaitable[FetchResult]]) -> None:
        self.user_agent = user_agent
        self._fetch = fetch_robots
        self._parsers: dict[str, asyncio.Task[Protego | None]] = {}
        self.notes: dict[str, str] = {}  # origin -> why its rules were not applied

    async def _load(self, origin: str) -> Protego | None:
        result = await self._fetch(f"{origin}/robots.txt")
        if result.outcome is Outcome.OK and result.status is not None and 200 <= result.status < 300:
            text = result.text if result.text is not None else result.body.decode("utf-8", "replace")
            return parse_robots(text)
        if result.status is not None and result.status >= 500:
            self.notes[origin] = f"robots.txt answered HTTP {result.status}; treated as allow-all"
        elif result.outcome in (Outcome.BLOCKED, Outcome.FAILED) and result.status is None:
            self.notes[origin] = f"robots.txt unavailable ({result.reason}); treated as allow-all"
        elif result.outcome is Outcome.BLOCKED:
            self.notes[origin] = f"robots.txt behind {result.reason}; treated as allow-all"
        return None

    async def parser_for(self, url: str) -> Protego | None:
        origin = origin_of(url)
        task = self._parsers.get(origin)
        if task is None:
            # one download per origin even when many requests arrive at once
            task = self._parsers[origin] = asyncio.ensure_future(self._load(origin))
        return await asyncio.shield(task)

    async def verdict(self, url: str) -> RobotsVerdict:
        parser = await self.parser_for(url)
        if parser is None:
            return RobotsVerdict(allowed=True)
        delay = parser.crawl_delay(self.user_agent)
        return RobotsVerdict(allowed=parser.can_fetch(url, self.user_agent), crawl_delay=delay)
