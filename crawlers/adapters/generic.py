"""Any other portal: report-like link texts, next-page links, and a short walk into rule-of-law sections.

Used for NFCMS (Guangdong post_{id}.html lists), Lonsun, Kaipu and unknown templates. It reads what a
person reads: anchors whose text names a rule-of-law report, pagination links (下一页, ?page=N,
index_N, a pager shipped base64-encoded, page functions called from onclick handlers: scripted),
sub-column links named after 法治政府建设 or after a year one or two levels down, and the list API an
empty column shell calls (listapi). Titles the list cut short are kept in the report column itself,
and elsewhere read from the article when they name a year asked (a bounded number of looks). Caps
keep it cheap."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import AsyncIterator
from urllib.parse import parse_qsl, urlsplit

from selectolax.lexbor import LexborHTMLParser

from crawlers.adapters import listapi
from crawlers.adapters.base import DiscoveryError, FetcherLike, get_page, page_is_stale
from crawlers.adapters.encoded import decoded_fragments
from crawlers.adapters.links import Anchor, anchors, canonical_url, directory_of, same_site
from crawlers.adapters.scripted import PageRequest, scripted_pages
from crawlers.adapters.text import (
    date_from_url,
    find_date,
    guess_report_year,
    is_report_column,
    looks_like_cut_report,
    looks_like_report,
    normalise,
)
from crawlers.model import Candidate, Column, Source
from crawlers.registry import allowed_hosts

MAX_PAGES = 30  # list pages per column, pagination and sections together
MAX_DEPTH = 2  # section links followed from the column page
# Articles opened to read a title the list cut before its topic (in a column that is not the report
# column): only cut titles naming an asked year and no other genre, newest first, up to this many a
# column for each year asked (a general column files one or two such items a month).
MAX_PEEKS_PER_YEAR = 10
_NEXT_TEXT = re.compile(r"^(下一页|下页|后页|下一頁|>|›|»|>>|next)$", re.I)
_SECTION_TEXT = re.compile(r"法治政府|依法行政|法治建设")  # sub-columns worth walking
# a column's year archives, linked as 「2023年」: below its folder (…/fzzfjs/2023/) or beside it under
# a name that extends the folder's (Shanghai /nw12344/ → /nw123442021/)
_YEAR_TEXT = re.compile(r"((?:19|20)\d{2})\s*(?:年|年度)?")
_LIST_PATH = re.compile(r"(/|/(?:index|default|list|[a-z]*list)(?:_\d+)?\.\w+)$", re.I)
_PAGE_NUMBER = re.compile(r"(?:[_/-]|^)(\d{1,4})\.\w+$")
_PAGE_PARAMS = ("page", "pageNum", "pageNo", "pageIndex", "cur_page", "curPage", "currentPage", "p", "pn")


def is_listing(url: str) -> bool:
    """A folder or index-like page: a list to walk rather than an article to fetch.

    Besides index/list names, a page named after its own folder is the folder's list
    (/zfxxgk/fzzfjsndbg/fzzfjsndbg.shtml, gfxwj/gfxwj_2.shtml): articles carry ids or dates."""
    path = urlsplit(url).path
    if _LIST_PATH.search(path):
        return True
    folder, _, name = path.rpartition("/")
    stem = re.sub(r"_\d+$", "", name.split(".", 1)[0])
    return bool(stem) and not stem.isdigit() and stem == folder.rpartition("/")[2]


def _page_number(url: str) -> int | None:
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query):
        if key in _PAGE_PARAMS and value.isdigit():
            return int(value)
    m = _PAGE_NUMBER.search(parts.path.rsplit("/", 1)[-1])
    return int(m.group(1)) if m else None


def next_pages(links: list[Anchor], page_url: str) -> list[str]:
    """Pagination links of a list page: '下一页' and friends, else numbered pages after this one."""
    labelled = [a.url for a in links if _NEXT_TEXT.match(a.text) and a.url != page_url]
    if labelled:
        return labelled[:1]
    current = _page_number(page_url) or 1
    here = urlsplit(page_url)
    numbered = []
    for a in links:
        parts = urlsplit(a.url)
        n = _page_number(a.url)
        if n is None or n <= current or parts.netloc != here.netloc or not a.text.strip().isdigit():
            continue
        if parts.path.rsplit("/", 1)[0] == here.path.rsplit("/", 1)[0]:
            numbered.append((n, a.url))
    return [min(numbered)[1]] if numbered else []


async def discover(
    column: Column, source: Source, fetcher: FetcherLike, years: range
) -> AsyncIterator[Candidate]:
    hosts = allowed_hosts(source)
    # sub-columns of this column only: navigation bars link every other 法治政府建设 page of the site
    below = urlsplit(directory_of(column.url)).path
    # (request, depth, page number asked when a scripted pager posted it)
    queue: deque[tuple[PageRequest, int, int | None]] = deque([(PageRequest(column.url), 0, None)])
    visited: set[str] = set()
    yielded: set[str] = set()
    apis_walked: set[str] = set()
    pages = 0
    peeks = 0
    # cut titles that proved to be something else, digits masked: a general column repeats its series
    # (the yearly disclosure report, the monthly budget notice), so one look answers for the others
    not_reports: set[str] = set()
    while queue and pages < MAX_PAGES:
        request, depth, asked = queue.popleft()
        url = request.url
        key = canonical_url(url) + ("" if request.form is None else request.key)
        if key in visited:
            continue
        visited.add(key)
        try:
            if request.form is None:
                page = await get_page(fetcher, url, source)
            else:
                page = await get_page(fetcher, url, source, method="POST", data=dict(request.form))
        except DiscoveryError:
            if pages == 0:
                raise  # the column itself is unreachable: the crawl reports it
            continue  # a dead section or page link deeper down is not the column's failure
        pages += 1
        page_url = page.final_url or url
        html = page.text or ""
        # pagers some sites ship base64-encoded for a script to decode count as the page's links
        fragments = [a for f in decoded_fragments(html) for a in anchors(f, page_url)]
        links = [a for a in anchors(html, page_url) + fragments if same_site(a.url, hosts)]
        for api in listapi.find_list_apis(html, page_url):
            # an empty list shell: its script fetches the items from a JSON API
            if api.url in apis_walked or not same_site(api.url, hosts):
                continue
            apis_walked.add(api.url)
            try:
                async for candidate in listapi.walk(api, column, source, fetcher, years, page_url):
                    if canonical_url(candidate.url) not in yielded:
                        yielded.add(canonical_url(candidate.url))
                        yield candidate
            except DiscoveryError:
                continue  # the page's own links are still read
        # a list page of the report column itself (its ColumnName or title says so): there a title cut
        # by the list width before it reached 法治政府 is still one of the column's reports
        report_column = is_report_column(html)
        dated = []
        for a in links:
            if is_listing(a.url):
                path = urlsplit(a.url).path
                elsewhere = path.rstrip("/") != below.rstrip("/")
                sub = path.startswith(below) and elsewhere
                year = _YEAR_TEXT.fullmatch(a.title)
                if year is not None:
                    # an archive of years before the ones asked holds no report asked for
                    follow = (
                        path.startswith(below.rstrip("/")) and elsewhere and int(year.group(1)) >= min(years)
                    )
                else:
                    follow = sub and bool(_SECTION_TEXT.search(a.title))
                if follow and depth < MAX_DEPTH and canonical_url(a.url) not in visited:
                    queue.append((PageRequest(a.url), depth + 1, None))
                continue
            title = a.title
            if not looks_like_report(title) and not (report_column and looks_like_cut_report(title)):
                listed = find_date(a.context) if a.context else None
                if listed is not None:
                    dated.append(listed)
                full = None
                series = _series(a.title)
                if (
                    peeks < MAX_PEEKS_PER_YEAR * len(years)
                    and series not in not_reports
                    and _worth_opening(a, years, yielded)
                ):
                    peeks += 1
                    full = await _article_title(fetcher, a.url, source)
                    if full is not None and not looks_like_report(full):
                        not_reports.add(series)
                if full is None or not looks_like_report(full):
                    continue
                title = full
            listed = find_date(a.context) or date_from_url(a.url)
            dated.append(listed)
            key = canonical_url(a.url)
            if key in yielded:
                continue
            yielded.add(key)
            yield Candidate(
                url=a.url,
                title=title,
                source_id=source.id,
                column_url=column.url,
                listed_date=listed,
                report_year=guess_report_year(title),
            )
        if not page_is_stale(dated, years):
            following = next_pages(links, page_url)
            for nxt in following:
                queue.appendleft((PageRequest(nxt), depth, None))
            if not following:
                current = asked or _page_number(page_url) or 1
                for scripted in scripted_pages(html, page_url, current):
                    number = _requested_number(scripted)
                    queue.appendleft((scripted, depth, number))


def _series(title: str) -> str:
    return re.sub(r"\d", "#", normalise(title))


def _worth_opening(a: Anchor, years: range, yielded: set[str]) -> bool:
    """A cut title that may have lost 法治政府 (a year asked, no other genre) on an article link."""
    if canonical_url(a.url) in yielded or not looks_like_cut_report(a.title):
        return False
    return guess_report_year(a.title) in years


async def _article_title(fetcher: FetcherLike, url: str, source: Source) -> str | None:
    """The whole title an article page gives itself (ArticleTitle meta, else <h1>, else <title>)."""
    try:
        page = await get_page(fetcher, url, source)
    except DiscoveryError:
        return None
    tree = LexborHTMLParser(page.text or "")
    meta = tree.css_first('meta[name="ArticleTitle"]') or tree.css_first('meta[name="articletitle"]')
    if meta is not None and (content := (meta.attributes.get("content") or "").strip()):
        return content
    for selector in ("h1", "title"):
        node = tree.css_first(selector)
        if node is not None and (text := node.text(separator=" ").strip()):
            return text
    return None


def _requested_number(request: PageRequest) -> int | None:
    """The page number a scripted pager's request asks for (its page field, or the address's)."""
    fields = request.form or tuple(parse_qsl(urlsplit(request.url).query))
    for key, value in reversed(fields):
        if value.isdigit() and (key in _PAGE_PARAMS or "page" in key.lower()):
            return int(value)
    return _page_number(request.url)
