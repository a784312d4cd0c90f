"""A loopback HTTP/1.1 server for fetcher tests, with faults on demand and a server-side log.

Runs its own event loop in a thread, so what it measures (arrival times, requests in flight) is
independent of the client under test. Bind several on 127.0.0.2, 127.0.0.3, … to get distinct hosts.

    with LoopbackServer("127.0.0.2") as srv:
        srv.route("/a", Reply(body=b"hi"))
        srv.route("/slow", lambda req: Reply(delay=2))
        srv.url("/a")
"""

from __future__ import annotations

import asyncio
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus


@dataclass
class Reply:
    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    delay: float = 0.0  # seconds before the status line is sent
    content_length: int | None = None  # a Content-Length to claim; larger than the body = truncation
    reset: bool = False  # drop the connection without answering


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    arrived: float  # time.monotonic() on the server


Handler = Reply | Callable[[Request], Reply]


class LoopbackServer:
    def __init__(self, host: str = "127.0.0.1", ssl_context: ssl.SSLContext | None = None) -> None:
        self.host = host
        self.ssl_context = ssl_context
        self.port = 0
        self.routes: dict[str, Handler] = {}
        self.log: list[Request] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self._lock = threading.Lock()

    # -- test-facing ---------------------------------------------------------------------------

    def url(self, path: str) -> str:
        scheme = "https" if self.ssl_context else "http"
        return f"{scheme}://{self.host}:{self.port}{path}"

    def route(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def hits(self, path: str | None = None) -> list[Request]:
        with self._lock:
            return [r for r in self.log if path is None or r.path == path]

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._start(), self._loop)
        future.result(timeout=10)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    # -- server --------------------------------------------------------------------------------

    async def _start(self) -> None:
        self._server = await asyncio.start_server(self._serve, self.host, 0, ssl=self.ssl_context)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _stop(self) -> None:
        assert self._server is not None
        self._server.close()
        for task in [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]:
            task.cancel()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await self._read_request(reader)
                if request is None:
                    break
                keep_open = await self._answer(request, writer)
                if not keep_open:
                    break
        except (ConnectionError, ssl.SSLError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass  # the client hung up, or the server is shutting down
        finally:
            writer.close()

    async def _read_request(self, reader: asyncio.StreamReader) -> Request | None:
        line = await reader.readline()
        if not line:
            return None
        method, target, _ = line.decode("latin-1").split(" ", 2)
        headers: dict[str, str] = {}
        while (header := await reader.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = header.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        request = Request(method, target, headers, body, time.monotonic())
        with self._lock:
            self.log.append(request)
        return request

    async def _answer(self, request: Request, writer: asyncio.StreamWriter) -> bool:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            handler = self.routes.get(request.path.split("?")[0]) or Reply(status=404, body=b"not found")
            reply = handler(request) if callable(handler) else handler
            if reply.delay:
                await asyncio.sleep(reply.delay)
            if reply.reset:
                transport = writer.transport
                transport.abort()
                return False
            phrase = HTTPStatus(reply.status).phrase if reply.status in HTTPStatus._value2member_map_ else "X"
            length = reply.content_length if reply.content_length is not None else len(reply.body)
            head = [f"HTTP/1.1 {reply.status} {phrase}", f"Content-Length: {length}"]
            head += [f"{k}: {v}" for k, v in reply.headers]
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode("utf-8") + reply.body)
            await writer.drain()
            # a truncated body ends with the connection
            return reply.content_length is None or reply.content_length == len(reply.body)
        finally:
            with self._lock:
                self.in_flight -= 1
