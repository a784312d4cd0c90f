"""TRS WCM static columns: index.html, index_1.html, … with the page count in a createPageHTML call.

Dialects handled (see research notes): `createPageHTML(count, current0, "index", "html")`,
`createPage(...)` (same arguments), the three-number variant `createPageHTML(records, count, current, …)`,
`createPageHTML('page_div', count, current1, 'prefix', 'shtml', records)` (page N = prefix_N.shtml),
arguments given as variables (`var countPage = 12`), and lists written by JavaScript
(`var url = "./202403/t…shtml"; … title = "…"`)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

from crawlers.adapters.base import MAX_LIST_PAGES, FetcherLike, get_list_page, get_page, page_is_stale
from crawlers.adapters.links import Anchor, anchors, canonical_url, directory_of, same_site
from crawlers.adapters.text import date_from_url, find_date, guess_report_year, looks_like_report, normalise
from crawlers.model import Candidate, Column, Source

_PAGER_CALL = re.compile(r"(?<![\w.])(function\s+)?createPage(?:HTML)?\s*\(([^()]*)\)")
_ARTICLE = re.compile(r"/t\d{8}_\d+\.(?:s?html?)$", re.I)
# index.html, index_3.shtml, list_2.htm …: list pages (this column's pager or a sub-column), not articles
_LIST_FILE = re.compile(r"/(?:index|default|list|[a-z]*list)(?:_\d+)?\.(?:s?html?|jsp)$", re.I)
_JS_ITEM = re.compile(r"""\burl\s*=\s*["']([^"']+)["'][^<]{0,600}?\btitle\s*=\s*["']([^"']*)["']""", re.S)
_ARTICLE_EXT = (".html", ".shtml", ".htm", ".pdf", ".doc", ".docx")


@dataclass(frozen=True)
class Pager:
    count: int
    name: str = "index"
    ext: str = "html"
    suffix_from_one: bool = False  # dialect 2: page N is name_N; dialect 1: page N is name_(N-1)

    def page_file(self, n: int) -> str:
        """File name of page n (1-based)."""
        if n == 1:
            return f"{self.name}.{self.ext}"
        return f"{self.name}_{n if self.suffix_from_one else n - 1}.{self.ext}"


def _split_args(args: str) -> list[str]:
    return [a.strip() for a in re.findall(r"""'[^']*'|"[^"]*"|[^,]+""", args)]


def _resolve(arg: str, script: str) -> str | int | None:
    """A call argument as a value: a literal, or a `var NAME = …` assigned in the page."""
    if arg[:1] in "'\"":
        return arg[1:-1]
    if re.fullmatch(r"-?\d+", arg):
        return int(arg)
    if re.fullmatch(r"[A-Za-z_$][\w$]*", arg):
        m = re.search(rf"(?<![\w.$]){re.escape(arg)}\s*=\s*(\"[^\"]*\"|'[^']*'|-?\d+)", script)
        if m:
            return _resolve(m.group(1), "")
    return None


def parse_pager(html: str) -> Pager | None:
    """The pager a TRS list page declares, or None for a single-page list."""
    for m in _PAGER_CALL.finditer(html):
        if m.group(1):  # the function's own definition
            continue
        args = _split_args(m.group(2))
        values = [_resolve(a, html) for a in args]
        if not values:
            continue
        strings = [v for v in values if isinstance(v, str)]
        if args[0][:1] in "'\"":  # ('page_div', count, current1, 'prefix', 'ext', records)
            if len(values) >= 5 and isinstance(values[1], int):
                return Pager(count=values[1], name=str(values[3]), ext=str(values[4]), suffix_from_one=True)
            continue
        # leading numeric arguments (the current page may be an unresolved variable: it is not needed)
        numbers: list[int | None] = []
        for v in values:
            if isinstance(v, str):
                break
            numbers.append(v)
        count = numbers[1] if len(numbers) >= 3 else numbers[0] if numbers else None  # (records, count, cur)
        if not isinstance(count, int):
            continue
        name = strings[0] if strings else "index"
        ext = strings[1] if len(strings) > 1 else "html"
        return Pager(count=max(count, 1), name=name or "index", ext=ext.lstrip(".") or "html")
    return None


@dataclass(frozen=True)
class Item:
    url: str
    title: str
    listed: date | None
    in_column: bool  # counts for the stopping rule (links elsewhere may be sidebars)


def list_items(html: str, page_url: str, column_dir: str) -> list[Item]:
    """Article links of a TRS list page: in the column's folder, or t-date articles elsewhere."""
    items: list[Item] = []
    seen: set[str] = set()
    col_path = urlsplit(column_dir).path
    host = urlsplit(column_dir).hostname

    def add(a: Anchor) -> None:
        key = canonical_url(a.url)
        parts = urlsplit(a.url)
        if key in seen or not a.title or not same_site(a.url, {host or ""}):
            return
        path = parts.path
        in_column = path.startswith(col_path) and path.lower().endswith(_ARTICLE_EXT)
        if _LIST_FILE.search(path):
            return
        if not in_column and not _ARTICLE.search(path):
            return
        seen.add(key)
        listed = find_date(a.context) or date_from_url(a.url)
        items.append(Item(url=a.url, title=a.title, listed=listed, in_column=in_column))

    for a in anchors(html, page_url):
        add(a)
    for m in _JS_ITEM.finditer(html):
        url = urljoin(page_url, m.group(1))
        tail = html[m.end() : m.end() + 300]
        add(Anchor(url=url, text=normalise(m.group(2)), title=normalise(m.group(2)), context=tail))
    return items


async def discover(
    column: Column, source: Source, fetcher: FetcherLike, years: range
) -> AsyncIterator[Candidate]:
    first = await get_page(fetcher, column.url, source)
    page_url = first.final_url or column.url
    column_dir = directory_of(page_url)
    pager = parse_pager(first.text or "")
    count = min(pager.count if pager else 1, MAX_LIST_PAGES)
    seen: set[str] = set()
    html = first.text or ""
    n = 1
    while True:
        items = list_items(html, page_url, column_dir)
        new = [i for i in items if canonical_url(i.url) not in seen]
        for item in new:
            seen.add(canonical_url(item.url))
            if looks_like_report(item.title):
                yield Candidate(
                    url=item.url,
                    title=item.title,
                    source_id=source.id,
                    column_url=column.url,
                    listed_date=item.listed,
                    report_year=guess_report_year(item.title),
                )
        own = [i for i in items if i.in_column]
        # Deep pages of some TRS sites repeat page 1 or are empty stubs: nothing new means the end.
        if n >= count or not new or page_is_stale((i.listed for i in own), years):
            return
        n += 1
        page_url = urljoin(column_dir, pager.page_file(n)) if pager else page_url
        further = await get_list_page(fetcher, page_url, source)
        if further is None:
            return  # the pager counted pages the site never wrote (Beijing slices page 1 in the browser)
        html = further.text or ""
