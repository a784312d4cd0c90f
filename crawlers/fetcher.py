"""The polite fetcher: one httpx client; per-host limits, robots.txt, retries, redirects, archive.

    async with Fetcher(archive=Archive(Path("data/raw")), contact_url="https://…") as f:
        f.register_source(source)
        result = await f.fetch(url, source=source)

What happens to one fetch, in order (each step its own module):
  replay?  -> served from the archive only (archive.py)
  robots   -> Outcome.SKIPPED_ROBOTS, never requested (robots.py)
  slot     -> per-host connection cap and start spacing (politeness.py)
  send     -> one request, body read under size caps (exchange.py, compression.py)
  retry    -> connection errors, timeouts, 408/429/5xx, with backoff and Retry-After (retry.py)
  redirect -> HTTP redirects and page refreshes (refresh.py) followed by hand, only to the source's
              hosts, loops refused (here)
  validate -> 304 -> NOT_MODIFIED with the archived body; challenge page -> BLOCKED (challenge.py)
  decode   -> text for HTML/XML/JSON/text (decoding.py)
  record   -> WARC + index (archive.py), per-host counters (stats.py)
"""

from __future__ import annotations

import asyncio
import random
import ssl
import time
from dataclasses import replace
from datetime import UTC, datetime
from types import TracebackType
from urllib.parse import urlencode, urljoin, urlsplit

import httpx
from tenacity import AsyncRetrying, RetryCallState, retry_if_result, stop_after_attempt

from crawlers.archive import Archive, ArchiveError
from crawlers.challenge import detect_challenge
from crawlers.decoding import decode_body, is_text_type
from crawlers.exchange import Exchange, exchange_once
from crawlers.model import FetchResult, Outcome, Politeness, Source
from crawlers.politeness import Limiter, host_of
from crawlers.refresh import might_move, refresh_target
from crawlers.registry import allowed_hosts
from crawlers.retry import wait_before_retry
from crawlers.robots import RobotsCache
from crawlers.stats import FetchStats

# The project's page; an operator running their own crawl should name theirs (`--contact-url`), so
# that a portal's webmaster reaches whoever is actually sending the requests.
DEFAULT_CONTACT_URL = "https://github.com/fazhi-project/fazhi"
ROBOTS_TOKEN = "fazhi"
MAX_REDIRECTS = 10
_Asked = tuple[str, bytes | None]  # method and body of the request as the caller asked for it
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_BASE_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5",
    # only codings compression.py can undo with a size cap
    "Accept-Encoding": "gzip, deflate",
}


def user_agent_for(contact_url: str) -> str:
    return f"{ROBOTS_TOKEN}/0.1 (+{contact_url}; rule-of-law report research)"


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def host_allowed(host: str, allowed: set[str]) -> bool:
    """A host is allowed if it is, or is a subdomain of, an allowed one; "www." is ignored on both."""
    host = host.removeprefix("www.")
    return any(host == d or host.endswith("." + d) for d in (a.removeprefix("www.") for a in allowed))


class Fetcher:
    def __init__(
        self,
        *,
        archive: Archive | None = None,
        contact_url: str = DEFAULT_CONTACT_URL,
        default_politeness: Politeness | None = None,
        replay: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        user_agent: str | None = None,
        rng: random.Random | None = None,
        verify: bool | ssl.SSLContext = True,
        proxy: str | None = None,
    ) -> None:
        """`verify`: TLS verification as httpx takes it (False, or an SSLContext with extra CAs, for
        portals with broken chains); `proxy`: one proxy URL for all requests (environment ignored)."""
        if replay and archive is None:
            raise ValueError("replay=True needs an archive to serve from")
        self.archive = archive
        self.contact_url = contact_url
        self.user_agent = user_agent or user_agent_for(contact_url)
        self.default_politeness = default_politeness or Politeness()
        self.replay = replay
        self.stats = FetchStats()
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._limiter = Limiter(self.default_politeness)
        self._allowed: dict[str, set[str]] = {}
        self._robots = RobotsCache(ROBOTS_TOKEN, self._fetch_robots)
        self._rng = rng or random.Random()
        self._verify = verify
        self._proxy = proxy

    async def __aenter__(self) -> Fetcher:
        self._client = httpx.AsyncClient(
            transport=self._transport,
            follow_redirects=False,
            http1=True,
            http2=False,
            headers={"User-Agent": self.user_agent, **_BASE_HEADERS},
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=40),
            trust_env=False,
            verify=self._verify,
            proxy=self._proxy,
        )
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    @property
    def robots_notes(self) -> dict[str, str]:
        """Origins whose robots.txt could not be applied, and why."""
        return dict(self._robots.notes)

    def register_source(self, source: Source) -> None:
        """Apply the source's politeness to its hosts and remember where its redirects may go."""
        hosts = allowed_hosts(source)
        self._allowed[source.id] = hosts
        for host in hosts:
            self._limiter.configure(host, source.politeness)

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
        """Fetch one URL. Never raises for network or server trouble: see FetchResult.outcome/reason."""
        method = method.upper()
        body = urlencode(data).encode() if data is not None else None
        extra = dict(headers or {})
        if body is not None:
            extra.setdefault("Content-Type", "application/x-www-form-urlencoded")
        if source is not None and source.id not in self._allowed:
            self.register_source(source)
        started = time.monotonic()
        fetched_at = datetime.now(UTC)
        if self.replay:
            result = await self._from_archive(url, method, body)
        else:
            if self._client is None:
                raise RuntimeError("use `async with Fetcher(...) as fetcher:` before fetching")
            allowed = self._allowed.get(source.id) if source is not None else None
            politeness = source.politeness if source else self._limiter.politeness_for(host_of(url))
            result = await self._fetch_live(url, method, body, extra, politeness, allowed, revalidate)
        result.elapsed_seconds = time.monotonic() - started
        result.fetched_at = fetched_at
        self.stats.record_result(result)
        return result

    # -- replay --------------------------------------------------------------------------------

    async def _from_archive(self, url: str, method: str, body: bytes | None) -> FetchResult:
        assert self.archive is not None
        archived = await asyncio.to_thread(self.archive.read, url, method=method, body=body)
        if archived is None:
            return FetchResult(url=url, outcome=Outcome.FAILED, reason="not in archive (replay)")
        return archived

    # -- live ----------------------------------------------------------------------------------

    async def _fetch_robots(self, robots_url: str) -> FetchResult:
        politeness = self._limiter.politeness_for(host_of(robots_url))
        politeness = replace(politeness, max_retries=min(1, politeness.max_retries), obey_robots=False)
        started = time.monotonic()
        result = await self._fetch_live(robots_url, "GET", None, {}, politeness, None, revalidate=False)
        result.elapsed_seconds = time.monotonic() - started
        self.stats.record_result(result)
        return result

    async def _fetch_live(
        self,
        url: str,
        method: str,
        body: bytes | None,
        extra_headers: dict[str, str],
        politeness: Politeness,
        allowed: set[str] | None,
        revalidate: bool,
    ) -> FetchResult:
        prior = None
        if self.archive is not None and revalidate and method == "GET" and body is None:
            prior = self.archive.latest(url)
        conditional = {}
        if prior is not None:
            if prior.etag:
                conditional["If-None-Match"] = prior.etag
            if prior.last_modified:
                conditional["If-Modified-Since"] = prior.last_modified

        result = FetchResult(url=url, outcome=Outcome.FAILED, fetched_at=datetime.now(UTC))
        asked = (method, body)  # what the archive files the fetch under, whatever redirects did
        if not _is_http_url(url):
            result.reason = f"not an http(s) URL: {url!r}"
            await self._finish(result, None, asked)
            return result
        current, seen = url, {(method, url, self._cookie_state())}
        exchange: Exchange | None = None
        for hop in range(MAX_REDIRECTS + 1):
            if politeness.obey_robots:
                verdict = await self._robots.verdict(current)
                if verdict.crawl_delay:
                    # honoured up to the backoff cap: a day-long Crawl-delay would stall the crawl
                    slot = self._limiter.slot_for(host_of(current))
                    slot.slow_down_to(min(verdict.crawl_delay, politeness.backoff_max_seconds))
                if not verdict.allowed:
                    result.outcome, result.reason = Outcome.SKIPPED_ROBOTS, f"robots.txt disallows {current}"
                    result.status, result.headers, exchange = None, {}, None
                    break
            headers = {**extra_headers, **conditional}
            exchange = await self._send_with_retries(method, current, body, headers, politeness, result)
            result.final_url, result.status, result.headers = current, exchange.status, exchange.headers
            if exchange.error is not None:
                break
            target, refreshed = _moved_to(exchange, current)
            if target is None:
                break
            target_host = (urlsplit(target).hostname or "").lower()
            if refreshed and not (
                _is_http_url(target)
                and (allowed is None or host_allowed(target_host, allowed))
                and ("GET", target, self._cookie_state()) not in seen
                and hop < MAX_REDIRECTS
            ):
                break  # a refresh we will not follow leaves the page itself as the answer
            if not _is_http_url(target):
                result.reason = f"redirect to a non-http(s) URL {target!r}"
                await self._finish(result, exchange, asked, give_up=True)
                return result
            if allowed is not None and not host_allowed(target_host, allowed):
                result.reason = f"redirect to off-site host {target_host} ({target})"
                await self._finish(result, exchange, asked, give_up=True)
                return result
            if refreshed or exchange.status == 303 or (exchange.status in (301, 302) and method == "POST"):
                method, body = "GET", None  # what browsers do; 307/308 keep the method and body
                extra_headers = {k: v for k, v in extra_headers.items() if k.lower() != "content-type"}
            # coming back to a URL is a loop only if nothing changed: a redirect to the same URL that
            # sets a session cookie is an ordinary way to start a session
            visit = (method, target, self._cookie_state())
            looped, too_many = visit in seen, hop == MAX_REDIRECTS
            if looped or too_many:
                challenge = detect_challenge(exchange.status, exchange.headers, "")
                why = f"redirect loop at {target}" if looped else f"more than {MAX_REDIRECTS} redirects"
                result.reason = why + (f" ({challenge})" if challenge else "")
                await self._finish(result, exchange, asked, give_up=True, blocked=challenge is not None)
                return result
            seen.add(visit)
            current = target
        await self._finish(result, exchange, asked)
        return result

    def _cookie_state(self) -> frozenset[tuple[str, str, str]]:
        assert self._client is not None
        return frozenset((c.domain, c.name, c.value or "") for c in self._client.cookies.jar)

    async def _send_with_retries(
        self,
        method: str,
        url: str,
        body: bytes | None,
        headers: dict[str, str],
        politeness: Politeness,
        result: FetchResult,
    ) -> Exchange:
        assert self._client is not None
        client = self._client
        host = host_of(url)
        slot = self._limiter.slot_for(host)
        host_stats = self.stats.host(host)

        async def attempt() -> Exchange:
            async with slot.slot():
                started = time.monotonic()
                host_stats.requests_sent += 1
                result.attempts += 1
                try:
                    ex = await exchange_once(client, method, url, body, headers, politeness)
                finally:
                    host_stats.seconds_busy += time.monotonic() - started
            host_stats.bytes_downloaded += ex.wire_bytes
            if ex.retry_after is not None and ex.retry_after > politeness.backoff_max_seconds:
                _, give_up = wait_before_retry(1, politeness, ex.retry_after)
                ex.retry_reason, ex.error = None, give_up
                slot.pause_for(politeness.backoff_max_seconds)
            return ex

        def wait(state: RetryCallState) -> float:
            ex: Exchange = state.outcome.result()  # type: ignore[union-attr]
            seconds, _ = wait_before_retry(state.attempt_number, politeness, ex.retry_after, self._rng)
            return seconds or 0.0

        def before_sleep(state: RetryCallState) -> None:
            # runs only when a retry will really happen (tenacity computes `wait` before `stop`)
            host_stats.retries += 1
            ex: Exchange = state.outcome.result()  # type: ignore[union-attr]
            if ex.status in (429, 503):
                slot.pause_for(state.upcoming_sleep)  # the whole host is overloaded, not just this URL

        retrying = AsyncRetrying(
            stop=stop_after_attempt(politeness.max_retries + 1),
            wait=wait,
            retry=retry_if_result(lambda ex: ex.retry_reason is not None),
            before_sleep=before_sleep,
            retry_error_callback=lambda state: state.outcome.result(),  # type: ignore[union-attr]
            reraise=True,
        )
        return await retrying(attempt)

    async def _finish(
        self,
        result: FetchResult,
        exchange: Exchange | None,
        asked: _Asked,
        *,
        give_up: bool = False,
        blocked: bool = False,
    ) -> None:
        """Decide the outcome from the last exchange, archive it, and shape what the caller sees."""
        if exchange is not None and result.outcome is not Outcome.SKIPPED_ROBOTS:
            _judge(result, exchange, give_up=give_up, blocked=blocked)
        if result.outcome is Outcome.NOT_MODIFIED:
            await self._serve_not_modified(result, exchange, asked)
            return
        await self._record(result, exchange, asked)
        if result.outcome is Outcome.BLOCKED:
            result.body, result.text, result.encoding = b"", None, None  # evidence stays in the archive

    async def _record(self, result: FetchResult, exchange: Exchange | None, asked: _Asked) -> None:
        if self.archive is None:
            return
        method, body = asked
        # off the event loop: gzip-compressing a 30 MB PDF takes most of a second
        if exchange is None:
            await asyncio.to_thread(self.archive.record, result, None, body, method=method)
        else:
            sent = (exchange.method, exchange.request_body)
            await asyncio.to_thread(
                self.archive.record, result, exchange.request_headers, body, method=method, sent=sent
            )

    async def _serve_not_modified(
        self, result: FetchResult, exchange: Exchange | None, asked: _Asked
    ) -> None:
        try:
            archived = (
                await asyncio.to_thread(self.archive.read, result.url) if self.archive is not None else None
            )
        except ArchiveError as exc:
            archived, why = None, f"HTTP 304 but the archived copy is unreadable: {exc}"
        else:
            why = "HTTP 304 but no archived copy to serve"
        if archived is None:
            result.outcome, result.reason = Outcome.FAILED, why
            await self._record(result, exchange, asked)
            return
        await self._record(result, exchange, asked)
        result.body, result.text, result.encoding = archived.body, archived.text, archived.encoding
        result.headers = {**archived.headers, **(exchange.headers if exchange else {})}


def _moved_to(exchange: Exchange, current: str) -> tuple[str | None, bool]:
    """Where the response sends the client: (target, by a page refresh rather than HTTP)."""
    if exchange.status in _REDIRECT_STATUSES:
        location = exchange.headers.get("location")
        return (urljoin(current, location.strip()) if location else None), False
    content_type = exchange.headers.get("content-type") or ""
    if exchange.status != 200 or "html" not in content_type.lower() or not might_move(exchange.body):
        return None, False
    text, _ = decode_body(exchange.body, content_type)
    if detect_challenge(exchange.status, exchange.headers, text):
        return None, False  # a wall's script redirect leads back to the wall; _judge records it
    return refresh_target(text, current), True


def _judge(result: FetchResult, exchange: Exchange, *, give_up: bool, blocked: bool) -> None:
    """The outcome of a fetch from its last exchange (redirect decisions already taken)."""
    result.body = exchange.body
    content_type = exchange.headers.get("content-type")
    tries = f" after {result.attempts} attempts" if result.attempts > 1 else ""
    if exchange.error is not None:
        result.outcome, result.reason = Outcome.FAILED, exchange.error + tries
        result.body = b""  # never a partial body
        return
    if blocked or give_up:
        result.outcome = Outcome.BLOCKED if blocked else Outcome.FAILED
        return
    text = None
    if result.body and (is_text_type(content_type) or not content_type):
        text, result.encoding = decode_body(result.body, content_type)
    challenge = detect_challenge(exchange.status, exchange.headers, text or "")
    if challenge:
        result.outcome, result.reason = Outcome.BLOCKED, challenge
    elif exchange.status == 304:
        result.outcome = Outcome.NOT_MODIFIED
    elif exchange.status is not None and 200 <= exchange.status < 300:
        result.outcome, result.text = Outcome.OK, text
    else:
        result.outcome, result.reason = Outcome.FAILED, f"HTTP {exchange.status}{tries}"
