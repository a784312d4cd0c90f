"""Cost of the fetcher's own machinery and of the raw archive, against a loopback server.

    .venv/bin/python bench/fetcher_archive.py --pages 400

Prints: pages/s fetched with no archive, with the archive (WARC + sqlite per fetch), and a second
pass answered by 304s; replay pages/s; archive bytes on disk before and after a refetch of unchanged
pages (revisit records instead of copies); peak memory while a gzip bomb is refused.
Politeness is opened wide (1000 req/s, 8 connections) so the figures show overhead, not pacing.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawlers.archive import Archive
from crawlers.fetcher import Fetcher
from crawlers.model import Outcome, Politeness
from tests.support.http_server import LoopbackServer, Reply

WIDE = Politeness(requests_per_second=1000, max_connections=8, max_retries=0, timeout_seconds=10)


def page(i: int) -> bytes:
    body = "".join(f"<p>第{n}条 推进依法行政，提升执法规范化水平。</p>" for n in range(200))
    return f"<html><head><title>报告 {i}</title></head><body>{body}</body></html>".encode("gbk")


async def fetch_all(urls: list[str], archive: Archive | None, replay: bool = False) -> tuple[float, list]:
    async with Fetcher(archive=archive, default_politeness=WIDE, replay=replay) as fetcher:
        started = time.perf_counter()
        results = await asyncio.gather(*(fetcher.fetch(u) for u in urls))
        return time.perf_counter() - started, results


def disk_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in (root / "warc").glob("*.warc.gz"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=400)
    n = parser.parse_args().pages
    with LoopbackServer("127.0.0.2") as srv, tempfile.TemporaryDirectory() as tmp:
        srv.route("/robots.txt", Reply(404))
        for i in range(n):

            def answer(req, i=i):
                if req.headers.get("if-none-match") == f'"{i}"':
                    return Reply(304, headers=[("ETag", f'"{i}"')])
                headers = [("ETag", f'"{i}"'), ("Content-Type", "text/html; charset=gbk")]
                return Reply(body=page(i), headers=headers)

            srv.route(f"/p{i}", answer)
        urls = [srv.url(f"/p{i}") for i in range(n)]
        root = Path(tmp)
        archive = Archive(root)
        size = len(page(0))

        secs, results = asyncio.run(fetch_all(urls, None))
        assert all(r.outcome is Outcome.OK for r in results)
        print(f"pages: {n} x {size} bytes (GBK)")
        print(f"no archive      : {n / secs:8.1f} pages/s")
        secs, results = asyncio.run(fetch_all(urls, archive))
        assert all(r.outcome is Outcome.OK for r in results)
        first = disk_bytes(root)
        print(f"with archive    : {n / secs:8.1f} pages/s   WARC on disk {first / 1e6:.2f} MB")
        secs, results = asyncio.run(fetch_all(urls, archive))
        assert all(r.outcome is Outcome.NOT_MODIFIED for r in results)
        grew = (disk_bytes(root) - first) / 1e3
        print(f"revalidate (304): {n / secs:8.1f} pages/s   WARC grew by {grew:.1f} kB")
        requests_before = len(srv.hits())
        secs, results = asyncio.run(fetch_all(urls, archive, replay=True))
        assert all(r.outcome is Outcome.OK for r in results) and len(srv.hits()) == requests_before
        print(f"replay          : {n / secs:8.1f} pages/s   requests sent 0")

        bomb = gzip.compress(b"\0" * 500_000_000)
        srv.route("/bomb", Reply(body=bomb, headers=[("Content-Encoding", "gzip")]))
        tracemalloc.start()
        _, (result,) = asyncio.run(fetch_all([srv.url("/bomb")], None))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"gzip bomb       : {len(bomb) / 1e3:.0f} kB -> 500 MB refused ({result.outcome}), "
            f"peak Python memory {peak / 1e6:.1f} MB"
        )


if __name__ == "__main__":
    main()
