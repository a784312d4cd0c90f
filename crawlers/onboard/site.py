"""Find the columns that hold a portal's reports from its home address alone.

Three ways in, cheapest evidence first:
1. a bounded best-first walk from the home page: links are followed by what their anchor text says
   (政府信息公开 › 法定主动公开内容 › 法治政府建设…), navigation-like links only, under hard caps on
   pages and depth; a page whose links (or family list) lead to reports is a column;
2. the portal's own site search where its family has one (search.py), whose hits name their
   column when the CMS writes it into the address (columns.py);
3. sitemap.xml (robots.txt `Sitemap:` lines first), whose article addresses name rule-of-law columns.

    findings = await discover_site("http://www.example.gov.cn/", fetcher)
    findings.columns  # [FoundColumn(url, adapter, family, name, reports, via)]
"""

from __future__ import annotations

import asyncio
import heapq
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from crawlers.adapters import ADAPTERS, FetcherLike
from crawlers.adapters.auto import PrimedFetcher
from crawlers.adapters.base import DiscoveryError
from crawlers.adapters.generic import is_listing
from crawlers.adapters.links import Anchor, anchors
from crawlers.adapters.listapi import find_list_apis
from crawlers.adapters.text import guess_report_year, looks_like_report, normalise
from crawlers.canonical import canonical_page, is_copy, page_key
from crawlers.counting import CountingFetcher
from crawlers.model import Column, FetchResult, Outcome, Politeness, Source
from crawlers.onboard.columns import column_of_article
from crawlers.onboard.family import family_label
from crawlers.onboard.meta import page_meta, site_id_code
from crawlers.onboard.search import QUERY, SearchEndpoint, find_search, result_total
from crawlers.onboard.sitemap import TOPIC_SLUG, parse_sitemap, sitemaps_in_robots
from crawlers.recognize import adhoc_source, recognise

MAX_PAGES = 30  # pages the walk fetches, home page included
MAX_DEPTH = 4  # home › 信息公开 › 法定主动公开内容 › 其他法定信息 › column
MAX_PROBES = 12  # columns named by search hits or the sitemap, fetched to confirm them
MAX_SEARCH_PAGES = 5  # result pages per search endpoint
MAX_SITEMAPS = 3  # sitemap files read (an index and two children)
MIN_SCORE = 3  # anchors scoring less are not followed
PROBE_REQUESTS = 3  # list requests a probe may spend beyond the page in hand (a generic column's old pages)
ALL_YEARS = range(2000, 2101)  # probing asks for any year: a column is a column whatever its age

# What a navigation anchor says, and how strongly it points towards the reports. Real portals
# file the reports under 政府信息公开 › 法定主动公开内容 › 其他法定信息 (or a 法治政府建设 topic column);
# some put them in generic columns (通知公告, 工作报告, 计划总结) — those score low but are followed.
_ANCHOR_SCORES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"法治政府建设.{0,6}(年度)?报告|法治政府.{0,4}年报"), 10),
    (re.compile(r"法治政府|依法行政|法治建设|法治.{0,2}建设"), 8),
    (re.compile(r"法定主动公开|其他法定|主动公开|重点领域"), 6),
    (re.compile(r"政府信息公开|信息公开目录|政务公开|信息公开|公开目录"), 5),
    (re.compile(r"部门信息公开|部门公开|乡镇|街道|镇街|专题专栏|专题|年度报告|年报"), 3),
    (re.compile(r"通知公告|工作报告|计划总结|规划计划|公告公示|政府文件"), 3),
)
_SLUG_SCORES: tuple[tuple[re.Pattern[str], int], ...] = (
    (TOPIC_SLUG, 4),
    (re.compile(r"/(?:zfxxgk|xxgk|zwgk|fdzdgknr|gkml|gkmlpt)[\w-]*(?:/|$|\.)", re.I), 2),
)
_NAV_TEXT_MAX = 16  # navigation anchors are short; long ones are article titles
_ARTICLE_SHAPE = re.compile(
    r"/t\d{8}_\d+\.\w+$|/art_\d+_\d+\.html?$|/m?post_\d+\.html?$|/content_\d+\.\w+$|[?&]id=\d+|/c\d+/content\.",
    re.I,
)
# pager links of a list are the list's own pages, not further columns
_PAGER_TEXT = re.compile(
    r"^(首页|上一页|下一页|上页|下页|尾页|末页|前一页|后一页|\d{1,4}|[<>‹›«»]{1,2}|GO|跳转)$", re.I
)
_IMAGE_LINK = re.compile(
    r"""<a\b[^>]*\bhref\s*=\s*["']([^"'#]+)["'][^>]*>\s*<img\b[^>]*\balt\s*=\s*["']([^"']+)["']""", re.I
)
_IFRAME = re.compile(r"""<iframe\b[^>]*\bsrc\s*=\s*["']([^"']+)["']""", re.I)
_HREF_WITH_FRAGMENT = re.compile(r"""href\s*=\s*["']([^"'#]*/gkmlpt/[^"'#]*#[^"']+)["']""", re.I)


def anchor_score(text: str, url: str) -> int:
    """How strongly a link's text (and folder names) point towards rule-of-law reports."""
    t = normalise(text)
    score = max((s for pattern, s in _ANCHOR_SCORES if pattern.search(t)), default=0)
    path = urlsplit(url).path + "#" + urlsplit(url).fragment
    score += max((s for pattern, s in _SLUG_SCORES if pattern.search(path)), default=0)
    return score


@dataclass
class FoundColumn:
    url: str
    adapter: str  # the adapter that reads it (crawlers.adapters.ADAPTERS)
    family: str  # family label (family.family_label)
    name: str
    reports: int  # report links seen on its first page (or yielded by the first probe)
    via: str  # walk | search | sitemap


@dataclass
class SiteFindings:
    home_url: str
    site_name: str = ""
    site_code: str | None = None
    home_family: str = "generic"
    columns: list[FoundColumn] = field(default_factory=list)
    search_pages: list[str] = field(
        default_factory=list
    )  # first result page of each search that found reports
    reports: dict[str, str] = field(
        default_factory=dict
    )  # canonical report URL -> title, as discovery saw them
    requests: int = 0
    pages: int = 0
    notes: list[str] = field(default_factory=list)


_PUBLIC_SUFFIXES = {"gov.cn", "com.cn", "org.cn", "net.cn", "edu.cn", "cn", "com", "org", "net"}


def site_base(host: str) -> str:
    """The part of a host its own sub-sites share: www.hd.gov.cn -> hd.gov.cn."""
    return host.lower().removeprefix("www.")


def on_site(host: str, bases: set[str]) -> bool:
    """The host is a base or a subdomain of one (信息公开 often lives on xxgk.{site} or {dept}zfxxgk.{site}).

    A base that is itself a public suffix (www.gov.cn -> gov.cn) or an IP address matches only itself."""
    host = site_base(host)
    for base in bases:
        if host == base:
            return True
        if base in _PUBLIC_SUFFIXES or base.replace(".", "").isdigit():
            continue
        if host.endswith("." + base):
            return True
    return False


def site_links(html: str, page_url: str, hosts: set[str]) -> list[Anchor]:
    """On-site anchors; gkmlpt links keep their #category (the fragment names the column)."""
    with_fragment: dict[str, str] = {}
    for href in _HREF_WITH_FRAGMENT.findall(html):
        full = urljoin(page_url, href)
        with_fragment.setdefault(full.split("#", 1)[0], full)
    alt_texts = _image_link_texts(html, page_url)
    out = []
    for a in anchors(html, page_url):
        if not on_site(urlsplit(a.url).hostname or "", hosts):
            continue
        if a.url in with_fragment or (not a.text and a.url in alt_texts):
            text = a.text or alt_texts.get(a.url, "")
            a = Anchor(
                url=with_fragment.get(a.url, a.url), text=text, title=a.title or text, context=a.context
            )
        out.append(a)
    return out


def _image_link_texts(html: str, page_url: str) -> dict[str, str]:
    """Banner links (an <img> inside the <a>) are named by the image's alt text."""
    found: dict[str, str] = {}
    for m in _IMAGE_LINK.finditer(html):
        url = urljoin(page_url, m.group(1).strip()).split("#", 1)[0]
        found.setdefault(url, normalise(m.group(2)))
    return found


def iframe_sources(html: str, page_url: str) -> list[str]:
    return [
        urljoin(page_url, src.strip())
        for src in _IFRAME.findall(html)
        if not src.strip().lower().startswith(("javascript:", "about:", "data:"))
    ]


def _visit_key(url: str) -> str:
    """Pages are told apart by canonical address; gkmlpt categories by their fragment too."""
    frag = urlsplit(url).fragment
    return canonical_page(url) + (f"#{frag}" if frag and "/gkmlpt/" in url else "")


def _is_article(url: str) -> bool:
    return bool(_ARTICLE_SHAPE.search(url)) or column_of_article(url) is not None


def is_navigation(a: Anchor) -> bool:
    """A link to a list or section rather than to one document.

    Column names read like report titles (「法治政府建设年度报告」), so the address decides first:
    folder and index pages, Hanweb /col/ and gkmlpt index pages are lists; article-shaped addresses
    are documents; otherwise a short title naming no year is a column name."""
    if _is_article(a.url):
        return False
    path = urlsplit(a.url).path
    if is_listing(a.url) or "/col/col" in path or path.endswith("/gkmlpt/index"):
        return True
    return guess_report_year(a.title) is None and len(a.text) <= _NAV_TEXT_MAX


class _Budget:
    """Passes at most `left` fetches through; then answers FAILED, which ends an adapter's walk."""

    def __init__(self, inner: FetcherLike, left: int) -> None:
        self.inner = inner
        self.left = left

    async def fetch(self, url: str, **kwargs: Any) -> FetchResult:
        if self.left <= 0:
            return FetchResult(url=url, outcome=Outcome.FAILED, reason="probe budget spent")
        self.left -= 1
        return await self.inner.fetch(url, **kwargs)


class _Discovery:
    def __init__(
        self, home_url: str, fetcher: FetcherLike, source: Source, max_pages: int, max_depth: int
    ) -> None:
        self.home_url = home_url
        self.fetcher = CountingFetcher(fetcher)
        self.source = source
        self.max_pages = max_pages
        self.max_depth = max_depth
        self.hosts = {site_base(urlsplit(home_url).hostname or "")}
        self.pending: dict[str, str] = {}  # columns named by report links seen outside them
        self.findings = SiteFindings(home_url=home_url)
        self.visited: set[str] = set()
        self.column_keys: set[str] = set()
        self.searches: dict[str, SearchEndpoint] = {}
        self.last_failure = ""
        self.home_keys = {page_key(home_url)}  # and where the home address redirects (http -> https, www.)

    async def get(self, url: str) -> FetchResult | None:
        result = await self.fetcher.fetch(url, source=self.source, revalidate=True)
        self.findings.requests = self.fetcher.attempts
        if result.outcome is Outcome.SKIPPED_ROBOTS:
            self.findings.notes.append(f"robots.txt disallows {url}")
        if not result.ok or result.text is None:
            self.last_failure = result.reason or f"{result.outcome} {result.status or ''}".strip()
            return None
        return result

    def note_reports(self, links: list[Anchor]) -> list[Anchor]:
        found = [a for a in links if looks_like_report(a.title) and not is_navigation(a)]
        for a in found:
            self.findings.reports.setdefault(canonical_page(a.url), a.title)
        return found

    async def probe(self, url: str, page: FetchResult, adapter: str) -> int:
        """Reports the family adapter yields on the column's first list page (the page itself is reused)."""
        column = Column(url=url, adapter=adapter)
        primed = PrimedFetcher(_Budget(self.fetcher, PROBE_REQUESTS), {url.split("#", 1)[0]: page})
        yielded = 0
        walk = ADAPTERS[adapter](column, self.source, primed, ALL_YEARS)
        try:
            async for candidate in walk:
                self.findings.reports.setdefault(canonical_page(candidate.url), candidate.title)
                yielded += 1
                break  # one report proves the column; the crawl walks the rest
        except DiscoveryError:
            return 0
        finally:
            await walk.aclose()
        return yielded

    async def consider(self, url: str, page: FetchResult, name: str, via: str) -> list[Anchor]:
        """Record the page as a column if it leads to reports; returns its on-site links."""
        page_url = page.final_url or url
        if urlsplit(url).fragment:
            page_url = url  # keep the gkmlpt #category
        html = page.text or ""
        for endpoint in find_search(html, page_url, self.findings.site_code):
            self.searches.setdefault(endpoint.kind, endpoint)
        links = site_links(html, page_url, self.hosts)
        report_links = self.note_reports(links)
        unplaced = 0  # reports whose address names no column: only this page leads to them
        for a in report_links:  # a report linked from a home page or a generic list: its own column
            named = column_of_article(a.url)
            if named is not None:
                self.pending.setdefault(named[0], named[1])
            else:
                unplaced += 1
        # 信息公开 pages often show their column lists in an iframe: follow it as the link that led here
        links += [
            Anchor(url=src, text=name, title=name, context="")
            for src in iframe_sources(html, page_url)
            if on_site(urlsplit(src).hostname or "", self.hosts)
        ]
        adapter = recognise(page_url, html)
        if adapter == "generic" and not find_list_apis(html, page_url):
            reports = len(report_links)  # (a list shell's reports come from its API: probed below)
        else:
            reports = await self.probe(page_url, page, adapter)
        key = _visit_key(page_url)
        # The home page lists news of every kind; it is a column only for reports no other list names.
        is_home = page_key(page_url) in self.home_keys
        if reports and key not in self.column_keys and (not is_home or unplaced):
            self.column_keys.add(key)
            meta_name = page_meta(html).get("ColumnName", "")
            self.findings.columns.append(
                FoundColumn(
                    url=page_url,
                    adapter=adapter,
                    family=family_label(page_url, html),
                    # the link's words when they name the topic (a gkmlpt index's meta names the platform)
                    name=name if anchor_score(name, "") >= MIN_SCORE else meta_name or name,
                    reports=reports,
                    via=via,
                )
            )
        return links

    async def walk(self) -> None:
        home = await self.get(self.home_url)
        if home is None:
            raise DiscoveryError(f"{self.home_url}: home page unreachable ({self.last_failure})")
        self.home_keys.add(page_key(home.final_url or self.home_url))
        html = home.text or ""
        self.findings.site_name = page_meta(html).get("SiteName", "")
        self.findings.site_code = site_id_code(html)
        self.findings.home_family = family_label(self.home_url, html)
        self.visited.add(_visit_key(self.home_url))
        self.findings.pages = 1
        frontier: list[tuple[int, int, int, str, str]] = []
        seq = 0

        def push(links: list[Anchor], depth: int) -> None:
            nonlocal seq
            for a in links:
                key = _visit_key(a.url)
                if key in self.visited or is_copy(a.url) or not is_navigation(a) or _PAGER_TEXT.match(a.text):
                    continue
                score = anchor_score(a.text or a.title, a.url)
                if score >= MIN_SCORE:
                    seq += 1
                    heapq.heappush(frontier, (-(score - depth), depth, seq, a.url, a.text))

        push(await self.consider(self.home_url, home, "", "walk"), 1)
        while frontier and self.findings.pages < self.max_pages:
            _, depth, _, url, text = heapq.heappop(frontier)
            key = _visit_key(url)
            if key in self.visited:
                continue
            self.visited.add(key)
            page = await self.get(url)
            self.findings.pages += 1
            if page is None:
                continue
            links = await self.consider(url, page, text, "walk")
            if depth < self.max_depth:
                push(links, depth + 1)
        await self.probe_derived(self.pending, "walk")

    async def probe_derived(self, urls: dict[str, str], via: str) -> None:
        """Fetch columns named by search hits or sitemap entries, and keep those that list reports."""
        for url, adapter in list(urls.items())[:MAX_PROBES]:
            key = _visit_key(url)
            if key in self.column_keys or key in self.visited or self.known_page(url):
                continue
            self.visited.add(key)
            page = await self.get(url)
            if page is not None:
                await self.consider(url, page, "", via)
            elif adapter:
                self.findings.notes.append(f"{via} named column {url}, which did not answer")

    def known_page(self, url: str) -> bool:
        """A found column is served by this page (a gkmlpt index whatever its #category)."""
        bare = canonical_page(url.split("#", 1)[0])
        return any(canonical_page(c.url.split("#", 1)[0]) == bare for c in self.findings.columns)

    def covered(self, hit: str) -> bool:
        """A search hit a found column already lists (its address names that column)."""
        named = column_of_article(hit)
        return named is not None and _visit_key(named[0]) in self.column_keys

    async def search(self) -> None:
        for endpoint in self.searches.values():
            hits: set[str] = set()
            total: int | None = None
            for n in range(1, MAX_SEARCH_PAGES + 1):
                url = endpoint.url(QUERY, n)
                page = await self.get(url)
                if page is None:
                    break
                total = total if total is not None else result_total(page.text or "")
                links = site_links(page.text or "", page.final_url or url, self.hosts)
                new = [a for a in self.note_reports(links) if canonical_page(a.url) not in hits]
                hits.update(canonical_page(a.url) for a in new)
                # the columns these hits name are confirmed now, so the next page can be judged by them
                derived: dict[str, str] = {}
                for a in new:
                    named = column_of_article(a.url)
                    if named is not None and not self.covered(a.url):
                        derived.setdefault(named[0], named[1])
                await self.probe_derived(derived, "search")
                uncovered = [a for a in new if not self.covered(a.url)]
                if uncovered and url not in self.findings.search_pages:
                    self.findings.search_pages.append(url)
                seen_results = sum(1 for a in links if _is_article(a.url))
                # results are ranked, not dated: a page adding nothing beyond known columns ends it
                if not uncovered or (total is not None and n * max(seen_results, 1) >= total):
                    break

    async def sitemap(self) -> None:
        root = urlunsplit((*urlsplit(self.home_url)[:2], "/", "", ""))
        robots = await self.get(urljoin(root, "/robots.txt"))
        queue = sitemaps_in_robots(robots.text or "", urljoin(root, "/robots.txt")) if robots else []
        queue = queue or [urljoin(root, "/sitemap.xml")]
        derived: dict[str, str] = {}
        read = 0
        while queue and read < MAX_SITEMAPS:
            url = queue.pop(0)
            if not on_site(urlsplit(url).hostname or "", self.hosts):
                continue
            page = await self.get(url)
            read += 1
            if page is None:
                continue
            locs, children = parse_sitemap(page.text or "", url)
            queue.extend(children)
            for loc in locs:
                named = column_of_article(loc)
                if named is not None and (TOPIC_SLUG.search(urlsplit(named[0]).path) or named[1] == "gkmlpt"):
                    derived.setdefault(named[0], named[1])
        await self.probe_derived(derived, "sitemap")


async def sources_for_sites(
    home_urls: list[str] | tuple[str, ...], fetcher: FetcherLike, politeness: Politeness | None = None
) -> tuple[list[Source], list[SiteFindings]]:
    """One ad-hoc source per home address, crawling the columns its discovery found.

    Sites are discovered concurrently (the fetcher paces each host). A site where nothing was found
    yields findings (with notes) but no source."""

    async def one(url: str) -> SiteFindings:
        try:
            return await discover_site(url, fetcher, source=adhoc_source(url, "generic", politeness))
        except DiscoveryError as exc:
            return SiteFindings(home_url=url, notes=[str(exc)])

    findings = list(await asyncio.gather(*(one(u) for u in home_urls)))
    sources = []
    for found in findings:
        if found.columns or found.search_pages:
            sources.append(source_from_findings(found, politeness))
        elif not found.notes:
            found.notes.append(f"no column with reports ({found.pages} pages, {found.requests} requests)")
    return sources, findings


async def discover_site(
    home_url: str,
    fetcher: FetcherLike,
    *,
    source: Source | None = None,
    max_pages: int = MAX_PAGES,
    max_depth: int = MAX_DEPTH,
    use_search: bool = True,
    use_sitemap: bool = True,
) -> SiteFindings:
    """Columns of the portal at home_url that lead to reports, and the requests it took to find them."""
    source = source or adhoc_source(home_url, "generic")
    run = _Discovery(home_url, fetcher, source, max_pages, max_depth)
    await run.walk()
    if use_search:
        await run.search()
    if use_sitemap:
        await run.sitemap()
    return run.findings


def source_from_findings(
    findings: SiteFindings, politeness: Politeness | None = None, *, with_search: bool = True
) -> Source:
    """An ad-hoc source crawling every column found; the search result pages go last, so the crawl
    fetches from them only the reports no column listed (its dedupe skips the rest)."""
    columns = [Column(url=c.url, name=c.name, adapter=c.adapter) for c in findings.columns]
    if with_search:
        columns += [Column(url=u, name="站内搜索", adapter="generic") for u in findings.search_pages]
    base = adhoc_source(findings.home_url, "generic", politeness)
    if not columns:
        raise DiscoveryError(
            f"{findings.home_url}: no column with reports found "
            f"({findings.pages} pages, {findings.requests} requests)"
        )
    return Source(
        id=base.id,
        name=findings.site_name or base.name,
        base_url=base.base_url,
        adapter="generic",
        columns=tuple(columns),
        politeness=base.politeness,
    )
