"""Column pages that are empty shells: the list comes from a JSON API their script calls.

Two endpoints are named in the research notes (portal_patterns §1.2, §1.6):
- Zhejiang/Hangzhou JCMS: GET /api-gateway/jpaas-publish-server/front/page/build/unit?parseType=
  bulidstatic&webId=…&tplSetId=…&pageType=column&tagId=…&pageId={COL}&rows=15&pageNo=N
  → {"success":true,"data":{"html":"<div class='default_pgContainer'>…","count":"8"}}.
- the 'common/search' listing (Heilongjiang, Gansu, Hunan): GET /common/search/{channelId}?page=N&
  _pageSize=15&_isJson=true&_template=index → {data: {results: [{title, url, publishedTimeStr}], total}}.
Scripts name the endpoint either with its query string or with a `data: {key: value}` object; both
are read. Answers are read by shape, not by one site's keys: any list of objects carrying a title and
an address, and any HTML fragment with links, so sibling APIs (Suzhou loadData, gov.cn search)
answer the same reader."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin

from crawlers.adapters.base import MAX_LIST_PAGES, DiscoveryError, FetcherLike, get_page, page_is_stale
from crawlers.adapters.links import anchors, canonical_url
from crawlers.adapters.text import date_from_url, find_date, guess_report_year, looks_like_report
from crawlers.model import Candidate, Column, Source

_JPAAS = re.compile(
    r"""["']((?:https?://[^"'\s]+)?/api-gateway/jpaas-publish-server/front/page/build/unit)(\?[^"'\s]*)?["']"""
)
_COMMON_SEARCH = re.compile(r"""["']((?:https?://[^"'\s]+)?/common/search/[\w-]+)(\?[^"'\s]*)?["']""")
# Any other list endpoint a script calls: an ajax call ($.ajax({url: …}), $.post(url, {…}),
# axios.post(url, …)) whose data object carries a page parameter. Suzhou's loadData (POST pageIndex),
# Fujian's /fjdzapp/search and Jiangxi's /queryList are of this kind (portal_patterns §1.6).
_AJAX_URL = re.compile(r"""\burl\s*:\s*["']([^"'\s]+)["']""")
_POST_CALL = re.compile(r"""\.(post|get)\s*\(\s*["']([^"'\s]+)["']\s*,\s*\{""", re.I)
_AJAX_METHOD = re.compile(r"""\b(?:type|method)\s*:\s*["'](post|get)["']""", re.I)
_DATA_OBJECT = re.compile(r"""\bdata\s*:\s*\{([^{}]*)\}""")
_OBJECT_KEY = re.compile(r"""(?:^|[,{\s])["']?([A-Za-z_$][\w$]*)["']?\s*:""")
PAGE_KEYS = ("pageIndex", "pageNo", "pageNum", "page", "currentPage", "curPage", "cur_page", "pageNumber")
_NOT_A_LIST = re.compile(r"\.(?:js|css|png|jpe?g|gif|svg|ico|woff2?)(?:\?|$)|/(?:visit|count|stat)", re.I)
_JPAAS_KEYS = ("parseType", "webId", "tplSetId", "pageType", "tagId", "editType", "pageId", "rows")
_COLUMN_ID = re.compile(r"/col/col(\d+)/", re.I)
# `key: "value"`, `key: 'value'`, `key: 15`, `key: someVariable` in a data object (or `key = …`)
_PAIR = r"""(?<![\w$.])["']?{key}["']?\s*[:=]\s*(?:"([^"]*)"|'([^']*)'|(-?\d+)(?![\w.])|([A-Za-z_$][\w$]*))"""
_SCRIPT_WINDOW = 1500  # characters after the endpoint where its parameters are looked for

_TITLE_KEYS = ("title", "TITLE", "Title", "name", "docTitle", "DOCTITLE", "showTitle")
_URL_KEYS = ("url", "URL", "Url", "link", "href", "docUrl", "DOCPUBURL", "pubUrl", "detailUrl", "post_url")
_DATE_KEYS = (
    "publishedTimeStr",
    "PUBLISHED_TIME_FORMAT",
    "pubDate",
    "pubdate",
    "publishTime",
    "publish_time",
    "pubtime",
    "DOCRELPUBTIME",
    "releaseDate",
    "date",
    "created_at",
    "createTime",
)
_TOTAL_KEYS = (
    "total",
    "totalCount",
    "totalRecord",
    "totalrecord",
    "allRow",
    "count",
    "recordCount",
    "totalNum",
)


@dataclass(frozen=True)
class ListApi:
    """A list endpoint a column page's script calls, with its fixed parameters and its page parameter.

    GET endpoints take the parameters in the query; POST ones (method "POST") as a form body, the
    address keeping the query the script wrote into it."""

    url: str  # absolute; without query for GET
    params: tuple[tuple[str, str], ...]
    page_param: str
    method: str = "GET"

    def _with_page(self, n: int) -> list[tuple[str, str]]:
        return [(k, v) for k, v in self.params if k != self.page_param] + [(self.page_param, str(n))]

    def page_url(self, n: int) -> str:
        if self.method == "POST":
            return self.url
        return f"{self.url}?{urlencode(self._with_page(n))}"

    def form(self, n: int) -> dict[str, str] | None:
        """The form body of page n (None for GET endpoints)."""
        return dict(self._with_page(n)) if self.method == "POST" else None


def _script_value(script: str, key: str, page: str = "") -> str | None:
    """A literal given for `key` in a script; a variable name is looked up once in the whole page."""
    m = re.search(_PAIR.format(key=re.escape(key)), script)
    if m is None:
        return None
    literal, variable = next((g for g in m.groups()[:3] if g is not None), None), m.group(4)
    if literal is not None:
        return literal
    if variable in ("true", "false", "null", "undefined") or not page:
        return None
    return _script_value(page, variable)


def find_list_apis(html: str, page_url: str) -> list[ListApi]:
    """The JSON list endpoints a column page's scripts call (empty when it calls none we know)."""
    found: list[ListApi] = []
    for m in _JPAAS.finditer(html):
        given = dict(parse_qsl((m.group(2) or "").lstrip("?")))
        window = html[m.end() : m.end() + _SCRIPT_WINDOW]
        params = {k: given.get(k) or _script_value(window, k, html) for k in _JPAAS_KEYS}
        params["pageId"] = params["pageId"] or _first(_COLUMN_ID, page_url)
        params["parseType"] = params["parseType"] or "bulidstatic"  # sic: the platform's spelling
        params["pageType"] = params["pageType"] or "column"
        params["rows"] = params["rows"] or "15"
        if not (params["webId"] and params["pageId"]):
            continue  # without the site and the column the gateway answers nothing useful
        kept = tuple((k, v) for k, v in params.items() if v)
        found.append(ListApi(urljoin(page_url, m.group(1)), kept, "pageNo"))
    for m in _COMMON_SEARCH.finditer(html):
        given = dict(parse_qsl((m.group(2) or "").lstrip("?")))
        window = html[m.end() : m.end() + _SCRIPT_WINDOW]
        size = given.get("_pageSize") or _script_value(window, "_pageSize", html)
        size = size if size and size.isdigit() else "15"
        params = {"_isAgg": "false", "_isJson": "true", "_pageSize": size, "_template": "index", **given}
        found.append(ListApi(urljoin(page_url, m.group(1)), tuple(params.items()), "page"))
    found += _ajax_apis(html, page_url, {a.url for a in found})
    unique: dict[str, ListApi] = {}
    for api in found:
        unique.setdefault(api.url, api)
    return list(unique.values())


def _ajax_apis(html: str, page_url: str, known: set[str]) -> list[ListApi]:
    """Endpoints of ajax calls whose data object names a page parameter (any site's own list API)."""
    calls: list[tuple[str, str, str]] = []  # (endpoint, method, the call's text)
    for m in _AJAX_URL.finditer(html):
        # the call's object: the url key sits among type/data keys a few lines either side
        start = html.rfind("{", max(0, m.start() - 400), m.start())
        call = html[start if start >= 0 else m.start() : m.end() + 600]
        method = _AJAX_METHOD.search(call)
        calls.append((m.group(1), (method.group(1) if method else "GET").upper(), call))
    for m in _POST_CALL.finditer(html):
        end = html.find("}", m.end())
        calls.append((m.group(2), m.group(1).upper(), "data: {" + html[m.end() : end + 1]))
    found = []
    for endpoint, method, call in calls:
        data = _DATA_OBJECT.search(call)
        if data is None or _NOT_A_LIST.search(endpoint) or endpoint.startswith(("javascript:", "#")):
            continue
        keys = list(dict.fromkeys(_OBJECT_KEY.findall(data.group(1))))
        page_key = next((k for k in keys if k in PAGE_KEYS), None)
        if page_key is None:
            continue  # not a paged list (a counter, a login, a search box)
        params = []
        for key in keys:
            if key == page_key:
                continue
            value = _script_value(data.group(1), key, html)
            if value is not None:
                params.append((key, value))
        absolute = urljoin(page_url, endpoint)
        if method == "GET":
            absolute, _, query = absolute.partition("?")
            params = [*parse_qsl(query), *params]
        if absolute in known:
            continue
        found.append(ListApi(absolute, tuple(params), page_key, method))
    return found


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    m = pattern.search(text)
    return m.group(1) if m else None


@dataclass(frozen=True)
class Listed:
    url: str
    title: str
    listed: date | None


def _walk(node: Any) -> Iterator[Any]:
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _pick(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((obj[k] for k in keys if obj.get(k) not in (None, "")), None)


def _listed_date(value: Any) -> date | None:
    if isinstance(value, int | float) and value > 0:
        from datetime import UTC, datetime

        seconds = value / 1000 if value > 10**11 else value  # milliseconds or seconds since 1970
        return datetime.fromtimestamp(seconds, tz=UTC).date()
    return find_date(str(value)) if value is not None else None


def json_items(data: Any, api_url: str) -> list[Listed]:
    """Articles of one API answer: objects with a title and an address, and links in HTML fragments."""
    items: list[Listed] = []
    for node in _walk(data):
        if isinstance(node, dict):
            title, url = _pick(node, _TITLE_KEYS), _pick(node, _URL_KEYS)
            if isinstance(title, str) and isinstance(url, str):
                absolute = urljoin(api_url, url.strip())
                title = re.sub(r"<[^>]+>", "", title)  # search APIs highlight hits with <em>
                listed = _listed_date(_pick(node, _DATE_KEYS)) or date_from_url(absolute)
                items.append(Listed(absolute, title, listed))
        elif isinstance(node, str) and "<a" in node and "href" in node:
            for a in anchors(node, api_url):
                if a.title:
                    items.append(Listed(a.url, a.title, find_date(a.context) or date_from_url(a.url)))
    return items


def json_total(data: Any) -> int | None:
    """The record count an API answer announces, if it does."""
    for node in _walk(data):
        if isinstance(node, dict):
            value = _pick(node, _TOTAL_KEYS)
            if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
                return int(value)
    return None


async def walk(
    api: ListApi, column: Column, source: Source, fetcher: FetcherLike, years: range, referer: str
) -> AsyncIterator[Candidate]:
    """Page through one list API newest first, as the adapters walk list pages."""
    seen: set[str] = set()
    listed_so_far = 0
    for n in range(1, MAX_LIST_PAGES + 1):
        form = api.form(n)
        headers = {"X-Requested-With": "XMLHttpRequest", "Referer": referer}
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded; charset=UTF-8"
        answer = await get_page(
            fetcher,
            api.page_url(n),
            source,
            method=api.method,
            data=form,
            headers=headers,
        )
        try:
            data = json.loads(answer.text or "")
        except json.JSONDecodeError:
            data = answer.text or ""  # some endpoints answer the HTML fragment itself
        items = json_items(data, answer.final_url or answer.url)
        if n == 1 and not items and isinstance(data, str) and not data.strip():
            raise DiscoveryError(f"{api.url}: the list API answered an empty body")
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
        listed_so_far += len(items)
        total = json_total(data) if not isinstance(data, str) else None
        if not new or (total is not None and listed_so_far >= total):
            return
        if page_is_stale((i.listed for i in items), years):
            return
