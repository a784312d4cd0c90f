"""Per-host limits: how many requests may be in flight and how often one may start.

The host key is the hostname alone (no port, no scheme): a real portal answers on :80 and :443 and
both count against the same server. Distinct imitation portals on loopback use distinct addresses.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from crawlers.model import Politeness


def host_of(url: str) -> str:
    """The politeness key of a URL: its lower-case hostname."""
    return (urlsplit(url).hostname or "").lower()


class HostSlot:
    """At most `max_connections` requests in flight and one request start per interval.

    Starts are spaced, not counted per second: `requests_per_second = 5` means a start every 0.2 s,
    which is what a server sees as gentle. A Crawl-delay or a Retry-After can stretch the spacing.
    """

    def __init__(self, politeness: Politeness) -> None:
        if politeness.requests_per_second <= 0:
            raise ValueError("requests_per_second must be > 0")
        if politeness.max_connections < 1:
            raise ValueError("max_connections must be >= 1")
        self.politeness = politeness
        self.interval = 1.0 / politeness.requests_per_second
        self._connections = asyncio.Semaphore(politeness.max_connections)
        self._start_lock = asyncio.Lock()
        self._next_start = 0.0

    def slow_down_to(self, interval_seconds: float) -> None:
        """Never start requests more often than every `interval_seconds` (e.g. a Crawl-delay)."""
        self.interval = max(self.interval, interval_seconds)

    def pause_for(self, seconds: float) -> None:
        """No new request to this host for `seconds` (the host asked us to back off)."""
        loop = asyncio.get_running_loop()
        self._next_start = max(self._next_start, loop.time() + seconds)

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        async with self._connections:
            # the lock is held while sleeping so that waiting requests start one interval apart
            async with self._start_lock:
                loop = asyncio.get_running_loop()
                wait = self._next_start - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                self._next_start = max(loop.time(), self._next_start) + self.interval
            yield


class Limiter:
    """The HostSlot of every host, created on first use with that host's politeness."""

    def __init__(self, default: Politeness) -> None:
        self.default = default
        self._politeness: dict[str, Politeness] = {}
        self._slots: dict[str, HostSlot] = {}

    def configure(self, host: str, politeness: Politeness) -> None:
        self._politeness[host] = politeness
        if host in self._slots:
            # keep the semaphore (requests may be waiting on it) but honour a slower rate at once
            self._slots[host].slow_down_to(1.0 / politeness.requests_per_second)

    def politeness_for(self, host: str) -> Politeness:
        return self._politeness.get(host, self.default)

    def slot_for(self, host: str) -> HostSlot:
        slot = self._slots.get(host)
        if slot is None:
            slot = self._slots[host] = HostSlot(self.politeness_for(host))
        return slot
