"""When to send a request again, and how long to wait first. Pure functions; the fetcher adapts them.

Retried: connection failures, timeouts, truncated bodies, and the statuses that mean "try later"
(Scrapy's RETRY_HTTP_CODES). Not retried: other 4xx/5xx, size caps, anti-bot challenges.

Retry-After beyond `backoff_max_seconds`: we give up on that URL instead of waiting the cap and
asking again early — the server said when it will be ready, and an early retry is exactly the load
it asked us not to send. The reason names both figures so an operator can raise the cap.
"""

from __future__ import annotations

import random
import ssl
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from crawlers.model import Politeness

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 522, 524})


def certificate_error(error: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate rejection behind an httpx error, if that is what it is."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def retry_reason(status: int | None, error: BaseException | None) -> str | None:
    """Why this exchange deserves another try, or None when it does not."""
    if error is not None:
        if isinstance(error, httpx.UnsupportedProtocol | httpx.LocalProtocolError):
            return None  # our request is at fault; sending it again changes nothing
        if certificate_error(error) is not None:
            return None  # an untrusted certificate stays untrusted
        if isinstance(error, httpx.TimeoutException):
            return f"timeout ({type(error).__name__})"
        if isinstance(error, httpx.RemoteProtocolError):
            return f"connection broken mid-response ({error})"
        if isinstance(error, httpx.TransportError):
            return f"network error ({type(error).__name__}: {error})"
        return None
    if status in RETRY_STATUSES:
        return f"HTTP {status}"
    return None


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None when absent/garbled."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_seconds(retry_number: int, politeness: Politeness, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter: uniform(0, min(cap, base * 2**(n-1))) for retry n >= 1."""
    ceiling = min(politeness.backoff_max_seconds, politeness.backoff_base_seconds * 2 ** (retry_number - 1))
    return (rng or random).uniform(0, ceiling)


def wait_before_retry(
    retry_number: int,
    politeness: Politeness,
    retry_after: float | None,
    rng: random.Random | None = None,
) -> tuple[float | None, str | None]:
    """(seconds to wait, None) — or (None, reason) when the server's Retry-After exceeds our cap."""
    if retry_after is not None:
        if retry_after > politeness.backoff_max_seconds:
            return None, (
                f"server asked to retry after {retry_after:.0f} s, more than "
                f"backoff_max_seconds={politeness.backoff_max_seconds:g}"
            )
        # the server's figure is a floor; jitter on top keeps many clients from returning at once
        return retry_after + backoff_seconds(1, politeness, rng) * 0.1, None
    return backoff_seconds(retry_number, politeness, rng), None
