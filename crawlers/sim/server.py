"""HTTP/1.1 over asyncio streams, one listening socket per portal on its own loopback address.

Plain streams (not an HTTP framework) so faults can be exact: resets, short bodies, stalls.
Each host keeps accounting (connections, in-flight requests, request times, counts per path) that
tests read to check a crawler's politeness.
"""

from __future__ import annotations

import asyncio
import gzip
import socket
import struct
import threading
import time
import zlib
from collections import Counter, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, timedelta, timezone
from email.utils import format_datetime, formatdate, parsedate_to_datetime
from urllib.parse import parse_qsl, urlsplit

from crawlers.sim.families.base import Request, Resource
from crawlers.sim.faults import Fault, FaultPlan, ruishu_challenge

_CST = timezone(timedelta(hours=8))  # portals stamp Beijing time
_UTC = UTC

REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    304: "Not Modified",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    412: "Precondition Failed",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}
MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_BYTES = 1024 * 1024
IDLE_SECONDS = 15.0


@dataclass
class HostStats:
    """Server-side accounting for one host (read it through snapshot() from other threads)."""

    connections_open: int = 0
    connections_max: int = 0
    connections_total: int = 0
    in_flight: int = 0
    in_flight_max: int = 0
    request_times: list[float] = field(default_factory=list)  # time.monotonic() at each request start
    path_counts: Counter = field(default_factory=Counter)  # path?query -> requests
    status_counts: Counter = field(default_factory=Counter)
    user_agents: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def reset(self) -> None:
        """Zero the counters; open connections and in-flight requests are still counted."""
        with self.lock:
            self.connections_max = self.connections_open
            self.connections_total = 0
            self.in_flight_max = self.in_flight
            self.request_times.clear()
            self.path_counts.clear()
            self.status_counts.clear()
            self.user_agents.clear()

    def snapshot(self) -> dict:
        with self.lock:
            return {
                "connections_open": self.connections_open,
                "connections_max": self.connections_max,
                "connections_total": self.connections_total,
                "in_flight": self.in_flight,
                "in_flight_max": self.in_flight_max,
                "requests": len(self.request_times),
                "request_times": list(self.request_times),
                "path_counts": dict(self.path_counts),
                "status_counts": dict(self.status_counts),
                "user_agents": dict(self.user_agents),
            }


Dispatch = Callable[[Request], Awaitable[Resource | None]]


class HostServer:
    """One portal: routes, dynamic handler, fault plan, accounting."""

    def __init__(
        self,
        ip: str,
        dispatch: Dispatch,
        faults: FaultPlan,
        *,
        slow_seconds: float,
        offsite: Callable[[], str] | None,
        seed: int,
        name: str,
    ) -> None:
        self.ip = ip
        self.port = 0
        self.dispatch = dispatch
        self.faults = faults
        self.slow_seconds = slow_seconds
        self.offsite = offsite  # base URL of the off-site host, known once it listens
        self.seed = seed
        self.name = name
        self.stats = HostStats()
        self.hits: Counter = Counter()  # per path?query, drives transient faults
        self._server: asyncio.base_events.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._recent: deque[float] = deque()  # request times within the last second (rate limit)

    async def start(self, port: int) -> None:
        self._server = await asyncio.start_server(self._serve, host=self.ip, port=port, reuse_address=True)
        self.port = self._server.sockets[0].getsockname()[1]

    def reset_stats(self) -> None:
        self.stats.reset()

    async def stop(self) -> None:
        if self._server:
            self._server.close()
        for w in list(self._writers):
            w.transport.abort()
        if self._server:
            await self._server.wait_closed()

    # --- connection loop --------------------------------------------------------------------------

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        st = self.stats
        self._writers.add(writer)
        with st.lock:
            st.connections_open += 1
            st.connections_total += 1
            st.connections_max = max(st.connections_max, st.connections_open)
        try:
            while True:
                try:
                    req = await asyncio.wait_for(_read_request(reader), IDLE_SECONDS)
                except (TimeoutError, asyncio.IncompleteReadError, ConnectionError):
                    break
                except (ValueError, asyncio.LimitOverrunError) as exc:
                    # A request we cannot parse gets a 400 naming the problem, then the connection ends.
                    writer.write(
                        _head(
                            400,
                            {
                                "Content-Type": "text/plain; charset=utf-8",
                                "Connection": "close",
                                "Content-Length": str(len(str(exc).encode())),
                            },
                        )
                        + str(exc).encode()
                    )
                    with st.lock:
                        st.status_counts[400] += 1
                    await writer.drain()
                    break
                if req is None:
                    break
                with st.lock:
                    st.in_flight += 1
                    st.in_flight_max = max(st.in_flight_max, st.in_flight)
                    st.request_times.append(time.monotonic())
                    st.path_counts[req.raw_target] += 1
                    st.user_agents[req.headers.get("user-agent", "")] += 1
                try:
                    keep = await self._answer(req, writer)
                finally:
                    with st.lock:
                        st.in_flight -= 1
                if not keep:
                    break
        except (ConnectionError, OSError, asyncio.CancelledError):
            # A cancelled connection (server shutdown) ends quietly, like a closed one.
            pass
        finally:
            self._writers.discard(writer)
            with st.lock:
                st.connections_open -= 1
            writer.close()

    async def _answer(self, req: Request, writer: asyncio.StreamWriter) -> bool:
        if self._throttled():
            return await self._send(
                writer,
                req,
                429,
                _error_page(429),
                {"Content-Type": "text/html; charset=utf-8", "Retry-After": "1"},
            )
        self.hits[req.raw_target] += 1
        fault = self.faults.by_path.get(req.raw_target)
        if (
            fault
            and fault.kind != "robots"
            and (fault.times is None or self.hits[req.raw_target] <= fault.times)
        ):
            return await self._fault(fault, req, writer)
        if req.query.get("sim_loop") == "1":
            origin = _without_loop_marker(req.raw_target)
            if getattr(self.faults.by_path.get(origin), "kind", "") == "redirect_loop":
                return await self._send(writer, req, 302, b"", {"Location": origin})
        res = await self.dispatch(req)
        if res is None:
            return await self._send(
                writer, req, 404, _not_found(), {"Content-Type": "text/html; charset=utf-8"}
            )
        headers = {"Content-Type": self._content_type(req, res), **res.headers}
        if res.cacheable and res.status == 200:
            headers["ETag"] = res.etag
            if res.last_modified:
                headers["Last-Modified"] = format_datetime(
                    res.last_modified.replace(tzinfo=_CST).astimezone(_UTC), usegmt=True
                )
            if _not_modified(req, res):
                return await self._send(
                    writer,
                    req,
                    304,
                    b"",
                    {k: v for k, v in headers.items() if k in ("ETag", "Last-Modified")},
                )
        return await self._send(writer, req, res.status, res.body, headers)

    def _throttled(self) -> bool:
        """True when this request exceeds the host's rate limit (trailing one-second window)."""
        limit = self.faults.rate_limit
        if not limit:
            return False
        now = time.monotonic()
        recent = self._recent
        recent.append(now)
        while recent and now - recent[0] > 1.0:
            recent.popleft()
        return len(recent) > limit

    def _content_type(self, req: Request, res: Resource | None) -> str:
        if res is None:
            return "text/html; charset=utf-8"
        if req.raw_target in self.faults.wrong_charset:
            return "text/html; charset=utf-8"  # the header lies; the bytes are GBK
        return res.content_type

    async def _fault(self, fault: Fault, req: Request, writer: asyncio.StreamWriter) -> bool:
        html = {"Content-Type": "text/html; charset=utf-8"}
        if fault.kind in ("500", "503"):
            return await self._send(writer, req, int(fault.kind), _error_page(int(fault.kind)), html)
        if fault.kind == "429":
            return await self._send(writer, req, 429, _error_page(429), {**html, "Retry-After": "1"})
        if fault.kind == "slow":
            await asyncio.sleep(self.slow_seconds)
            res = await self.dispatch(req)
            body = res.body if res else _not_found()
            return await self._send(
                writer, req, 200 if res else 404, body, {"Content-Type": self._content_type(req, res)}
            )
        if fault.kind == "reset":
            sock = writer.get_extra_info("socket")
            if sock is not None:
                # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()
            return False
        if fault.kind == "truncate":
            res = await self.dispatch(req)
            body = res.body if res else _not_found()
            head = _head(
                200,
                {
                    "Content-Type": self._content_type(req, res),
                    "Content-Length": str(len(body)),
                    "Connection": "close",
                },
            )
            writer.write(head + body[: max(1, len(body) // 3)])
            await writer.drain()
            return False
        if fault.kind == "redirect_loop":
            joiner = "&" if "?" in req.raw_target else "?"
            return await self._send(
                writer, req, 302, b"", {"Location": f"{req.raw_target}{joiner}sim_loop=1"}
            )
        if fault.kind == "offsite":
            target = (self.offsite() if self.offsite else "http://127.0.0.1:9") + req.path
            return await self._send(writer, req, 302, b"", {"Location": target})
        if fault.kind == "challenge":
            page, cookie = ruishu_challenge(
                f"{self.seed}|{self.name}|{req.raw_target}|{self.hits[req.raw_target]}"
            )
            # Most 瑞数 deployments answer 412; some answer the same challenge with 200 (nhc.gov.cn).
            status = 200 if zlib.crc32(f"{self.seed}|{req.raw_target}".encode()) % 4 == 0 else 412
            return await self._send(writer, req, status, page, {**html, "Set-Cookie": cookie})
        raise ValueError(f"unknown fault {fault.kind}")

    async def _send(
        self, writer: asyncio.StreamWriter, req: Request, status: int, body: bytes, headers: dict[str, str]
    ) -> bool:
        keep = _keep_alive(req)
        headers = dict(headers)
        if (
            body
            and status == 200
            and "gzip" in req.headers.get("accept-encoding", "")
            and len(body) > 256
            and _compressible(headers.get("Content-Type", ""))
        ):
            body = gzip.compress(body, mtime=0)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        if status != 304:
            headers["Content-Length"] = str(len(body))
        headers["Connection"] = "keep-alive" if keep else "close"
        with self.stats.lock:
            self.stats.status_counts[status] += 1
        writer.write(_head(status, headers) + (b"" if req.method == "HEAD" or status == 304 else body))
        await writer.drain()
        return keep


# --- HTTP plumbing -------------------------------------------------------------------------------


async def _read_request(reader: asyncio.StreamReader) -> Request | None:
    head = await reader.readuntil(b"\r\n\r\n")
    if len(head) > MAX_HEADER_BYTES:
        raise ValueError("header too large")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3:
        raise ValueError("bad request line")
    method, target, _version = parts
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    headers["x-http-version"] = _version
    body = b""
    try:
        length = int(headers.get("content-length", "0") or 0)
    except ValueError:
        raise ValueError("bad Content-Length") from None
    if length < 0 or length > MAX_BODY_BYTES:
        raise ValueError("request body too large")
    if length:
        body = await reader.readexactly(length)
    split = urlsplit(target)
    query = dict(parse_qsl(split.query, keep_blank_values=True))
    raw = split.path + (f"?{split.query}" if split.query else "")
    return Request(
        method=method.upper(), path=split.path or "/", query=query, raw_target=raw, headers=headers, body=body
    )


def _without_loop_marker(target: str) -> str:
    return target.replace("?sim_loop=1", "").replace("&sim_loop=1", "")


def _keep_alive(req: Request) -> bool:
    conn = req.headers.get("connection", "").lower()
    if req.headers.get("x-http-version") == "HTTP/1.0":
        return conn == "keep-alive"
    return conn != "close"


def _head(status: int, headers: dict[str, str]) -> bytes:
    lines = [
        f"HTTP/1.1 {status} {REASONS.get(status, 'Status')}",
        f"Date: {formatdate(usegmt=True)}",
        "Server: nginx",
    ]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _compressible(content_type: str) -> bool:
    return content_type.startswith(("text/", "application/json", "application/javascript", "application/xml"))


def _not_modified(req: Request, res: Resource) -> bool:
    inm = req.headers.get("if-none-match")
    if inm is not None:
        return res.etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
    ims = req.headers.get("if-modified-since")
    if ims and res.last_modified:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        modified = res.last_modified.replace(tzinfo=_CST)
        return modified.replace(microsecond=0) <= since
    return False


def _error_page(status: int) -> bytes:
    return (
        f"<html><head><title>{status} {REASONS[status]}</title></head><body><center><h1>{status} "
        f"{REASONS[status]}</h1></center><hr><center>nginx</center></body></html>"
    ).encode()


def _not_found() -> bytes:
    return _error_page(404)
