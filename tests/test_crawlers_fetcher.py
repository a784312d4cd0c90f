"""Fetcher against real loopback servers: limits measured server-side, faults injected server-side."""

from __future__ import annotations

import asyncio
import gzip
import itertools
import shutil
import ssl
import subprocess
from dataclasses import replace

import pytest

from crawlers.archive import Archive, rebuild_index
from crawlers.fetcher import Fetcher, host_allowed
from crawlers.model import Column, Outcome, Politeness, Source
from tests.support.http_server import LoopbackServer, Reply

FAST = Politeness(
    requests_per_second=50,
    max_connections=4,
    timeout_seconds=0.5,
    max_retries=2,
    backoff_base_seconds=0.05,
    backoff_max_seconds=2.0,
    max_body_bytes=200_000,
    max_decompressed_bytes=400_000,
)
PAGE = "<html><head><title>法治政府建设年度报告</title></head><body><p>{}</p></body></html>"


def run(coro):
    return asyncio.run(coro)


def source_for(*servers: LoopbackServer, politeness: Politeness = FAST) -> Source:
    base = servers[0].url("/")
    return Source(
        id="t",
        name="测试门户",
        base_url=base,
        adapter="generic",
        columns=(Column(url=base),),
        allowed_domains=tuple(s.host for s in servers),
        politeness=politeness,
    )


async def fetch_all(urls, *, archive=None, politeness=FAST, source=None, replay=False):
    async with Fetcher(archive=archive, default_politeness=politeness, replay=replay) as fetcher:
        if source is not None:
            fetcher.register_source(source)
        results = await asyncio.gather(*(fetcher.fetch(u, source=source) for u in urls))
        return results, fetcher


@pytest.fixture
def server():
    with LoopbackServer("127.0.0.2") as srv:
        srv.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /private/\n"))
        yield srv


def test_rate_and_connection_limits_hold_per_host_measured_by_the_servers():
    polite = Politeness(requests_per_second=5, max_connections=2, timeout_seconds=5, max_retries=0)
    with LoopbackServer("127.0.0.3") as a, LoopbackServer("127.0.0.4") as b:
        for srv in (a, b):
            srv.route("/robots.txt", Reply(status=404))
            for i in range(10):
                srv.route(
                    f"/p{i}",
                    Reply(
                        body=PAGE.format(i).encode(),
                        delay=0.3,
                        headers=[("Content-Type", "text/html; charset=utf-8")],
                    ),
                )
        urls = [srv.url(f"/p{i}") for i in range(10) for srv in (a, b)]
        source = source_for(a, b, politeness=polite)
        results, fetcher = run(fetch_all(urls, source=source, politeness=polite))

    assert all(r.outcome is Outcome.OK for r in results)
    for srv in (a, b):
        pages = [r for r in srv.hits() if r.path != "/robots.txt"]
        assert len(pages) == 10
        # two connections, each busy 0.3 s per page: the cap is reached, never exceeded
        assert srv.max_in_flight == 2
        starts = sorted(r.arrived for r in srv.hits())
        gaps = [b - a for a, b in itertools.pairwise(starts)]
        # Starts are spaced 0.2 s apart client-side; without the limiter half the arrivals would come
        # in pairs (gaps near 0) and the whole run would take 5 x 0.3 s. A stall on a busy machine
        # delays one arrival, which shortens exactly one gap and may cost up to one interval.
        short = [g for g in gaps if g < 0.1]
        assert len(short) <= 1, gaps
        assert starts[-1] - starts[0] >= 0.2 * (len(starts) - 2), gaps
    assert fetcher.stats.hosts["127.0.0.3"].fetched_ok == 10
    assert fetcher.stats.hosts["127.0.0.4"].requests_sent == 11  # robots.txt + 10 pages


def test_503_is_retried_then_succeeds(server):
    ok = Reply(body=b"<p>ok</p>", headers=[("Content-Type", "text/html")])
    answers = iter([Reply(503), Reply(503), ok])
    server.route("/flaky", lambda req: next(answers))
    (result,), fetcher = run(fetch_all([server.url("/flaky")]))
    assert result.outcome is Outcome.OK and result.text == "<p>ok</p>"
    assert result.attempts == 3
    assert len(server.hits("/flaky")) == 3
    assert fetcher.stats.hosts[server.host].retries == 2


def test_retry_after_is_honoured_server_side(server):
    answers = iter([Reply(429, headers=[("Retry-After", "1")]), Reply(body=b"fine")])
    server.route("/busy", lambda req: next(answers))
    (result,), _ = run(fetch_all([server.url("/busy")]))
    first, second = server.hits("/busy")
    assert result.outcome is Outcome.OK
    assert second.arrived - first.arrived >= 1.0


def test_retry_after_beyond_the_cap_gives_up_with_the_reason(server):
    server.route("/later", Reply(503, headers=[("Retry-After", "3600")]))
    (result,), _ = run(fetch_all([server.url("/later")]))
    assert result.outcome is Outcome.FAILED
    assert "3600" in result.reason and "backoff_max_seconds" in result.reason
    assert len(server.hits("/later")) == 1


def test_timeouts_resets_and_truncated_bodies_are_retried_then_failed(server):
    server.route("/slow", Reply(body=b"late", delay=2))
    server.route("/reset", Reply(reset=True))
    server.route("/short", Reply(body=b"x" * 10, content_length=1000))
    results, _ = run(fetch_all([server.url(p) for p in ("/slow", "/reset", "/short")]))
    for result, path in zip(results, ("/slow", "/reset", "/short"), strict=True):
        assert result.outcome is Outcome.FAILED, path
        assert result.attempts == FAST.max_retries + 1
        assert len(server.hits(path)) == FAST.max_retries + 1
        assert result.body == b""  # no partial body is passed on
    assert "Timeout" in results[0].reason or "timeout" in results[0].reason
    assert "incomplete" in results[2].reason or "complete message body" in results[2].reason


def test_404_is_not_retried(server):
    (result,), _ = run(fetch_all([server.url("/missing")]))
    assert result.outcome is Outcome.FAILED and result.status == 404 and result.attempts == 1


def test_robots_disallow_means_zero_requests_to_that_path(server, tmp_path):
    server.route("/private/report.html", Reply(body=b"secret"))
    (result,), fetcher = run(fetch_all([server.url("/private/report.html")], archive=Archive(tmp_path)))
    assert result.outcome is Outcome.SKIPPED_ROBOTS
    assert server.hits("/private/report.html") == []
    assert len(server.hits("/robots.txt")) == 1
    assert fetcher.stats.hosts[server.host].skipped_robots == 1
    log = list(Archive(tmp_path).iter_fetch_log())
    assert [row["outcome"] for row in log if row["url"].endswith("report.html")] == ["skipped_robots"]


def test_robots_fetched_once_for_many_concurrent_requests(server):
    for i in range(6):
        server.route(f"/a{i}", Reply(body=b"a"))
    run(fetch_all([server.url(f"/a{i}") for i in range(6)]))
    assert len(server.hits("/robots.txt")) == 1


def test_robots_5xx_allows_all_and_is_noted():
    with LoopbackServer("127.0.0.5") as srv:
        srv.route("/robots.txt", Reply(500))
        srv.route("/page", Reply(body=b"page"))

        async def go():
            async with Fetcher(default_politeness=FAST) as fetcher:
                result = await fetcher.fetch(srv.url("/page"))
                return result, fetcher.robots_notes

        result, notes = run(go())
    assert result.outcome is Outcome.OK
    assert any("HTTP 500" in note for note in notes.values())


def test_second_fetch_of_unchanged_page_is_a_304_served_from_the_archive(server, tmp_path):
    body = PAGE.format("第二次抓取").encode()

    def page(req):
        if req.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers=[("ETag", '"v1"')])
        return Reply(body=body, headers=[("ETag", '"v1"'), ("Content-Type", "text/html; charset=utf-8")])

    server.route("/report.html", page)
    archive = Archive(tmp_path)
    (first,), _ = run(fetch_all([server.url("/report.html")], archive=archive))
    (second,), fetcher = run(fetch_all([server.url("/report.html")], archive=archive))
    assert first.outcome is Outcome.OK
    assert second.outcome is Outcome.NOT_MODIFIED and second.status == 304
    assert second.text == first.text and "第二次抓取" in second.text
    assert server.hits("/report.html")[1].headers["if-none-match"] == '"v1"'
    robots_bytes = len(b"User-agent: *\nDisallow: /private/\n")
    assert fetcher.stats.hosts[server.host].bytes_downloaded == robots_bytes  # the 304 carried no body
    assert archive.latest(server.url("/report.html")).outcome == "not_modified"


def test_gbk_bytes_behind_a_lying_utf8_header_decode_right(server):
    text = PAGE.format("推进严格规范公正文明执法，全面提升依法行政水平")
    lying = [("Content-Type", "text/html; charset=utf-8")]
    server.route("/gbk.html", Reply(body=text.encode("gbk"), headers=lying))
    (result,), _ = run(fetch_all([server.url("/gbk.html")]))
    assert result.outcome is Outcome.OK
    assert result.encoding == "gb18030"
    assert result.text == text


def test_size_caps_stop_big_bodies_and_gzip_bombs(server):
    server.route("/huge-declared", Reply(body=b"x" * 10, content_length=10_000_000))
    server.route("/huge-streamed", Reply(body=b"x" * 300_000))
    bomb = gzip.compress(b"\0" * 50_000_000)  # ~50 KB on the wire
    coded = [("Content-Encoding", "gzip"), ("Content-Type", "text/html")]
    server.route("/bomb", Reply(body=bomb, headers=coded))
    results, _ = run(fetch_all([server.url(p) for p in ("/huge-declared", "/huge-streamed", "/bomb")]))
    declared, streamed, bombed = results
    assert declared.outcome is Outcome.FAILED and "Content-Length" in declared.reason
    assert streamed.outcome is Outcome.FAILED and "max_body_bytes" in streamed.reason
    assert bombed.outcome is Outcome.FAILED and "max_decompressed_bytes" in bombed.reason
    assert all(r.attempts == 1 and r.body == b"" for r in results)  # caps are not retried


def test_gzip_body_is_decoded(server):
    text = PAGE.format("压缩页面")
    server.route(
        "/gz",
        Reply(
            body=gzip.compress(text.encode()),
            headers=[("Content-Encoding", "gzip"), ("Content-Type", "text/html; charset=utf-8")],
        ),
    )
    (result,), _ = run(fetch_all([server.url("/gz")]))
    assert result.outcome is Outcome.OK and result.text == text


def test_ruishu_challenge_is_blocked_and_archived_as_evidence(server, tmp_path):
    challenge = (
        b"<html><head><meta id='x' content='abc' r='m'><script>$_ts=window['$_ts'];if(!$_ts)$_ts={};"
        b"$_ts.nsd=1;$_ts.cd='q';</script><script src='/aZb/c.js' r='m'></script></head></html>"
    )
    server.route(
        "/guarded",
        Reply(
            412,
            body=challenge,
            headers=[("Set-Cookie", "NfBCSins2OywS=60abc; path=/"), ("Content-Type", "text/html")],
        ),
    )
    archive = Archive(tmp_path)
    (result,), fetcher = run(fetch_all([server.url("/guarded")], archive=archive))
    assert result.outcome is Outcome.BLOCKED and "Ruishu" in result.reason
    assert result.body == b"" and result.text is None
    assert result.attempts == 1
    assert archive.read_ref(result.archive_ref).body == challenge
    assert archive.latest(server.url("/guarded")) is None  # never served as content
    assert fetcher.stats.hosts[server.host].blocked == 1


def test_redirects_followed_on_site_refused_off_site_and_loops_detected():
    with LoopbackServer("127.0.0.6") as home, LoopbackServer("127.0.0.7") as away:
        for srv in (home, away):
            srv.route("/robots.txt", Reply(404))
        home.route("/old", Reply(301, headers=[("Location", "/new")]))
        home.route("/new", Reply(body=b"new place"))
        home.route("/leave", Reply(302, headers=[("Location", away.url("/x"))]))
        home.route("/loop-a", Reply(302, headers=[("Location", "/loop-b")]))
        home.route("/loop-b", Reply(302, headers=[("Location", "/loop-a")]))
        source = source_for(home)
        urls = [home.url(p) for p in ("/old", "/leave", "/loop-a")]
        (moved, left, looped), _ = run(fetch_all(urls, source=source))
        assert away.hits("/x") == []
    assert moved.outcome is Outcome.OK and moved.final_url == home.url("/new") and moved.body == b"new place"
    assert left.outcome is Outcome.FAILED and "off-site host 127.0.0.7" in left.reason
    assert looped.outcome is Outcome.FAILED and "redirect loop" in looped.reason


def test_post_form_is_sent_and_archived_with_its_body(server, tmp_path):
    server.route(
        "/dataproxy.jsp",
        lambda req: Reply(
            body=b"<datastore><record>" + req.body + b"</record></datastore>",
            headers=[("Content-Type", "text/xml; charset=utf-8")],
        ),
    )
    archive = Archive(tmp_path)

    async def go():
        async with Fetcher(archive=archive, default_politeness=FAST) as fetcher:
            return [
                await fetcher.fetch(server.url("/dataproxy.jsp"), method="POST", data={"page": str(n)})
                for n in (1, 2)
            ]

    one, two = run(go())
    assert one.text.endswith("<record>page=1</record></datastore>") and "page=2" in two.text
    assert [r.body for r in server.hits("/dataproxy.jsp")] == [b"page=1", b"page=2"]
    stored = archive.read(server.url("/dataproxy.jsp"), method="POST", body=b"page=2")
    assert stored is not None and b"page=2" in stored.body


def test_replay_makes_no_requests_and_serves_archived_bodies(server, tmp_path):
    server.route("/a.html", Reply(body=PAGE.format("甲").encode(), headers=[("Content-Type", "text/html")]))
    archive = Archive(tmp_path)
    (live,), _ = run(fetch_all([server.url("/a.html")], archive=archive))
    before = len(server.hits())
    (again, missing), fetcher = run(
        fetch_all([server.url("/a.html"), server.url("/b.html")], archive=archive, replay=True)
    )
    assert len(server.hits()) == before
    assert again.outcome is Outcome.OK and again.text == live.text
    assert missing.outcome is Outcome.FAILED and missing.reason == "not in archive (replay)"
    assert fetcher.stats.hosts[server.host].requests_sent == 0


def test_replay_needs_an_archive():
    with pytest.raises(ValueError, match="archive"):
        Fetcher(replay=True)


def test_user_agent_names_the_project_and_contact(server):
    server.route("/ua", Reply(body=b"x"))

    async def go():
        async with Fetcher(contact_url="https://example.org/fazhi", default_politeness=FAST) as fetcher:
            await fetcher.fetch(server.url("/ua"))

    run(go())
    agent = server.hits("/ua")[0].headers["user-agent"]
    assert agent.startswith("fazhi/") and "https://example.org/fazhi" in agent


@pytest.mark.parametrize(
    ("host", "allowed", "ok"),
    [
        ("kxjs.tj.gov.cn", {"kxjs.tj.gov.cn"}, True),
        ("www.kxjs.tj.gov.cn", {"kxjs.tj.gov.cn"}, True),
        ("kxjs.tj.gov.cn", {"www.kxjs.tj.gov.cn"}, True),
        ("files.tj.gov.cn", {"tj.gov.cn"}, True),
        ("tj.gov.cn", {"kxjs.tj.gov.cn"}, False),
        ("evil.cn", {"tj.gov.cn"}, False),
        ("nottj.gov.cn", {"tj.gov.cn"}, False),
    ],
)
def test_host_allowed(host: str, allowed: set[str], ok: bool):
    assert host_allowed(host, allowed) is ok


def test_redirect_to_same_url_that_sets_a_session_cookie_is_followed(server):
    def page(req):
        if "sid=1" in req.headers.get("cookie", ""):
            return Reply(body=b"<p>with session</p>", headers=[("Content-Type", "text/html")])
        return Reply(302, headers=[("Location", "/session"), ("Set-Cookie", "sid=1; Path=/")])

    server.route("/session", page)
    (result,), _ = run(fetch_all([server.url("/session")]))
    assert result.outcome is Outcome.OK and result.text == "<p>with session</p>"


def test_wzws_cookie_redirect_loop_is_blocked(server):
    counter = iter(range(100))
    server.route(
        "/wz",
        lambda req: Reply(
            307, headers=[("Location", "/wz"), ("Set-Cookie", f"wzws_cid={next(counter)}; Path=/")]
        ),
    )
    (result,), _ = run(fetch_all([server.url("/wz")]))
    assert result.outcome is Outcome.BLOCKED and "WZWS" in result.reason
    assert len(server.hits("/wz")) <= 11


def test_jiasule_521_is_blocked_without_retry(server):
    script = (
        b"<script>document.cookie=('__jsl_clearance_s=1700000000.1|0|abc');"
        b"location.href=location.pathname+location.search</script>"
    )
    server.route("/jsl", Reply(521, body=script, headers=[("Set-Cookie", "__jsluid_s=abc; path=/")]))
    (result,), _ = run(fetch_all([server.url("/jsl")]))
    assert result.outcome is Outcome.BLOCKED and "Jiasule" in result.reason and result.attempts == 1


def test_non_http_urls_fail_without_a_request(server):
    server.route("/ftp", Reply(302, headers=[("Location", "ftp://127.0.0.2/a.pdf")]))
    server.route("/js", Reply(302, headers=[("Location", "javascript:void(0)")]))
    urls = ["ftp://example.org/a.pdf", server.url("/ftp"), server.url("/js")]
    (bad, via_redirect, garbled), _ = run(fetch_all(urls))
    assert bad.outcome is Outcome.FAILED and "http(s)" in bad.reason and bad.attempts == 0
    assert via_redirect.outcome is Outcome.FAILED and "non-http" in via_redirect.reason
    assert garbled.outcome is Outcome.FAILED and garbled.attempts == 1


def test_post_answered_by_303_is_filed_under_the_post(server, tmp_path):
    server.route("/search.do", Reply(303, headers=[("Location", "/results.html")]))
    server.route("/results.html", Reply(body=b"<p>results</p>", headers=[("Content-Type", "text/html")]))
    archive = Archive(tmp_path)

    async def go(replay: bool):
        async with Fetcher(archive=archive, default_politeness=FAST, replay=replay) as fetcher:
            return await fetcher.fetch(server.url("/search.do"), method="POST", data={"q": "法治"})

    live = run(go(replay=False))
    assert live.outcome is Outcome.OK and live.final_url == server.url("/results.html")
    assert server.hits("/results.html")[0].method == "GET"
    replayed = run(go(replay=True))
    assert replayed.outcome is Outcome.OK and replayed.body == b"<p>results</p>"


def test_concurrent_fetches_archive_consistently(server, tmp_path):
    for i in range(30):
        server.route(
            f"/c{i}", Reply(body=PAGE.format(i % 10).encode(), headers=[("Content-Type", "text/html")])
        )
    archive = Archive(tmp_path)
    wide = replace(FAST, requests_per_second=500, max_connections=8)
    results, _ = run(fetch_all([server.url(f"/c{i}") for i in range(30)], archive=archive, politeness=wide))
    assert all(r.outcome is Outcome.OK for r in results)
    dump = archive.index.dump()
    assert len(dump["payloads"]) == 11  # ten distinct pages and robots.txt; repeats became revisits
    assert all(archive.read(server.url(f"/c{i}")).body == PAGE.format(i % 10).encode() for i in range(30))
    archive.close()
    rebuild_index(tmp_path)
    assert Archive(tmp_path).index.dump() == dump


@pytest.fixture
def self_signed(tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("openssl not available to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.8",
         "-addext", "subjectAltName=IP:127.0.0.8", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def test_untrusted_certificate_fails_at_once_unless_verification_is_off(self_signed):
    with LoopbackServer("127.0.0.8", ssl_context=self_signed) as srv:
        srv.route("/robots.txt", Reply(404))
        srv.route("/tls", Reply(body=b"<p>over tls</p>", headers=[("Content-Type", "text/html")]))

        async def go(verify: bool):
            async with Fetcher(default_politeness=FAST, verify=verify) as fetcher:
                return await fetcher.fetch(srv.url("/tls"))

        refused = run(go(verify=True))
        accepted = run(go(verify=False))
    assert refused.outcome is Outcome.FAILED and "certificate" in refused.reason and refused.attempts == 1
    assert accepted.outcome is Outcome.OK and accepted.text == "<p>over tls</p>"


def test_page_refreshes_are_followed_on_site_only_and_never_loop():
    with LoopbackServer("127.0.0.8") as home, LoopbackServer("127.0.0.9") as away:
        for srv in (home, away):
            srv.route("/robots.txt", Reply(404))
        html = [("Content-Type", "text/html; charset=utf-8")]

        def refresh(to: str) -> Reply:
            return Reply(body=f'<meta http-equiv="refresh" content="0;url={to}">'.encode(), headers=html)

        home.route("/col/", refresh("index_list.html"))
        home.route("/col/index_list.html", Reply(body="<p>报告列表</p>".encode(), headers=html))
        home.route("/stub", Reply(body=b'<script>top.location.href="/col/"</script>', headers=html))
        home.route("/leave", refresh(away.url("/x")))
        home.route("/ping", refresh("/pong"))
        home.route("/pong", refresh("/ping"))
        source = source_for(home)
        urls = [home.url(p) for p in ("/col/", "/stub", "/leave", "/ping")]
        (column, stub, left, looped), _ = run(fetch_all(urls, source=source))
        assert away.hits("/x") == []
        assert len(home.hits("/ping")) == 1 and len(home.hits("/pong")) == 1
    assert column.outcome is Outcome.OK and column.final_url == home.url("/col/index_list.html")
    assert column.text == "<p>报告列表</p>"
    assert stub.final_url == home.url("/col/index_list.html")  # two moves, one script and one meta
    # a move that is not followed leaves the page itself as the answer, not a failure
    assert left.outcome is Outcome.OK and left.final_url == home.url("/leave")
    assert looped.outcome is Outcome.OK and looped.final_url == home.url("/pong")
