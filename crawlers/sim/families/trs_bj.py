"""TRS portals in the Beijing dialect (portal_patterns §1.1): every item on page 1, sliced in the browser.

Opt-in (SimConfig.variants). The column's index.html carries all its items in ul.default_news and a
three-number pager call `createPageHTML(totalRecords, totalPages, currentPage, "index", "html")` that
the page's script uses to show 15 at a time; no index_N.html exists (they answer 404). Articles
/{col}/{YYYYMM}/t{YYYYMMDD}_{id}.html; info as a <th>/<td> table (发文字号 …).
"""

from __future__ import annotations

from html import escape

from crawlers.sim.families.base import (
    COLUMN_NAME,
    Rendered,
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

SHOWN = 15
COLUMN = "/zhengce/fzzfjsndbg/"


def article_path(doc: Doc) -> str:
    d = doc.published
    return f"{COLUMN}{d:%Y%m}/t{d:%Y%m%d}_{doc.doc_id}.html"


def _list_page(site: Site, docs: list[Doc]) -> str:
    items = "\n".join(
        f'<li><a href="./{article_path(d)[len(COLUMN) :]}" target="_blank" title="{escape(d.title)}">'
        f"{escape(d.title)}</a><span>{d.published:%Y-%m-%d}</span></li>"
        for d in docs
    )
    pages = max(1, -(-len(docs) // SHOWN))
    body = (
        f'<div class="list"><h2>{COLUMN_NAME}</h2><ul class="default_news">\n{items}\n</ul>\n'
        f'<div class="changepage"><script>createPageHTML({len(docs)}, {pages}, 1, "index", "html");'
        "</script></div>\n"
        f"<script>$('.default_news li').hide().slice(0, {SHOWN}).show();</script></div>"
    )
    return page_shell(site, COLUMN_NAME, meta_tags(site, COLUMN_NAME), body)


def date_line(doc: Doc) -> str:
    return f"发布日期：{doc.published:%Y-%m-%d}　来源：{publisher(doc)}"


def _article(site: Site, doc: Doc) -> str:
    table = (
        '<table class="bj-info"><tr>'
        f"<th>索引号</th><td>{index_number(site, doc)}</td><th>发文机构</th><td>{escape(publisher(doc))}</td>"
        f"</tr><tr><th>发文字号</th><td>{escape(doc.doc_number)}</td><th>成文日期</th>"
        f"<td>{doc.written:%Y-%m-%d}</td></tr></table>"
    )
    body = (
        f'{table}<div class="article"><h1>{escape(doc.title)}</h1>'
        f'<div class="info">{escape(date_line(doc))}</div>'
        f'<div class="view TRS_UEDITOR trs_paper_default trs_web">\n{paragraphs_html(doc)}\n</div></div>'
    )
    return page_shell(site, doc.title, meta_tags(site, COLUMN_NAME, doc), body)


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    home_and_xxgk(site, r, f"{COLUMN}index.html")
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    path = f"{COLUMN}index.html"
    r.add(path, html_resource(site, _list_page(site, docs), docs[0].published if docs else None))
    r.add(COLUMN, r.routes[path])
    r.truth.append(list_truth(path))
    r.lists.append(path)
    for d in docs:
        add_article(r, site, article_path(d), _article(site, d), d, date_line(d))
    r.columns.append((f"{COLUMN}index.html", COLUMN_NAME, "trs"))
    return r
