"""Guangdong gkmlpt (政府信息公开目录管理平台): a Vue index page and a JSON list API.

`/gkmlpt/index` carries `window._CONFIG = {SID:'…', TREE:[…]}`; a column is addressed by the URL
fragment (`/gkmlpt/index#2571`); its articles come from GET `/gkmlpt/api/all/{category}?page=N&sid=SID`
as JSON `{articles: [...], total, classify: {post_count}}`, up to 100 per page."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from crawlers.adapters.base import MAX_LIST_PAGES, DiscoveryError, FetcherLike, get_page, page_is_stale
from crawlers.adapters.links import canonical_url
from crawlers.adapters.text import find_date, guess_report_year, looks_like_report
from crawlers.model import Candidate, Column, Source

# keys bare (SID:'2') as in the real template, or quoted as JSON writers put them
_SID = re.compile(r"""\bSID['"]?\s*:\s*['"]?([\w-]+)['"]?""")
_TREE = re.compile(r"""\bTREE['"]?\s*:\s*(\[.*?\])\s*,\s*['"]?[A-Z_]+['"]?\s*:""", re.S)
_TOPIC_CATEGORY = re.compile(r"法治政府|依法行政|法治建设")
# Where units file the yearly report when their catalogue has no category of its own for it: the
# 信息公开目录's catch-all (其他法定公开内容, 其他信息), report and plan-and-summary categories. Walked
# newest first with the same stopping rule, their other documents screened out by title.
_HOLDER_CATEGORY = re.compile(r"其他法定|其他信息|^其他$|工作报告|年度报告|计划总结|规划计划|工作总结")
MAX_HOLDER_CATEGORIES = 4


def index_url(column_url: str) -> str:
    """The platform's index page for a column address (which may name the index, a #category, or neither)."""
    parts = urlsplit(column_url)
    path = parts.path
    cut = path.find("/gkmlpt")
    prefix = path[:cut] if cut >= 0 else path.rstrip("/")
    return f"{parts.scheme}://{parts.netloc}{prefix}/gkmlpt/index"


def _walk_tree(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        yield from _walk_tree(node.get("children") or [])


def categories(column_url: str, html: str) -> list[str]:
    """The category the URL fragment names; else the TREE categories named after rule-of-law government;
    else (a catalogue with no such category) the likely holders of the report, in the tree's order."""
    fragment = urlsplit(column_url).fragment.strip("/")
    if fragment:
        return [fragment]
    m = _TREE.search(html)
    if m is None:
        return []
    try:
        tree = json.loads(m.group(1))
    except json.JSONDecodeError:
        return []
    nodes = [n for n in _walk_tree(tree) if isinstance(n, dict) and "id" in n and not n.get("jump_url")]
    topical = [str(n["id"]) for n in nodes if _TOPIC_CATEGORY.search(str(n.get("name", "")))]
    if topical:
        return topical
    holders = [str(n["id"]) for n in nodes if _HOLDER_CATEGORY.search(str(n.get("name", "")).strip())]
    return holders[:MAX_HOLDER_CATEGORIES]


def article_date(article: dict[str, Any]) -> date | None:
    """Publication day: first_publish_time / display_publish_time are epoch seconds; else a date string."""
    for key in ("first_publish_time", "display_publish_time", "publish_time"):
        value = article.get(key)
        if isinstance(value, int | float) and value > 0:
            return datetime.fromtimestamp(value, tz=UTC).date()
        if isinstance(value, str) and value.isdigit():
            return datetime.fromtimestamp(int(value), tz=UTC).date()
    for key in ("created_at", "date", "publish_date"):
        value = article.get(key)
        if isinstance(value, str) and (found := find_date(value)):
            return found
        if isinstance(value, int | float) and value > 0:
            return datetime.fromtimestamp(value, tz=UTC).date()
    return None


async def discover(
    column: Column, source: Source, fetcher: FetcherLike, years: range
) -> AsyncIterator[Candidate]:
    index = index_url(column.url)
    page = await get_page(fetcher, index, source)
    html = page.text or ""
    sid = _SID.search(html)
    if sid is None:
        raise DiscoveryError(f"{index}: no window._CONFIG SID on a gkmlpt index page")
    cats = categories(column.url, html)
    if not cats:
        hint = "name the gkmlpt category in the URL fragment (…/gkmlpt/index#ID)"
        raise DiscoveryError(f"{column.url}: {hint}")
    api_base = urljoin(page.final_url or index, "api/all/")
    seen: set[str] = set()
    for category in cats:
        listed = 0
        for n in range(1, MAX_LIST_PAGES + 1):
            answer = await get_page(fetcher, f"{api_base}{category}?page={n}&sid={sid.group(1)}", source)
            try:
                data = json.loads(answer.text or "")
            except json.JSONDecodeError as exc:
                raise DiscoveryError(f"{answer.url}: gkmlpt API answered with no JSON ({exc})") from exc
            articles = [a for a in data.get("articles") or [] if isinstance(a, dict) and a.get("url")]
            total = data.get("total") or (data.get("classify") or {}).get("post_count")
            listed += len(articles)
            new = [a for a in articles if canonical_url(urljoin(index, a["url"])) not in seen]
            for a in new:
                url = urljoin(index, a["url"])
                seen.add(canonical_url(url))
                title = str(a.get("title") or "")
                if looks_like_report(title):
                    yield Candidate(
                        url=url,
                        title=title,
                        source_id=source.id,
                        column_url=column.url,
                        listed_date=article_date(a),
                        report_year=guess_report_year(title),
                    )
            ended = not new or (isinstance(total, int) and listed >= total)
            if ended or page_is_stale((article_date(a) for a in articles), years):
                break
