import asyncio

from crawlers.model import FetchResult, Outcome
from crawlers.robots import RobotsCache, origin_of

ROBOTS = "User-agent: *\nDisallow: /admin/\nCrawl-delay: 3\n\nUser-agent: fazhi\nDisallow: /search\n"


def cache_answering(results: dict[str, FetchResult]) -> tuple[RobotsCache, list[str]]:
    asked: list[str] = []

    async def fetch(url: str) -> FetchResult:
        asked.append(url)
        await asyncio.sleep(0.01)
        return results[url]

    return RobotsCache("fazhi", fetch), asked


def ok(text: str) -> FetchResult:
    return FetchResult(url="", outcome=Outcome.OK, status=200, body=text.encode(), text=text)


def test_rules_for_our_agent_apply_and_are_fetched_once_per_origin():
    robots, asked = cache_answering({"https://a.gov.cn/robots.txt": ok(ROBOTS)})

    async def go():
        urls = ["https://a.gov.cn/search?q=1", "https://a.gov.cn/admin/x", "https://a.gov.cn/col/"] * 3
        return await asyncio.gather(*(robots.verdict(u) for u in urls))

    verdicts = asyncio.run(go())
    assert [v.allowed for v in verdicts[:3]] == [False, True, True]  # the fazhi group replaces the * group
    assert asked == ["https://a.gov.cn/robots.txt"]


def test_crawl_delay_is_reported():
    robots, _ = cache_answering({"http://b.gov.cn/robots.txt": ok("User-agent: *\nCrawl-delay: 5\n")})
    assert asyncio.run(robots.verdict("http://b.gov.cn/x")).crawl_delay == 5


def test_missing_or_unreachable_robots_allows_all():
    failed, blocked = Outcome.FAILED, Outcome.BLOCKED
    robots, _ = cache_answering(
        {
            "http://c.gov.cn/robots.txt": FetchResult(url="", outcome=failed, status=404),
            "http://d.gov.cn/robots.txt": FetchResult(url="", outcome=failed, reason="ConnectError"),
            "http://e.gov.cn/robots.txt": FetchResult(url="", outcome=failed, status=503, reason="HTTP 503"),
            "http://f.gov.cn/robots.txt": FetchResult(url="", outcome=blocked, status=412, reason="Ruishu"),
        }
    )
    for host in "cdef":
        assert asyncio.run(robots.verdict(f"http://{host}.gov.cn/anything")).allowed
    assert set(robots.notes) == {"http://d.gov.cn", "http://e.gov.cn", "http://f.gov.cn"}
    assert "HTTP 503" in robots.notes["http://e.gov.cn"]


def test_origin_includes_scheme_and_port():
    assert origin_of("https://A.gov.cn:8443/x/y?z") == "https://a.gov.cn:8443"
