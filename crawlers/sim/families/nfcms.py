"""Guangdong NFCMS (南方网) portals outside gkmlpt (portal_patterns §1.3).

Opt-in (SimConfig.variants). Column /zwgk/fzzfjsndbg/index.html (the registry names this first page),
page N = index_N.html (the one assumption a real config makes; NFCMS list pagination is unconfirmed);
numbered pager links only, the next page as '>' with no 下一页 word. Articles
/zwgk/fzzfjsndbg/content/post_{id}.html (and mpost_{id}.html) with ArticleId/ColumnId metas,
NFCMS_SITE_ID / NFCMS_POST_ID script variables and the body in div.news_cont_d_wrap; about a third
carry a PDF copy as a.nfw-cms-attachment to /attachment/{a}/{b}/{c}/{d}.pdf.
"""

from __future__ import annotations

import random
from html import escape

from crawlers.sim.families.base import (
    COLUMN_NAME,
    Rendered,
    doc_truth,
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

PER_PAGE = 15
COLUMN = "/zwgk/fzzfjsndbg/"


def list_path(page: int) -> str:
    """page is 1-based."""
    return f"{COLUMN}index.html" if page == 1 else f"{COLUMN}index_{page}.html"


def article_path(doc: Doc, mobile: bool = False) -> str:
    return f"{COLUMN}content/{'mpost' if mobile else 'post'}_{doc.doc_id}.html"


def has_pdf(site: Site, doc: Doc) -> bool:
    return doc.kind == "report" and random.Random(f"nfw|{site.key}|{doc.doc_id}").random() < 0.3


def attachment_path(doc: Doc) -> str:
    i = doc.doc_id + 400_000
    return f"/attachment/{i // 1_000_000}/{i // 1000}/{i}/{i + 57}.pdf"


def _pager(page: int, pages: int) -> str:
    if pages == 1:
        return ""
    active = ' class="active"'
    links = [
        f'<a href="{list_path(n).rsplit("/", 1)[1]}"{active if n == page else ""}>{n}</a>'
        for n in range(1, pages + 1)
    ]
    if page < pages:
        links.append(f'<a class="next" href="{list_path(page + 1).rsplit("/", 1)[1]}">&gt;</a>')
    return f'<div class="pagination">{"".join(links)}</div>'


def _list_page(site: Site, docs: list[Doc], page: int, pages: int) -> str:
    items = "".join(
        f'<li><a href="content/post_{d.doc_id}.html" target="_blank" title="{escape(d.title)}">'
        f'{escape(d.title)}</a><span class="time">{d.published.year}年{d.published.month:02d}月'
        f"{d.published.day:02d}日</span></li>\n"
        for d in docs
    )
    body = f'<div class="news_list"><h3>{COLUMN_NAME}</h3><ul>\n{items}</ul>{_pager(page, pages)}</div>'
    head = meta_tags(site, COLUMN_NAME) + '\n<meta name="ColumnId" content="2891">'
    return page_shell(site, COLUMN_NAME, head, body)


def date_line(doc: Doc) -> str:
    return f"发布日期：{doc.published:%Y-%m-%d %H:%M:%S}　来源：{publisher(doc)}"


def _article(site: Site, doc: Doc, mobile: bool) -> str:
    attachment = ""
    if has_pdf(site, doc):
        attachment = (
            f'<p><a class="nfw-cms-attachment" href="{attachment_path(doc)}">{escape(doc.title)}.pdf</a></p>'
        )
    info = (
        f'<div class="classify"><p>索引号：{index_number(site, doc)}</p>'
        f"<p>发布机构：{escape(publisher(doc))}</p><p>成文日期：{doc.written:%Y-%m-%d}</p></div>"
    )
    body = (
        f"<script>var NFCMS_SITE_ID = {site.site_id_code[:6]}; var NFCMS_POST_ID = {doc.doc_id};</script>\n"
        f'{"" if mobile else info}<div class="news_cont_d_wrap"><h1>{escape(doc.title)}</h1>'
        f'<div class="news_info">{escape(date_line(doc))}</div>\n'
        f'<div class="article-content">{paragraphs_html(doc)}\n{attachment}</div></div>'
    )
    head = meta_tags(site, COLUMN_NAME, doc) + f'\n<meta name="ArticleId" content="{doc.doc_id}">'
    return page_shell(site, doc.title, head, body)


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    home_and_xxgk(site, r, list_path(1))
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    pages = max(1, -(-len(docs) // PER_PAGE))
    for page in range(1, pages + 1):
        chunk = docs[(page - 1) * PER_PAGE : page * PER_PAGE]
        path = list_path(page)
        r.add(
            path,
            html_resource(site, _list_page(site, chunk, page, pages), chunk[0].published if chunk else None),
        )
        r.truth.append(list_truth(path))
        r.lists.append(path)
    for d in docs:
        path = article_path(d)
        r.add(path, html_resource(site, _article(site, d, False), d.published))
        r.add(article_path(d, mobile=True), html_resource(site, _article(site, d, True), d.published))
        text = d.text
        if has_pdf(site, d):
            att = attachment_path(d)
            r.attachments[att] = ("pdf", d)
            r.leaves.append(att)
            r.truth.append(doc_truth(att, site, d, kind="attachment", attachment_of=path))
            text += f"\n{d.title}.pdf"
        r.truth.append(doc_truth(path, site, d, text=text, date_line=date_line(d)))
        r.leaves.append(path)
    r.columns.append((list_path(1), COLUMN_NAME, "nfcms"))
    return r
