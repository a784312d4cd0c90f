"""TRS portals whose list items are written by JavaScript (Wuhan dialect, portal_patterns §1.1).

Opt-in (SimConfig.variants). Each list item is a script block: `var url = "./YYYYMM/t….shtml";`,
`var title = "…";`, `var FILENUM = "…";` then `document.writeln(…)` with a `YYYY-MM-DD HH:MM` date;
there is no <a> for the item in the served HTML. Pages are index.shtml, index_1.shtml, … and the pager
call passes its arguments as variables (`createPageHTML(countPage, currentPage, "index", "shtml")`).
Articles /{col}/{YYYYMM}/t{YYYYMMDD}_{id}.shtml with a div.sub info list, P0….pdf copies beside them.
"""

from __future__ import annotations

import json
import random
from html import escape

from crawlers.sim.families.base import (
    COLUMN_NAME,
    Rendered,
    doc_truth,
    home_and_xxgk,
    html_resource,
    list_truth,
    meta_tags,
    page_shell,
    paragraphs_html,
)
from crawlers.sim.families.trs import _info_block, date_line
from crawlers.sim.model import Doc, Site

PER_PAGE = 16
COLUMN = "/zwgk/xxgk/fzzfjsndbg/"


def article_path(doc: Doc) -> str:
    d = doc.published
    return f"{COLUMN}{d:%Y%m}/t{d:%Y%m%d}_{doc.doc_id}.shtml"


def attachment_path(site: Site, doc: Doc) -> str:
    serial = random.Random(f"att|{site.key}|{doc.doc_id}").randint(100_000_000, 999_999_999)
    return f"{article_path(doc).rsplit('/', 1)[0]}/P0{doc.published:%Y%m%d}{serial}.pdf"


def list_path(page: int) -> str:
    return f"{COLUMN}index.shtml" if page == 0 else f"{COLUMN}index_{page}.shtml"


def _item_script(doc: Doc) -> str:
    # json.dumps gives a JS string literal (quotes and backslashes escaped) in Chinese as printed
    url = json.dumps("./" + article_path(doc)[len(COLUMN) :])
    return (
        "<script>\n"
        f"var url = {url};\n"
        f"var title = {json.dumps(doc.title, ensure_ascii=False)};\n"
        f"var FILENUM = {json.dumps(doc.doc_number, ensure_ascii=False)};\n"
        "document.writeln(\"<li><a href='\" + url + \"' target='_blank' title='\" + title + \"'>\" + title"
        f' + "</a><span>{doc.published:%Y-%m-%d %H:%M}</span></li>");\n'
        "</script>"
    )


def _list_page(site: Site, docs: list[Doc], page: int, pages: int) -> str:
    items = "\n".join(_item_script(d) for d in docs)
    body = (
        f'<div class="list"><h2>{COLUMN_NAME}</h2><ul class="list-ul">\n{items}\n</ul>\n'
        '<script type="text/javascript" src="/images/createPageHTML.js"></script>\n'
        f'<div class="page"><script type="text/javascript">\nvar countPage = {pages};\n'
        f'var currentPage = {page};\ncreatePageHTML(countPage, currentPage, "index", "shtml");\n'
        "</script></div></div>"
    )
    return page_shell(site, COLUMN_NAME, meta_tags(site, COLUMN_NAME, column_type="信息公开"), body)


def _article(site: Site, doc: Doc, body_html: str) -> str:
    body = (
        f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="{COLUMN}">{COLUMN_NAME}</a></div>\n'
        f'{_info_block(site, doc)}\n<div class="article"><h1 class="title">{escape(doc.title)}</h1>\n'
        f'<div class="info"><span>{escape(date_line(doc))}</span></div>\n'
        f'<div class="trs_editor_view TRS_UEDITOR">\n{body_html}\n</div></div>'
    )
    return page_shell(site, doc.title, meta_tags(site, COLUMN_NAME, doc), body)


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    home_and_xxgk(site, r, COLUMN)
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    pages = max(1, -(-len(docs) // PER_PAGE))
    for page in range(pages):
        chunk = docs[page * PER_PAGE : (page + 1) * PER_PAGE]
        path = list_path(page)
        r.add(
            path,
            html_resource(site, _list_page(site, chunk, page, pages), chunk[0].published if chunk else None),
        )
        r.truth.append(list_truth(path, page=page))
        r.lists.append(path)
    r.add(COLUMN, r.routes[list_path(0)])
    for d in docs:
        path = article_path(d)
        body_html, text = paragraphs_html(d), d.text
        if d.pdf_copy:
            att = attachment_path(site, d)
            name = f"{d.title}.pdf"
            body_html += (
                f'<p>附件：<a href="./{att.rsplit("/", 1)[1]}" target="_blank">{escape(name)}</a></p>'
            )
            text += f"\n附件：{name}"
            r.attachments[att] = ("pdf", d)
            r.leaves.append(att)
            r.truth.append(doc_truth(att, site, d, kind="attachment", attachment_of=path))
        r.add(path, html_resource(site, _article(site, d, body_html), d.published))
        r.truth.append(doc_truth(path, site, d, text=text, date_line=date_line(d)))
        r.leaves.append(path)
    r.columns.append((COLUMN, COLUMN_NAME, "trs"))
    return r
