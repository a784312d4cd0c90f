"""Shanghai-style portals (portal_patterns §1.6): a column of recent items plus year archives elsewhere.

Opt-in (SimConfig.variants). The column /nw{section}/index.html lists what was published in the last
two years, page N = index_N.html (index_2.html is page 2, unlike TRS), with numbered links and 下一页;
older years live in archives /nw{section}{YYYY}/index.html (outside the column's folder), linked from
the column page as 「2021年」. Lists carry a commented-out duplicate of each item, as the real ones do.
Articles /nw{section}/{YYYYMMDD}/{32-hex}.html with the body in div.Article_content#ivs_content.
"""

from __future__ import annotations

import hashlib
from html import escape

from crawlers.sim.families.base import (
    COLUMN_NAME,
    Rendered,
    add_article,
    home_and_xxgk,
    html_resource,
    list_truth,
    meta_tags,
    page_shell,
    paragraphs_html,
    publisher,
)
from crawlers.sim.model import Doc, Site

PER_PAGE = 10
RECENT_YEARS = 2


def section(site: Site) -> str:
    return f"/nw{40000 + site.column_id % 10000}"


def list_path(site: Site, page: int, year: int | None = None) -> str:
    folder = f"{section(site)}{year}" if year else section(site)
    return f"{folder}/index.html" if page == 1 else f"{folder}/index_{page}.html"


def article_path(site: Site, doc: Doc) -> str:
    name = hashlib.md5(f"{site.domain}|{doc.doc_id}".encode()).hexdigest()
    return f"{section(site)}/{doc.published:%Y%m%d}/{name}.html"


def _items(site: Site, docs: list[Doc]) -> str:
    out = []
    for d in docs:
        li = (
            f'<li><a href="{article_path(site, d)}" target="_blank" title="{escape(d.title)}">'
            f'{escape(d.title)}</a><span class="time">{d.published:%Y-%m-%d}</span></li>'
        )
        out.append(f"<!-- {li} -->\n{li}")
    return "\n".join(out)


def _pager(site: Site, page: int, pages: int, year: int | None) -> str:
    if pages == 1:
        return ""
    links = [
        f'<a href="{list_path(site, n, year)}">{n}</a>' if n != page else f"<b>{n}</b>"
        for n in range(1, pages + 1)
    ]
    if page < pages:
        links.append(f'<a href="{list_path(site, page + 1, year)}">下一页</a>')
    return f'<div class="pagination">{" ".join(links)}</div>'


def _list_page(
    site: Site, docs: list[Doc], page: int, pages: int, year: int | None, archives: list[int]
) -> str:
    nav = "".join(f'<li><a href="{list_path(site, 1, y)}">{y}年</a></li>' for y in archives)
    heading = f"{COLUMN_NAME}（{year}年）" if year else COLUMN_NAME
    body = (
        f'<div class="side"><h4>往年</h4><ul class="years">{nav}</ul></div>'
        f'<div class="main"><h2>{heading}</h2><ul class="uli14 pageList">\n{_items(site, docs)}\n</ul>'
        f"{_pager(site, page, pages, year)}</div>"
    )
    return page_shell(site, heading, meta_tags(site, COLUMN_NAME), body)


def date_line(doc: Doc) -> str:
    return f"发布时间：{doc.published:%Y-%m-%d}　来源：{publisher(doc)}"


def _article(site: Site, doc: Doc) -> str:
    body = (
        f'<div class="Article"><h2 id="ivs_title">{escape(doc.title)}</h2>'
        f'<div class="Article-time">{escape(date_line(doc))}</div>'
        f'<div class="Article_content" id="ivs_content">\n{paragraphs_html(doc)}\n</div></div>'
    )
    return page_shell(site, doc.title, meta_tags(site, COLUMN_NAME, doc), body)


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    home_and_xxgk(site, r, list_path(site, 1))
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    latest = docs[0].published.year if docs else 2025
    recent = [d for d in docs if d.published.year > latest - RECENT_YEARS]
    archives = sorted(
        {d.published.year for d in docs if d.published.year <= latest - RECENT_YEARS}, reverse=True
    )
    groups: list[tuple[int | None, list[Doc]]] = [(None, recent)]
    groups += [(y, [d for d in docs if d.published.year == y]) for y in archives]
    for year, members in groups:
        pages = max(1, -(-len(members) // PER_PAGE))
        for page in range(1, pages + 1):
            chunk = members[(page - 1) * PER_PAGE : page * PER_PAGE]
            path = list_path(site, page, year)
            html = _list_page(site, chunk, page, pages, year, archives)
            r.add(path, html_resource(site, html, chunk[0].published if chunk else None))
            r.truth.append(list_truth(path, year=year))
            r.lists.append(path)
    r.add(f"{section(site)}/", r.routes[list_path(site, 1)])
    for d in docs:
        path = article_path(site, d)
        add_article(r, site, path, _article(site, d), d, date_line(d))
    r.columns.append((list_path(site, 1), COLUMN_NAME, "generic"))
    return r
