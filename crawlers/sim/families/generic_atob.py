"""A home-grown county portal built from the one-off facts of portal_patterns §1.6.

Opt-in (SimConfig.variants).
- The registry names the parent section /zfxxgk/fdzdgknr/index.shtml (法定主动公开内容), which links
  its sub-columns; the report column is /zfxxgk/fdzdgknr/fzzfjsndbg/fzzfjsndbg.shtml, its page N
  fzzfjsndbg_N.shtml (Sichuan's gfxwj_new.shtml → gfxwj_new_2.shtml naming).
- The pager is base64 of URL-quoted HTML inside div#pages, decoded by window.atob (Yunnan), so the
  served HTML holds no pager link.
- Items are <dl><dt><a>title</a></dt><dd>date</dd></dl>, titles cut to 24 characters and "..."
  with no title attribute (templates limit the printed length); articles
  /zfxxgk/fdzdgknr/fzzfjsndbg/{YYYYMM}/{32-hex}.shtml (Shanghai-style hex names).
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from urllib.parse import quote

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

PER_PAGE = 14
TITLE_WIDTH = 24  # characters of a title the list prints before "..." (no title attribute)
SECTION = "/zfxxgk/fdzdgknr/index.shtml"
FOLDER = "/zfxxgk/fdzdgknr/fzzfjsndbg/"


def list_path(page: int) -> str:
    """page is 1-based."""
    return f"{FOLDER}fzzfjsndbg.shtml" if page == 1 else f"{FOLDER}fzzfjsndbg_{page}.shtml"


def article_path(site: Site, doc: Doc) -> str:
    name = hashlib.md5(f"{site.domain}|{doc.doc_id}".encode()).hexdigest()
    return f"{FOLDER}{doc.published:%Y%m}/{name}.shtml"


def encoded_pager(page: int, pages: int) -> str:
    """The pager as the page carries it: base64 of the URL-quoted HTML."""
    links = [f"<span>共{pages}页</span>"]
    if page > 1:
        links.append(f'<a href="{list_path(page - 1).rsplit("/", 1)[1]}">上一页</a>')
    links += [
        f'<a href="{list_path(n).rsplit("/", 1)[1]}">{n}</a>' if n != page else f"<b>{n}</b>"
        for n in range(1, pages + 1)
    ]
    if page < pages:
        links.append(f'<a href="{list_path(page + 1).rsplit("/", 1)[1]}">下一页</a>')
    return base64.b64encode(quote("".join(links)).encode("ascii")).decode("ascii")


def _section_page(site: Site, recent: list[Doc]) -> str:
    news = "".join(
        f'<li><a href="{article_path(site, d)}" target="_blank">{escape(d.title)}</a>'
        f"<span>{d.published:%Y-%m-%d}</span></li>"
        for d in recent
    )
    body = (
        '<div class="side"><h3>法定主动公开内容</h3><ul>'
        '<li><a href="/zfxxgk/fdzdgknr/jgzn/jgzn.shtml">机构职能</a></li>'
        '<li><a href="/zfxxgk/fdzdgknr/zcwj/zcwj.shtml">政策文件</a></li>'
        f'<li><a href="{list_path(1)}">{COLUMN_NAME}</a></li>'
        '<li><a href="/zfxxgk/fdzdgknr/czzj/czzj.shtml">财政资金</a></li></ul></div>'
        f'<div class="main"><h3>最新公开</h3><ul>{news}</ul></div>'
    )
    return page_shell(site, "法定主动公开内容", meta_tags(site, "法定主动公开内容"), body)


def shown_title(title: str) -> str:
    """The list cuts titles to a fixed width, as templates with a title-length limit print them."""
    return title if len(title) <= TITLE_WIDTH else title[:TITLE_WIDTH] + "..."


def _list_page(site: Site, docs: list[Doc], page: int, pages: int) -> str:
    items = "".join(
        f'<dl class="list-item"><dt><a href="{article_path(site, d)}" target="_blank">'
        f"{escape(shown_title(d.title))}</a></dt><dd>{d.published:%Y-%m-%d}</dd></dl>\n"
        for d in docs
    )
    body = (
        f'<div class="list-box"><h2>{COLUMN_NAME}</h2>\n{items}'
        f'<div id="pages">{encoded_pager(page, pages)}</div>\n'
        '<script>var el = document.getElementById("pages");'
        "el.innerHTML = decodeURIComponent(window.atob(el.innerHTML));</script></div>"
    )
    return page_shell(site, COLUMN_NAME, meta_tags(site, COLUMN_NAME), body)


def date_line(doc: Doc) -> str:
    return f"发布日期：{doc.published:%Y-%m-%d}　信息来源：{publisher(doc)}"


def _article(site: Site, doc: Doc) -> str:
    body = (
        f'<div class="xxgk-meta"><dl><dd>索引号：{index_number(site, doc)}</dd>'
        f"<dd>发布机构：{escape(publisher(doc))}</dd><dd>发文日期：{doc.written:%Y-%m-%d}</dd></dl></div>"
        f'<div class="detail"><h1>{escape(doc.title)}</h1><div class="info">{escape(date_line(doc))}</div>'
        f'<div class="zfwjwzcontent">\n{paragraphs_html(doc)}\n</div></div>'
    )
    return page_shell(site, doc.title, meta_tags(site, COLUMN_NAME, doc), body)


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    home_and_xxgk(site, r, SECTION)
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    r.add(SECTION, html_resource(site, _section_page(site, docs[:3])))
    r.truth.append(list_truth(SECTION))
    r.lists.append(SECTION)
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
        path = article_path(site, d)
        add_article(r, site, path, _article(site, d), d, date_line(d))
    r.columns.append((SECTION, "法定主动公开内容", "generic"))
    return r
