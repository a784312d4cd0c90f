"""Hanweb JCMS columns (/col/colNNN/index.html): first records in an XML datastore, the rest by dataproxy.

The column page embeds `<script type="text/xml"><datastore><nextgroup>…</nextgroup><recordset>
<record><![CDATA[<li>…</li>]]></record>…` and the jpage plugin fetches further records with
POST {dataproxy}?startrecord=&endrecord=&perpage= and a form body naming the column; the answer is
another datastore with <totalrecord>/<totalpage>."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from urllib.parse import parse_qsl, urljoin, urlsplit

from crawlers.adapters import listapi
from crawlers.adapters.base import MAX_LIST_PAGES, DiscoveryError, FetcherLike, get_page, page_is_stale
from crawlers.adapters.links import anchors, canonical_url
from crawlers.adapters.text import date_from_url, find_date, guess_report_year, looks_like_report
from crawlers.model import Candidate, Column, Source

_DATASTORE = re.compile(r"<datastore>(.*?)</datastore>", re.S | re.I)
_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S | re.I)
_NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[(.*?)\]\]>\s*</nextgroup>", re.S | re.I)
_TOTAL_RECORD = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>|totalRecord\s*[:=]\s*['\"]?(\d+)", re.I)
_PER_PAGE = re.compile(r"perPage\s*[:=]\s*['\"]?(\d+)", re.I)
_UNIT_DIV = re.compile(r"<div[^>]*\bid=['\"]?(\d+)['\"]?[^>]*>\s*<script[^>]*type=['\"]text/xml", re.I)
_COLUMN_ID = re.compile(r"/col/col(\d+)/", re.I)
_WEBID = re.compile(r"""\b(?:i_)?webid['"]?\s*[=:]\s*['"]?(\d+)""", re.I)  # webid=3, webid: '3'
_DEFAULT_PROXY = "/module/web/jpage/dataproxy.jsp"
_PROXY_IN_PAGE = re.compile(r"""["']([^"'\s]*/dataproxy\.jsp)""", re.I)
# The jpage plugin asks for three screens at a time; so do we (fewer requests, same load per record).
_SCREENS_PER_REQUEST = 3
_DEFAULT_PER_PAGE = 15


@dataclass
class Datastore:
    records: list[str] = field(default_factory=list)
    total: int | None = None
    nextgroup: str | None = None  # href of the follow-up request


def _one_datastore(body: str) -> Datastore:
    ng = _NEXTGROUP.search(body)
    href = None
    if ng is not None:
        link = re.search(r"href\s*=\s*['\"]([^'\"]+)['\"]", ng.group(1))
        href = unescape(link.group(1)) if link else None
    total = _TOTAL_RECORD.search(body)
    return Datastore(
        records=_RECORD.findall(body),
        total=int(total.group(1) or total.group(2)) if total else None,
        nextgroup=href,
    )


def parse_datastore(text: str, column_id: str | None = None) -> Datastore | None:
    """The list's <datastore> in a column page or a dataproxy answer.

    A page may hold several jpage units (sidebars, related lists): the one whose <nextgroup> names
    this column wins, else the one with the most records."""
    stores = [_one_datastore(m.group(1)) for m in _DATASTORE.finditer(text)]
    if not stores:
        return None
    own = [s for s in stores if column_id and s.nextgroup and f"columnid={column_id}" in s.nextgroup]
    chosen = own[0] if own else max(stores, key=lambda s: len(s.records))
    if chosen.total is None and len(stores) == 1:
        # the jpage plugin's config (totalRecord: N) sits beside the datastore on column pages
        page_total = _TOTAL_RECORD.search(text)
        chosen.total = int(page_total.group(1) or page_total.group(2)) if page_total else None
    return chosen


@dataclass(frozen=True)
class Record:
    url: str
    title: str
    listed: date | None


def parse_record(fragment: str, page_url: str) -> Record | None:
    """One <li> of a record: the article link (a@title preferred) and the date in <b>/<span>/text."""
    links = [a for a in anchors(fragment, page_url) if a.title]
    if not links:
        return None
    link = next((a for a in links if "/art/" in a.url), links[0])
    text = re.sub(r"<[^>]+>", " ", fragment)
    return Record(url=link.url, title=link.title, listed=find_date(text) or date_from_url(link.url))


def proxy_form(page_html: str, column_url: str, nextgroup: str | None) -> tuple[str, dict[str, str]]:
    """Dataproxy address and the form the jpage plugin posts, from <nextgroup> and the page."""
    query = dict(parse_qsl(urlsplit(nextgroup).query)) if nextgroup else {}
    # without a <nextgroup>, the page's script names the proxy (older JCMS: /module/jslib/jquery/jpage/)
    named = _first(_PROXY_IN_PAGE, page_html)
    proxy = urljoin(column_url, urlsplit(nextgroup).path if nextgroup else named or _DEFAULT_PROXY)
    columnid = query.get("columnid") or _first(_COLUMN_ID, column_url)
    unitid = query.get("unitid") or _first(_UNIT_DIV, page_html)
    webid = query.get("webid") or _first(_WEBID, page_html)
    if not (columnid and unitid and webid):
        missing = [k for k, v in (("columnid", columnid), ("unitid", unitid), ("webid", webid)) if not v]
        raise DiscoveryError(f"{column_url}: Hanweb column without {', '.join(missing)}")
    form = {
        "col": "1",
        "appid": query.get("appid", "1"),
        "webid": webid,
        "path": query.get("path", "/"),
        "columnid": columnid,
        "sourceContentType": query.get("sourceContentType", "1"),
        "unitid": unitid,
        "webname": query.get("webname", ""),
        "permissiontype": query.get("permissiontype", "0"),
    }
    return proxy, form


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    m = pattern.search(text)
    return m.group(1) if m else None


def static_page_url(column_url: str, unitid: str, page: int) -> str:
    """The server-rendered screen `page` of a column (index.html?uid=…&pageNum=…)."""
    base = column_url.split("?", 1)[0]
    if base.endswith("/"):
        base += "index.html"
    return f"{base}?uid={unitid}&pageNum={page}"


@dataclass
class _Followups:
    """How the records after the column page are fetched: dataproxy first; when the proxy refuses
    (some sites encrypt its ids or answer empty bodies), the server-rendered screens of the column."""

    fetcher: FetcherLike
    source: Source
    page_url: str
    html: str  # the column page: it names the unit, the site and the proxy
    nextgroup: str | None
    per_page: int
    static: bool = False
    _proxy: tuple[str, dict[str, str]] | None = None

    async def after(self, fetched: int) -> Datastore:
        if not self.static:
            try:
                if self._proxy is None:
                    self._proxy = proxy_form(self.html, self.page_url, self.nextgroup)
                parsed = await self._from_proxy(*self._proxy, fetched)
                # An empty store while the column says more records remain is a refusal too: some
                # dialects put encrypted ids in <nextgroup> and answer them with an empty body.
                if parsed is not None and parsed.records:
                    return parsed
            except DiscoveryError:
                pass
            self.static = True
        return await self._from_static(fetched)

    async def _from_proxy(self, proxy: str, form: dict[str, str], fetched: int) -> Datastore | None:
        start = fetched + 1
        end = start + self.per_page * _SCREENS_PER_REQUEST - 1
        answer = await get_page(
            self.fetcher,
            f"{proxy}?startrecord={start}&endrecord={end}&perpage={self.per_page}",
            self.source,
            method="POST",
            data=form,
            headers={"X-Requested-With": "XMLHttpRequest", "Referer": self.page_url},
        )
        return parse_datastore(answer.text or "")

    async def _from_static(self, fetched: int) -> Datastore:
        query = dict(parse_qsl(urlsplit(self.nextgroup).query)) if self.nextgroup else {}
        unitid = query.get("unitid") or _first(_UNIT_DIV, self.html)
        if unitid is None:
            raise DiscoveryError(f"{self.page_url}: dataproxy failed and no unit names the static pages")
        url = static_page_url(self.page_url, unitid, fetched // self.per_page + 1)
        text = (await get_page(self.fetcher, url, self.source)).text or ""
        parsed = parse_datastore(text)
        if parsed is not None:
            return parsed
        # a plain server-rendered list: its <li> items are the records
        return Datastore(records=re.findall(r"<li\b.*?</li>", text, re.S | re.I))


async def discover(
    column: Column, source: Source, fetcher: FetcherLike, years: range
) -> AsyncIterator[Candidate]:
    first = await get_page(fetcher, column.url, source)
    page_url = first.final_url or column.url
    html = first.text or ""
    store = parse_datastore(html, _first(_COLUMN_ID, page_url))
    if store is None:
        # newer JCMS (Zhejiang 'jpaas') serves an empty column shell filled from its API gateway
        apis = listapi.find_list_apis(html, page_url)
        if not apis:
            raise DiscoveryError(f"{page_url}: no <datastore> and no list API on a Hanweb column page")
        for api in apis:
            async for candidate in listapi.walk(api, column, source, fetcher, years, page_url):
                yield candidate
        return
    per_page = int(_first(_PER_PAGE, html) or _DEFAULT_PER_PAGE)
    total = store.total
    followups = _Followups(fetcher, source, page_url, html, store.nextgroup, per_page)
    seen: set[str] = set()
    fetched = 0
    requests = 1
    while True:
        records = [r for r in (parse_record(f, page_url) for f in store.records) if r is not None]
        new = [r for r in records if canonical_url(r.url) not in seen]
        for r in new:
            seen.add(canonical_url(r.url))
            if looks_like_report(r.title):
                yield Candidate(
                    url=r.url,
                    title=r.title,
                    source_id=source.id,
                    column_url=column.url,
                    listed_date=r.listed,
                    report_year=guess_report_year(r.title),
                )
        fetched += len(store.records)
        if store.total is not None:
            total = store.total
        done = total is not None and fetched >= total
        if done or not new or requests >= MAX_LIST_PAGES or page_is_stale((r.listed for r in records), years):
            return
        store = await followups.after(fetched)
        requests += 1
