"""A JSP column paged by a form a script submits, its titles cut short (portal_patterns §1.6).

Opt-in (SimConfig.variants). The column is /info/iList.jsp?node_id=GK{slug}&cat_id={id}&cur_page=1
(绵竹's address shape). Its pager has no address of its own: `<a href="javascript:void(0)"
onclick="goPage(3)">3</a>`, and goPage() writes the number into a hidden input of a POST form
(node_id, cat_id, cur_page) and submits it; the servlet reads cur_page from the form or the query.
The list prints at most 16 characters of a title and "…" with no title attribute, so most titles
lose 法治政府 itself; the column is the report column (its ColumnName and heading say so).
Articles /info/{YYYY}/{MM}/{id}.html.
"""

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
TITLE_WIDTH = 16
LIST = "/info/iList.jsp"


def node_id(site: Site) -> str:
    return "GK" + site.domain.split(".")[1][:6]


def cat_id(site: Site) -> str:
    return str(15000 + site.column_id % 1000)


def column_url(site: Site) -> str:
    return f"{LIST}?node_id={node_id(site)}&cat_id={cat_id(site)}&cur_page=1"


def article_path(doc: Doc) -> str:
    return f"/info/{doc.published:%Y/%m}/{doc.doc_id}.html"


def shown_title(title: str) -> str:
    return title if len(title) <= TITLE_WIDTH else title[:TITLE_WIDTH] + "…"


def _pager(page: int, pages: int) -> str:
    def link(n: int, text: str) -> str:
        return f'<a href="javascript:void(0)" onclick="goPage({n})">{text}</a>'

    parts = [f"<span>共{pages}页 第{page}页</span>"]
    if page > 1:
        parts += [link(1, "首页"), link(page - 1, "上一页")]
    parts += [link(n, str(n)) if n != page else f"<b>{n}</b>" for n in range(1, pages + 1)]
    if page < pages:
        parts += [link(page + 1, "下一页"), link(pages, "尾页")]
    return "".join(parts)


def _list_page(site: Site, docs: list[Doc], page: int, pages: int) -> str:
    items = "".join(
        f'<tr><td class="t"><a href="{article_path(d)}" target="_blank">'
        f"{escape(shown_title(d.title))}</a></td>"
        f"<td>{d.published:%Y-%m-%d}</td></tr>\n"
        for d in docs
    )
    form = (
        f'<form name="pageForm" id="pageForm" action="{LIST}" method="post">'
        f'<input type="hidden" name="node_id" value="{node_id(site)}">'
        f'<input type="hidden" name="cat_id" value="{cat_id(site)}">'
        f'<input type="hidden" name="cur_page" id="cur_page" value="{page}"></form>'
    )
    script = (
        "<script>function goPage(n){document.getElementById('cur_page').value=n;"
        "document.getElementById('pageForm').submit();}</script>"
    )
    body = (
        f'<div class="list"><h2>{COLUMN_NAME}</h2><table class="list-table">\n{items}</table>'
        f'<div class="pager">{_pager(page, pages)}</div>{form}{script}</div>'
    )
    return page_shell(site, COLUMN_NAME, meta_tags(site, COLUMN_NAME), body)


def date_line(doc: Doc) -> str:
    return f"发布时间：{doc.published:%Y-%m-%d}　来源：{publisher(doc)}"


def _article(site: Site, doc: Doc) -> str:
    body = (
        f'<table class="xxgk"><tr><td>索引号：</td><td>{index_number(site, doc)}</td>'
        f"<td>发布机构：</td><td>{escape(publisher(doc))}</td></tr></table>"
        f'<div class="detail"><h1>{escape(doc.title)}</h1><div class="info">{escape(date_line(doc))}</div>'
        f'<div id="zoom">\n{paragraphs_html(doc)}\n</div></div>'
    )
    return page_shell(site, doc.title, meta_tags(site, COLUMN_NAME, doc), body)


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    home_and_xxgk(site, r, column_url(site))
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    pages = max(1, -(-len(docs) // PER_PAGE))
    served = {
        n: html_resource(site, _list_page(site, docs[(n - 1) * PER_PAGE : n * PER_PAGE], n, pages))
        for n in range(1, pages + 1)
    }
    for n in range(1, pages + 1):
        path = f"{LIST}?node_id={node_id(site)}&cat_id={cat_id(site)}&cur_page={n}"
        r.truth.append(list_truth(path))
        r.lists.append(path)
    for d in docs:
        path = article_path(d)
        add_article(r, site, path, _article(site, d), d, date_line(d))

    def handler(req: Request) -> Resource | None:
        if req.path != LIST:
            return None
        if req.param("node_id") != node_id(site) or req.param("cat_id") != cat_id(site):
            return Resource("<html><body>栏目不存在</body></html>".encode(), status=404)
        try:
            page = int(req.param("cur_page", "1") or 1)
        except ValueError:
            page = 1
        return served.get(min(max(page, 1), pages))

    r.handler = handler
    r.columns.append((column_url(site), COLUMN_NAME, "generic"))
    return r
