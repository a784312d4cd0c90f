"""SimPortals: render the generated world, serve every portal on its own loopback address, expose
the registry sources and the truth.

    with SimPortals(SimConfig(hosts=4, years=range(2019, 2024))) as sim:
        sim.sources      # list[crawlers.model.Source] pointing at the portals
        sim.truth        # list of dicts, one per generated page
        sim.stats(host)  # server-side accounting of one host ("127.0.0.2:43121", its IP or source id)
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import escape

from crawlers.model import Column, Politeness, Source
from crawlers.sim.config import SimConfig
from crawlers.sim.docx_file import report_docx
from crawlers.sim.families import render
from crawlers.sim.families.base import Rendered, Request, Resource
from crawlers.sim.faults import FaultPlan, ensure_every_kind, plan_faults
from crawlers.sim.generator import build_world
from crawlers.sim.model import Doc, Site
from crawlers.sim.pdf import report_pdf
from crawlers.sim.search_forms import add_search_form
from crawlers.sim.server import HostServer

ATTACHMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def attachment_bytes(fmt: str, doc: Doc) -> bytes:
    return report_pdf(doc) if fmt == "pdf" else report_docx(doc)


SIM_POLITENESS = Politeness(
    requests_per_second=10.0,
    max_connections=2,
    timeout_seconds=3.0,
    max_retries=4,
    backoff_base_seconds=0.2,
    backoff_max_seconds=2.0,
)


@dataclass
class Portal:
    site: Site
    rendered: Rendered
    faults: FaultPlan
    sitemap: bool = False  # robots.txt names a sitemap.xml listing the documents
    server: HostServer | None = None

    @property
    def netloc(self) -> str:
        assert self.server is not None
        return f"{self.server.ip}:{self.server.port}"

    @property
    def base_url(self) -> str:
        return f"http://{self.netloc}/"


def build_portals(config: SimConfig) -> list[Portal]:
    """Render every site (pure: no sockets), with robots.txt, sitemap and fault plans."""
    portals = []
    for site in build_world(config):
        rendered = render(site, config.seed)
        add_search_form(site, rendered)
        html_paths = [p for p, r in rendered.routes.items() if r.content_type.startswith("text/html")]
        faults = plan_faults(
            config.faults,
            config.seed,
            site.key,
            rendered.lists,
            rendered.leaves,
            site.encoding == "gbk",
            html_paths,
        )
        portals.append(Portal(site, rendered, faults))
    if config.faults != "none":
        ensure_every_kind([(p.site.key, p.faults, p.rendered.leaves) for p in portals], config.seed)
    for index, p in enumerate(portals):
        p.sitemap = index % 2 == 0
    return portals


def _robots(portal: Portal, host: str) -> Resource:
    lines = ["User-agent: *", "Disallow: /bak/", "Disallow: /admin/"]
    if portal.site.family == "hanweb":
        lines.append("Disallow: /jcms_files/jcms1/web1/site/module/jslib/")
    lines += [f"Disallow: {p}" for p in portal.faults.robots_disallowed()]
    if portal.sitemap:
        lines.append(f"Sitemap: http://{host}/sitemap.xml")  # robots.txt wants an absolute URL here
    return Resource(("\n".join(lines) + "\n").encode(), "text/plain; charset=utf-8")


def _sitemap(portal: Portal, host: str) -> Resource:
    urls = [e["path"] for e in portal.rendered.truth if e["kind"] in ("report", "near_miss")]
    body = "".join(f"<url><loc>http://{escape(host)}{escape(u)}</loc></url>" for u in urls)
    xml = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'
    return Resource(xml.encode(), "application/xml; charset=utf-8")


class SimPortals:
    """Context manager running all portals in a background thread with its own event loop."""

    def __init__(self, config: SimConfig | None = None) -> None:
        self.config = config or SimConfig()
        self.portals = build_portals(self.config)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._offsite: HostServer | None = None
        self._file_cache: dict[tuple[str, str], bytes] = {}
        # reportlab and python-docx run one at a time, off the event loop
        self._file_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sim-files")
        self.sources: list[Source] = []
        self.truth: list[dict] = []

    # --- lifecycle --------------------------------------------------------------------------------

    def __enter__(self) -> SimPortals:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        ready = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._start_servers())
            except BaseException as exc:  # surfaced to the caller of start()
                errors.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._stop_servers())
            loop.run_until_complete(asyncio.sleep(0.05))  # let aborted connections finish their handlers
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in pending:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.close()

        self._thread = threading.Thread(target=run, name="sim-portals", daemon=True)
        self._thread.start()
        ready.wait()
        if errors:
            raise RuntimeError(f"imitation portals failed to start: {errors[0]}") from errors[0]
        self.sources = [self._source(p) for p in self.portals]
        self.truth = [self._truth(p, e) for p in self.portals for e in p.rendered.truth]

    def stop(self) -> None:
        if self._loop and self._thread:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self._file_pool.shutdown(wait=False)
        self._loop = None

    async def _start_servers(self) -> None:
        cfg = self.config
        offsite_ip = f"127.0.0.{cfg.first_ip + len(self.portals)}"

        async def offsite_dispatch(req: Request) -> Resource:
            return Resource(b"<html><body>off-site page</body></html>")

        self._offsite = HostServer(
            offsite_ip,
            offsite_dispatch,
            FaultPlan({}, set()),
            slow_seconds=0,
            offsite=None,
            seed=cfg.seed,
            name="offsite",
        )
        await self._offsite.start(cfg.port)
        offsite_base = f"http://{offsite_ip}:{self._offsite.port}"
        for i, portal in enumerate(self.portals):
            server = HostServer(
                f"127.0.0.{cfg.first_ip + i}",
                self._dispatcher(portal),
                portal.faults,
                slow_seconds=cfg.slow_seconds,
                offsite=lambda: offsite_base,
                seed=cfg.seed,
                name=portal.site.key,
            )
            await server.start(cfg.port)
            portal.server = server

    async def _stop_servers(self) -> None:
        for p in self.portals:
            if p.server:
                await p.server.stop()
        if self._offsite:
            await self._offsite.stop()

    # --- serving ----------------------------------------------------------------------------------

    def _dispatcher(self, portal: Portal):
        routes = portal.rendered.routes
        handler = portal.rendered.handler

        async def dispatch(req: Request) -> Resource | None:
            if req.method not in ("GET", "HEAD", "POST"):
                return Resource(b"", status=405, cacheable=False)
            res = routes.get(req.raw_target)
            if res is None and req.query and handler is not None:
                res = handler(req)  # query-driven pages (pageNum=, APIs) before the bare path
            res = res or routes.get(req.path)
            if res is not None:
                return res
            for key in (req.raw_target, req.path):
                if key in portal.rendered.attachments:
                    return await self._attachment(portal, key)
            if req.path == "/robots.txt":
                return _robots(portal, req.headers.get("host", portal.netloc))
            if req.path == "/sitemap.xml" and portal.sitemap:
                return _sitemap(portal, req.headers.get("host", portal.netloc))
            if handler is not None:
                return handler(req)
            return None

        return dispatch

    async def _attachment(self, portal: Portal, key: str) -> Resource:
        fmt, doc = portal.rendered.attachments[key]
        cache_key = (portal.site.key, key)
        if cache_key not in self._file_cache:
            loop = asyncio.get_running_loop()
            self._file_cache[cache_key] = await loop.run_in_executor(
                self._file_pool, attachment_bytes, fmt, doc
            )
        return Resource(self._file_cache[cache_key], ATTACHMENT_TYPES[fmt], last_modified=doc.published)

    def attachment_bytes(self, url_or_path: str) -> bytes:
        """The file served at this attachment URL (rendered synchronously; for tests and tools)."""
        for p in self.portals:
            for key, (fmt, doc) in p.rendered.attachments.items():
                if url_or_path.endswith(key):
                    return attachment_bytes(fmt, doc)
        raise KeyError(url_or_path)

    # --- registry, truth, stats -------------------------------------------------------------------

    def _source(self, portal: Portal) -> Source:
        site = portal.site
        columns = tuple(
            Column(url=f"http://{portal.netloc}{path}", name=name, adapter=adapter)
            for path, name, adapter in portal.rendered.columns
        )
        return Source(
            id=f"sim-{site.key}",
            name=site.site_name,
            base_url=portal.base_url,
            adapter=site.family,
            columns=columns,
            region_code=site.region.code[:6],
            level=site.level,
            politeness=SIM_POLITENESS,
        )

    def _truth(self, portal: Portal, entry: dict) -> dict:
        path = entry["path"]
        fault = portal.faults.by_path.get(path)
        out = {
            "url": f"http://{portal.netloc}{path}",
            "host": portal.netloc,
            "source_id": f"sim-{portal.site.key}",
        }
        out.update({k: v for k, v in entry.items() if k != "path"})
        for link in ("report_in_attachment", "attachment_of", "simplified_url"):  # same-portal paths -> URLs
            if out.get(link):
                out[link] = f"http://{portal.netloc}{out[link]}"
        out["recoverable"] = fault is None or fault.recoverable
        parent = entry.get("attachment_of")
        if parent and out["recoverable"]:
            # an attachment is reached only through its article: lost with it for good
            parent_fault = portal.faults.by_path.get(parent)
            out["recoverable"] = parent_fault is None or parent_fault.recoverable
        out["faults"] = ([fault.label] if fault else []) + (
            ["wrong_charset"] if path in portal.faults.wrong_charset else []
        )
        return out

    def portal(self, host: str) -> Portal:
        for p in self.portals:
            if host in (
                p.netloc,
                p.server.ip if p.server else None,
                f"sim-{p.site.key}",
                p.site.key,
                p.base_url,
            ):
                return p
        raise KeyError(host)

    def stats(self, host: str) -> dict:
        """Accounting of one host: connections_max, in_flight_max, request_times, path_counts …"""
        if host == "offsite" and self._offsite:
            return self._offsite.stats.snapshot()
        server = self.portal(host).server
        assert server is not None
        return server.stats.snapshot()

    def peak_rate(self, host: str, window: float = 1.0) -> float:
        """Most requests that started within any `window` seconds at this host, per second."""
        times = sorted(self.stats(host)["request_times"])
        best, lo = 0, 0
        for hi, t in enumerate(times):
            while t - times[lo] > window:
                lo += 1
            best = max(best, hi - lo + 1)
        return best / window

    def reset_stats(self, rearm_faults: bool = False) -> None:
        """Zero every host's accounting; with rearm_faults, transient faults fail again from scratch."""
        servers = [p.server for p in self.portals if p.server] + ([self._offsite] if self._offsite else [])
        for server in servers:
            server.reset_stats()
            if rearm_faults:
                server.hits.clear()
