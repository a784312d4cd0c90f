"""The crawl loop: walk every column with its adapter, fetch each wanted report once, then its attachments.

    summary = crawl_sources(load_sources("sources/real.toml"), range(2019, 2024), Path("data"))

Discovery of all columns of a source runs before its report pages are fetched, so a report listed in
two columns (or by two sources) is fetched once. Sources run concurrently; the fetcher enforces the
per-host politeness, this loop only bounds how many requests it queues per source."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawlers.adapters import FetcherLike, adapter_for, adapter_name
from crawlers.adapters.attachments import find_attachments
from crawlers.adapters.base import DiscoveryError
from crawlers.adapters.text import guess_report_year
from crawlers.archive import Archive
from crawlers.canonical import canonical_page, page_key
from crawlers.counting import CountingFetcher
from crawlers.fetcher import DEFAULT_CONTACT_URL, Fetcher, host_allowed
from crawlers.model import Candidate, FetchResult, Outcome, Source
from crawlers.onboard.site import sources_for_sites
from crawlers.progress import CrawlProgress
from crawlers.recognize import adhoc_source, recognise
from crawlers.registry import allowed_hosts
from crawlers.summary import ColumnEntry, CrawlSummary, ReportEntry

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml", "text/plain", "")


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def wanted(candidate: Candidate, years: range) -> bool:
    """Is this candidate about one of the years asked for?

    The title's year decides when it names one. Otherwise the listing date must fit: the report on
    year Y is published in Y+1 (early ones late in Y), so publication years min(years)..max(years)+1."""
    if candidate.report_year is not None:
        return candidate.report_year in years
    if candidate.listed_date is None:
        return True  # undated and unnamed: the parser will tell
    return min(years) <= candidate.listed_date.year <= max(years) + 1


class _Crawl:
    def __init__(self, fetcher: FetcherLike, years: range, progress: CrawlProgress | None) -> None:
        self.fetcher = fetcher
        self.years = years
        self.progress = progress
        self.summary = CrawlSummary(years=list(years), started_at=datetime.now(UTC))
        self.claimed: set[str] = set()  # dedupe keys of candidates some source already fetches

    async def discover(self, source: Source) -> list[Candidate]:
        kept: list[Candidate] = []
        hosts = allowed_hosts(source)
        for column in source.columns:
            name = adapter_name(column, source)
            entry = ColumnEntry(source_id=source.id, column_url=column.url, adapter=name)
            self.summary.columns.append(entry)
            counting = CountingFetcher(self.fetcher)
            try:
                adapter = adapter_for(column, source)
                async for candidate in adapter(column, source, counting, self.years):
                    entry.candidates += 1
                    if not host_allowed(host_of(candidate.url), hosts):
                        entry.offsite += 1  # the registry bounds where a source's crawl may go
                        continue
                    key = page_key(candidate.url)
                    if key in self.claimed or not wanted(candidate, self.years):
                        continue
                    self.claimed.add(key)
                    # a 繁体 gateway or mobile link stands for the original page: archive that one
                    candidate = replace(candidate, url=canonical_page(candidate.url))
                    kept.append(candidate)
                    self.summary.host(host_of(candidate.url)).found += 1
                    if self.progress:
                        self.progress.found(host_of(candidate.url))
            except DiscoveryError as exc:
                entry.error = str(exc)
            except Exception as exc:  # one broken column must not end the crawl of the others
                log.exception("discovery of %s failed", column.url)
                entry.error = f"{type(exc).__name__}: {exc}"
            entry.list_requests = counting.attempts
        return kept

    async def fetch_candidate(self, source: Source, candidate: Candidate) -> FetchResult:
        result = await self.fetcher.fetch(candidate.url, source=source, revalidate=True)
        # the archive also keeps error and challenge answers: archived means the content is there
        archived = result.ok and (result.archive_ref is not None or result.outcome == Outcome.NOT_MODIFIED)
        self.summary.candidates.append(candidate)
        self.summary.host(host_of(candidate.url)).count(result)
        self.summary.reports.append(
            ReportEntry(
                url=candidate.url,
                source_id=source.id,
                title=candidate.title,
                report_year=candidate.report_year,
                listed_date=candidate.listed_date.isoformat() if candidate.listed_date else None,
                attachment_of=candidate.attachment_of,
                final_url=result.final_url,
                status=str(result.outcome),
                http_status=result.status,
                archived=archived,
                archive_ref=result.archive_ref,
                reason=result.reason,
            )
        )
        if self.progress:
            self.progress.fetched(host_of(candidate.url))
        return result

    async def fetch_report(self, source: Source, candidate: Candidate) -> None:
        result = await self.fetch_candidate(source, candidate)
        if not result.ok or result.text is None:
            return
        content_type = result.headers.get("content-type", "").split(";")[0].strip().lower()
        if not content_type.startswith(_HTML_TYPES):
            return
        attachments = []
        hosts = allowed_hosts(source)
        for att in find_attachments(result.text, result.final_url or candidate.url):
            key = page_key(att.url)
            if key in self.claimed or not host_allowed(host_of(att.url), hosts):
                continue
            self.claimed.add(key)
            title = att.text or candidate.title
            attachments.append(
                replace(
                    candidate,
                    url=canonical_page(att.url),
                    title=title,
                    report_year=guess_report_year(title) or candidate.report_year,
                    attachment_of=candidate.url,
                )
            )
        for att_candidate in attachments:
            self.summary.host(host_of(att_candidate.url)).found += 1
            if self.progress:
                self.progress.found(host_of(att_candidate.url))
        await asyncio.gather(*(self.fetch_candidate(source, a) for a in attachments))

    async def crawl_source(self, source: Source) -> None:
        candidates = await self.discover(source)
        # The fetcher paces each host; this bound only keeps the queue short.
        gate = asyncio.Semaphore(max(source.politeness.max_connections, 1))

        async def one(candidate: Candidate) -> None:
            async with gate:
                await self.fetch_report(source, candidate)

        await asyncio.gather(*(one(c) for c in candidates))


def _merge_fetcher_stats(summary: CrawlSummary, fetcher: Any) -> None:
    """Traffic per host from the fetcher's own counters (they include robots.txt and retries)."""
    stats = getattr(fetcher, "stats", None)
    for host, counters in (getattr(stats, "hosts", None) or {}).items():
        entry = summary.host(host)
        entry.requests = int(getattr(counters, "requests_sent", 0))
        entry.retries = int(getattr(counters, "retries", 0))
        entry.bytes_downloaded = int(getattr(counters, "bytes_downloaded", 0))
        entry.seconds = float(getattr(counters, "seconds_busy", 0.0))


async def crawl_with(
    sources: Iterable[Source],
    years: range,
    fetcher: FetcherLike,
    *,
    progress: CrawlProgress | None = None,
) -> CrawlSummary:
    """The crawl on a ready fetcher (the core; tests pass a fake fetcher)."""
    if not years:
        raise ValueError("years is empty")
    crawl = _Crawl(fetcher, years, progress)
    sources = list(sources)
    for source in sources:
        register = getattr(fetcher, "register_source", None)
        if register is not None:
            register(source)
    await asyncio.gather(*(crawl.crawl_source(s) for s in sources))
    crawl.summary.finished_at = datetime.now(UTC)
    _merge_fetcher_stats(crawl.summary, fetcher)
    return crawl.summary


async def sources_for_columns(column_urls: Iterable[str], fetcher: FetcherLike) -> list[Source]:
    """Ad-hoc sources for bare column URLs: the family is read from each column page, one source per host."""
    by_id: dict[str, Source] = {}
    for url in column_urls:
        probe = adhoc_source(url, "generic")
        result = await fetcher.fetch(url, source=probe, revalidate=True)
        family = recognise(url, result.text or "") if result.ok else "generic"
        source = adhoc_source(url, family)
        if source.id in by_id:
            known = by_id[source.id]
            source = replace(known, columns=(*known.columns, *source.columns))
        by_id[source.id] = source
    return list(by_id.values())


async def crawl_sources_async(
    sources: Iterable[Source],
    years: range,
    data_dir: Path,
    *,
    columns: Iterable[str] = (),
    sites: Iterable[str] = (),
    site_findings: list[Any] | None = None,
    contact_url: str | None = None,
    replay: bool = False,
    show_progress: bool = False,
) -> CrawlSummary:
    """Crawl with the project's fetcher, archiving every response under data_dir/raw.

    `columns` are bare column URLs crawled as ad-hoc sources (family recognised from the page);
    `sites` are home addresses whose report columns are discovered first (crawlers.onboard.site),
    their findings appended to `site_findings` when given."""
    archive = Archive(Path(data_dir) / "raw")
    async with Fetcher(archive=archive, contact_url=contact_url or DEFAULT_CONTACT_URL, replay=replay) as f:
        sources = list(sources)
        taken = {s.id for s in sources}
        for extra in await sources_for_columns(columns, f):
            sources.append(extra if extra.id not in taken else replace(extra, id=f"{extra.id}-column"))
        if sites:
            taken = {s.id for s in sources}
            found, findings = await sources_for_sites(list(sites), f)
            sources += [s if s.id not in taken else replace(s, id=f"{s.id}-site") for s in found]
            if site_findings is not None:
                site_findings.extend(findings)
        if not show_progress:
            return await crawl_with(sources, years, f)
        with CrawlProgress() as progress:
            return await crawl_with(sources, years, f, progress=progress)


def crawl_sources(
    sources: Iterable[Source],
    years: range,
    data_dir: Path,
    *,
    columns: Iterable[str] = (),
    sites: Iterable[str] = (),
    site_findings: list[Any] | None = None,
    contact_url: str | None = None,
    replay: bool = False,
    show_progress: bool = False,
) -> CrawlSummary:
    """The one entry point of the pipeline: crawl these sources (and bare columns, and home addresses)."""
    return asyncio.run(
        crawl_sources_async(
            sources,
            years,
            data_dir,
            columns=columns,
            sites=sites,
            site_findings=site_findings,
            contact_url=contact_url,
            replay=replay,
            show_progress=show_progress,
        )
    )
