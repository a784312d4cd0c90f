"""One HTTP request and its bounded response body — the unit the retry loop repeats."""

from __future__ import annotations

import asyncio
import zlib
from dataclasses import dataclass, field

import httpx

from crawlers.compression import BoundedDecoder, DecompressedTooLarge, UnsupportedEncoding
from crawlers.model import Politeness
from crawlers.retry import certificate_error, parse_retry_after, retry_reason

# phase timeouts (connect, read, …) are timeout_seconds each; the whole exchange, body included,
# may take this many times as long — a big PDF on a slow county server is normal, a drip-feed is not
WHOLE_EXCHANGE_FACTOR = 6


@dataclass
class Exchange:
    url: str
    method: str = "GET"
    request_body: bytes | None = None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""  # Content-Encoding undone
    wire_bytes: int = 0
    request_headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None  # set when no complete response was received
    retry_reason: str | None = None  # set when another try may succeed
    retry_after: float | None = None


def _merged_headers(response: httpx.Response) -> dict[str, str]:
    merged: dict[str, str] = {}
    for key, value in response.headers.multi_items():
        merged[key] = f"{merged[key]}, {value}" if key in merged else value
    return merged


async def exchange_once(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    body: bytes | None,
    headers: dict[str, str],
    politeness: Politeness,
) -> Exchange:
    """Send one request and read its body within the politeness caps; never raises for network trouble."""
    ex = Exchange(url=url, method=method, request_body=body)
    try:
        request = client.build_request(
            method, url, content=body, headers=headers, timeout=httpx.Timeout(politeness.timeout_seconds)
        )
    except httpx.InvalidURL as exc:
        ex.error = f"invalid URL: {exc}"
        return ex
    ex.request_headers = dict(request.headers)
    try:
        async with asyncio.timeout(politeness.timeout_seconds * WHOLE_EXCHANGE_FACTOR):
            response = await client.send(request, stream=True)
            try:
                await _read_body(response, ex, politeness)
            finally:
                await response.aclose()
    except TimeoutError:
        ex.error = ex.retry_reason = (
            f"timeout: exchange took over {politeness.timeout_seconds * WHOLE_EXCHANGE_FACTOR:g} s"
        )
    except httpx.HTTPError as exc:
        ex.error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        if (cert := certificate_error(exc)) is not None:
            ex.error = f"TLS certificate rejected: {cert.verify_message or cert}"
        ex.retry_reason = retry_reason(None, exc)
    except httpx.InvalidURL as exc:
        # httpx parses a redirect's Location even when not following it; a garbled one lands here
        ex.error = f"invalid URL in the response (Location?): {exc}"
    if ex.error is None:
        ex.retry_reason = retry_reason(ex.status, None)
        if ex.retry_reason:
            ex.retry_after = parse_retry_after(ex.headers.get("retry-after"))
    return ex


async def _read_body(response: httpx.Response, ex: Exchange, politeness: Politeness) -> None:
    ex.status = response.status_code
    ex.headers = _merged_headers(response)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > politeness.max_body_bytes:
        ex.error = f"Content-Length {declared} exceeds max_body_bytes={politeness.max_body_bytes}; not read"
        return
    try:
        decoder = BoundedDecoder(response.headers.get("content-encoding"), politeness.max_decompressed_bytes)
    except UnsupportedEncoding as exc:
        ex.error = str(exc)
        return
    chunks: list[bytes] = []
    try:
        async for raw in response.aiter_raw():
            ex.wire_bytes += len(raw)
            if ex.wire_bytes > politeness.max_body_bytes:
                ex.error = f"body exceeds max_body_bytes={politeness.max_body_bytes}; stopped reading"
                return
            chunks.append(decoder.feed(raw))
        chunks.append(decoder.flush())
    except DecompressedTooLarge as exc:
        ex.error = f"{exc}; stopped reading"
        return
    except zlib.error as exc:  # a corrupt coding is a server fault; another try may be clean
        ex.error = ex.retry_reason = f"undecodable {response.headers.get('content-encoding')} body: {exc}"
        return
    ex.body = b"".join(chunks)
