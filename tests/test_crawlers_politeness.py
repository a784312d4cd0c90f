import asyncio
import itertools

import pytest

from crawlers.model import Politeness
from crawlers.politeness import HostSlot, Limiter, host_of


def test_host_key_is_the_hostname():
    assert host_of("https://WWW.Example.gov.cn:8443/a?b") == "www.example.gov.cn"
    assert host_of("http://127.0.0.2:5000/") == "127.0.0.2"


def test_connection_cap_holds_under_load():
    async def go():
        slot = HostSlot(Politeness(requests_per_second=1000, max_connections=3))
        inside = peak = 0

        async def one():
            nonlocal inside, peak
            async with slot.slot():
                inside += 1
                peak = max(peak, inside)
                await asyncio.sleep(0.01)
                inside -= 1

        await asyncio.gather(*(one() for _ in range(30)))
        return peak

    assert asyncio.run(go()) == 3


def test_starts_are_spaced_and_can_be_stretched():
    async def go():
        slot = HostSlot(Politeness(requests_per_second=50, max_connections=10))
        loop = asyncio.get_running_loop()
        starts = []

        async def one():
            async with slot.slot():
                starts.append(loop.time())

        await asyncio.gather(*(one() for _ in range(5)))
        slot.slow_down_to(0.05)  # e.g. a robots.txt Crawl-delay
        slot.slow_down_to(0.001)  # never speeds up again
        await asyncio.gather(*(one() for _ in range(3)))
        return starts, slot.interval

    starts, interval = asyncio.run(go())
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert interval == 0.05
    assert all(g >= 0.02 * 0.99 for g in gaps[:4])
    assert all(g >= 0.05 * 0.99 for g in gaps[5:])


def test_pause_delays_the_next_start():
    async def go():
        slot = HostSlot(Politeness(requests_per_second=100))
        loop = asyncio.get_running_loop()
        async with slot.slot():
            pass
        paused_at = loop.time()
        slot.pause_for(0.1)
        async with slot.slot():
            return loop.time() - paused_at

    assert asyncio.run(go()) >= 0.1 * 0.99


def test_limiter_gives_each_host_its_own_politeness():
    limiter = Limiter(Politeness(requests_per_second=1))
    limiter.configure("a.gov.cn", Politeness(requests_per_second=4))
    assert limiter.slot_for("a.gov.cn").interval == 0.25
    assert limiter.slot_for("b.gov.cn").interval == 1.0
    assert limiter.slot_for("a.gov.cn") is limiter.slot_for("a.gov.cn")


@pytest.mark.parametrize("bad", [Politeness(requests_per_second=0), Politeness(max_connections=0)])
def test_bad_settings_fail_at_once(bad):
    with pytest.raises(ValueError):
        HostSlot(bad)
