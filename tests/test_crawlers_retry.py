import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from crawlers.model import Politeness
from crawlers.retry import backoff_seconds, parse_retry_after, retry_reason, wait_before_retry

P = Politeness(backoff_base_seconds=1.0, backoff_max_seconds=60.0)


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504, 522, 524])
def test_try_later_statuses_are_retried(status):
    assert retry_reason(status, None) == f"HTTP {status}"


@pytest.mark.parametrize("status", [200, 301, 304, 400, 403, 404, 410, 412, 501, 521])
def test_other_statuses_are_final(status):
    assert retry_reason(status, None) is None


@pytest.mark.parametrize(
    ("error", "retried"),
    [
        (httpx.ConnectError("refused"), True),
        (httpx.ReadTimeout("slow"), True),
        (httpx.RemoteProtocolError("peer closed connection"), True),
        (httpx.ReadError("reset"), True),
        (httpx.UnsupportedProtocol("ftp"), False),
        (httpx.LocalProtocolError("bad header"), False),
        (ValueError("not ours"), False),
    ],
)
def test_network_errors(error, retried):
    assert (retry_reason(None, error) is not None) is retried


def test_retry_after_seconds_and_http_date():
    now = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=90), usegmt=True), now) == 90.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=90), usegmt=True), now) == 0.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_backoff_is_full_jitter_under_an_exponential_ceiling():
    rng = random.Random(7)
    for n in range(1, 12):
        ceiling = min(60.0, 2 ** (n - 1))
        samples = [backoff_seconds(n, P, rng) for _ in range(200)]
        assert all(0 <= s <= ceiling for s in samples)
        assert max(samples) > ceiling * 0.8  # full jitter reaches up to the ceiling


def test_retry_after_within_the_cap_is_a_floor():
    seconds, reason = wait_before_retry(1, P, 30.0, random.Random(1))
    assert reason is None and 30.0 <= seconds <= 30.0 + P.backoff_base_seconds * 0.1


def test_retry_after_beyond_the_cap_gives_up_with_both_figures():
    seconds, reason = wait_before_retry(1, P, 3600.0)
    assert seconds is None and "3600" in reason and "backoff_max_seconds=60" in reason
