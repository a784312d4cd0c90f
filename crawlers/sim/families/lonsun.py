"""Anhui portals on the platform the research attributes to 龙讯/Lonsun (portal_patterns §1.6).

Opt-in (SimConfig.variants). The column is a query address
/public/column/{organId}?type=4&action=list&nav=3&catId={cat}; page N adds &pageIndex=N, reached by
numbered links and 下一页 (the server reads the parameters in any order); articles
/public/{organId}/{id}.html with a 组配分类 info table and the body in div.j-fontContent."""

from __future__ import annotations

from html import escape

from crawlers.sim.families.base import (
    COLUMN_NAME,
    Rendered,
    Request,
    Resource,
    add_article,
    home_and_xxgk,
    html_resource,
    index_number,
    list_truth,
    meta_tags,
    page_shell,
    paragraphs_html,
    publisher,
)
from crawlers.sim.model import Doc, Site

PER_PAGE = 12


def organ_id(site: Site) -> int:
    return 6000 + site.column_id % 1000


def column_url(site: Site, page: int = 1) -> str:
    base = f"/public/column/{organ_id(site)}?type=4&action=list&nav=3&catId={site.column_id}"
    return base if page == 1 else f"{base}&pageIndex={page}"


def article_path(site: Site, doc: Doc) -> str:
    return f"/public/{organ_id(site)}/{doc.doc_id}.html"


def _list_page(site: Site, docs: list[Doc], page: int, pages: int) -> str:
    items = "".join(
        f'<li><a class="title" href="{article_path(site, d)}" target="_blank" title="{escape(d.title)}">'
        f'{escape(d.title)}</a><span class="date">{d.published:%Y-%m-%d}</span></li>\n'
        for d in docs
    )
    links = [
        f'<a href="{escape(column_url(site, n))}">{n}</a>' if n != page else f"<span>{n}</span>"
        for n in range(1, pages + 1)
    ]
    if page < pages:
        links.append(f'<a class="next" href="{escape(column_url(site, page + 1))}">下一页</a>')
    body = (
        f'<div class="xxgk_list"><h3>{COLUMN_NAME}</h3><ul class="clearfix xxgk_nav_list">\n{items}</ul>'
        f'<div class="pagination">{"".join(links)}</div></div>'
    )
    return page_shell(site, COLUMN_NAME, meta_tags(site, COLUMN_NAME), body)


def date_line(doc: Doc) -> str:
    return f"发布时间：{doc.published:%Y-%m-%d %H:%M}　来源：{publisher(doc)}"


def _article(site: Site, doc: Doc) -> str:
    table = (
        '<table class="table_suoyin"><tr>'
        f"<th>索引号：</th><td>{index_number(site, doc)}</td><th>组配分类：</th><td>法治政府建设</td></tr>"
        f"<tr><th>发布机构：</th><td>{escape(publisher(doc))}</td><th>生成日期：</th>"
        f"<td>{doc.written:%Y-%m-%d}</td></tr></table>"
    )
    body = (
        f'{table}<div class="wzcon"><h1 class="newstitle">{escape(doc.title)}</h1>'
        f'<div class="newsinfo">{escape(date_line(doc))}</div>'
        f'<div class="j-fontContent">\n{paragraphs_html(doc)}\n</div></div>'
    )
    return page_shell(site, doc.title, meta_tags(site, COLUMN_NAME, doc), body)


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    home_and_xxgk(site, r, column_url(site))
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    pages = max(1, -(-len(docs) // PER_PAGE))
    lists = {}
    for page in range(1, pages + 1):
        chunk = docs[(page - 1) * PER_PAGE : page * PER_PAGE]
        lists[page] = html_resource(site, _list_page(site, chunk, page, pages))
        r.add(column_url(site, page), lists[page])  # routes are matched on path?query as sent
        r.truth.append(list_truth(column_url(site, page)))
        r.lists.append(column_url(site, page))
    for d in docs:
        path = article_path(site, d)
        add_article(r, site, path, _article(site, d), d, date_line(d))

    column_path = f"/public/column/{organ_id(site)}"

    def handler(req: Request) -> Resource | None:
        # the same list whatever the order of the query parameters
        if req.path != column_path or req.query.get("catId") != str(site.column_id):
            return None
        try:
            page = int(req.query.get("pageIndex", "1") or 1)
        except ValueError:
            page = 1
        return lists.get(page) or html_resource(site, _list_page(site, [], page, pages))

    r.handler = handler
    r.columns.append((column_url(site), COLUMN_NAME, "lonsun"))
    return r
