"""Fault injection: transient faults clear on retry, permanent ones never do, truth says which is which."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import httpx
import pytest

from crawlers.sim import SimConfig, SimPortals

CONFIG = SimConfig(hosts=14, years=range(2019, 2024), faults="default", slow_seconds=1.5)


@pytest.fixture(scope="module")
def sim():
    with SimPortals(CONFIG) as portals:
        yield portals


def _with(sim, label_start: str) -> list[dict]:
    return [e for e in sim.truth if any(f.startswith(label_start) for f in e["faults"])]


def _raw_get(url: str, timeout: float = 5.0) -> bytes:
    """One request on a fresh socket; returns whatever arrives before the server closes."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as s:
        s.sendall(
            f"GET {parts.path}{'?' + parts.query if parts.query else ''} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        chunks = []
        while True:
            try:
                data = s.recv(65536)
            except ConnectionResetError:
                chunks.append(b"<RESET>")
                break
            if not data:
                break
            chunks.append(data)
        return b"".join(chunks)


def test_default_profile_mixes_every_fault_kind(sim):
    labels = {f.split("x")[0].split(":")[0] for e in sim.truth for f in e["faults"]}
    assert {
        "500",
        "503",
        "429",
        "slow",
        "reset",
        "truncate",
        "redirect_loop",
        "offsite",
        "challenge",
        "robots",
        "wrong_charset",
    } <= labels
    faulty = sum(1 for e in sim.truth if e["faults"])
    assert 0.05 * len(sim.truth) < faulty < 0.4 * len(sim.truth)
    for e in sim.truth:
        permanent = any(f.endswith(":permanent") for f in e["faults"])
        assert e["recoverable"] is (not permanent)
        if e["kind"] == "list":
            assert not permanent


@pytest.mark.parametrize("status", ["500", "503", "429"])
def test_transient_status_then_ok(sim, status):
    entry = next(e for e in _with(sim, f"{status}x"))
    times = int(entry["faults"][0].split("x")[1])
    with httpx.Client() as c:
        for _ in range(times):
            r = c.get(entry["url"])
            assert r.status_code == int(status)
            if status == "429":
                assert r.headers["retry-after"] == "1"
        assert c.get(entry["url"]).status_code == 200


def test_reset_and_truncation_are_transient(sim):
    reset = _with(sim, "resetx")[0]
    times = int(reset["faults"][0].split("x")[1])
    for _ in range(times):
        assert _raw_get(reset["url"]) in (b"", b"<RESET>")
    assert _raw_get(reset["url"]).startswith(b"HTTP/1.1 200")

    cut = _with(sim, "truncatex")[0]
    times = int(cut["faults"][0].split("x")[1])
    for _ in range(times):
        raw = _raw_get(cut["url"])
        head, _, body = raw.partition(b"\r\n\r\n")
        length = int(
            next(h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length")).split(b":")[1]
        )
        assert len(body) < length
    with httpx.Client() as c:
        assert c.get(cut["url"]).status_code == 200


def test_slow_response_exceeds_a_short_timeout_once(sim):
    slow = _with(sim, "slowx")[0]
    times = int(slow["faults"][0].split("x")[1])
    with httpx.Client(timeout=0.5) as c:
        for _ in range(times):
            with pytest.raises(httpx.TimeoutException):
                c.get(slow["url"])
        # cleared: answered at once (a stall would still exceed 1 s, and a busy machine gets slack)
        assert c.get(slow["url"], timeout=1.0).status_code == 200


def test_permanent_faults_never_clear(sim):
    with httpx.Client(follow_redirects=False) as c:
        e500 = next(e for e in sim.truth if "500:permanent" in e["faults"])
        assert [c.get(e500["url"]).status_code for _ in range(4)] == [500] * 4

        statuses = set()
        for challenge in _with(sim, "challenge"):
            for _ in range(2):
                r = c.get(challenge["url"])
                statuses.add(r.status_code)
                assert r.status_code in (200, 412)
                assert "r='m'" in r.text and "$_ts" in r.text
                assert r.headers["set-cookie"].split("=")[0].endswith("S")
        assert 412 in statuses

        off = _with(sim, "offsite")[0]
        r = c.get(off["url"])
        assert r.status_code == 302
        assert urlsplit(r.headers["location"]).netloc != urlsplit(off["url"]).netloc
        assert urlsplit(r.headers["location"]).hostname.startswith("127.")

        loop = _with(sim, "redirect_loop")[0]
        first = c.get(loop["url"])
        second = c.get(httpx.URL(loop["url"]).join(first.headers["location"]))
        assert (
            second.status_code == 302
            and str(httpx.URL(loop["url"]).join(second.headers["location"])) == loop["url"]
        )


def test_robots_disallows_exactly_the_unrecoverable_paths(sim):
    blocked = _with(sim, "robots")
    assert blocked
    with httpx.Client() as c:
        for e in blocked:
            robots = c.get(f"http://{e['host']}/robots.txt").text
            assert f"Disallow: {urlsplit(e['url']).path}" in robots
            assert e["recoverable"] is False


def test_wrong_charset_header_over_gbk_bytes(sim):
    entry = next(e for e in _with(sim, "wrong_charset") if e["faults"] == ["wrong_charset"])
    with httpx.Client() as c:
        r = c.get(entry["url"])
    assert "charset=utf-8" in r.headers["content-type"]
    assert b"charset=gbk" in r.content
    r.content.decode("gbk")
    with pytest.raises(UnicodeDecodeError):
        r.content.decode("utf-8")


def test_no_faults_profile_serves_everything_first_time():
    with SimPortals(SimConfig(hosts=2, years=range(2022, 2024))) as clean, httpx.Client() as c:
        assert all(c.get(e["url"]).status_code == 200 for e in clean.truth)
        assert all(not e["faults"] for e in clean.truth)


def test_rearming_makes_transient_faults_fail_again(sim):
    entry = next(e for e in _with(sim, "503x"))
    with httpx.Client() as c:
        while c.get(entry["url"]).status_code != 200:
            pass
        sim.reset_stats(rearm_faults=True)
        assert c.get(entry["url"]).status_code == 503
    assert sim.stats(entry["source_id"])["status_counts"] == {503: 1}


def test_rate_limit_counts_a_trailing_second():
    from crawlers.sim.faults import FaultPlan
    from crawlers.sim.server import HostServer

    async def never(req):
        return None

    server = HostServer(
        "127.0.0.1", never, FaultPlan({}, set(), rate_limit=3), slow_seconds=0, offsite=None, seed=1, name="t"
    )
    assert [server._throttled() for _ in range(5)] == [False, False, False, True, True]


def test_rate_limited_host_throttles_a_burst(sim):
    from concurrent.futures import ThreadPoolExecutor

    source = next(s for s in sim.sources if s.id == "sim-hanweb-city")
    url = source.base_url + "robots.txt"

    def ten(_):
        with httpx.Client() as c:
            return [c.get(url).status_code for _ in range(10)]

    with ThreadPoolExecutor(8) as pool:
        burst = [code for codes in pool.map(ten, range(8)) for code in codes]
    assert 429 in burst and 200 in burst
    assert sim.stats(source.id)["status_counts"][429] >= 1


def test_attachments_of_a_lost_article_are_lost_too():
    # seed 7's default profile puts a permanent challenge on articles that carry attachments
    with SimPortals(SimConfig(seed=7, hosts=14, faults="default")) as sim:
        truth = sim.truth
    by_url = {t["url"]: t for t in truth}
    attachments = [t for t in truth if t["kind"] == "attachment"]
    lost_parent = [t for t in attachments if not by_url[t["attachment_of"]]["recoverable"]]
    assert lost_parent, "the default profile should block some article that has an attachment"
    assert not any(t["recoverable"] for t in lost_parent)
