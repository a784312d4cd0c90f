"""Home-grown portals with no known CMS (portal_patterns §1.6 shows many such one-offs).

- pager: /xxgk/fzzfjs/list.php (page 1) and list.php?page=N, a '共N条 第i/P页 下一页 尾页' pager of plain
  links; articles show.php?id={id}; gov.cn-style <td><b>索引号：</b></td><td>…</td> info table.
- table: one page /zwgk/fzzfjsndbg.htm holding every report as a table row; articles
  /zwgk/content/{YYYY-MM}/{DD}/content_{id}.htm.
A site may be GBK (bytes and meta charset) and may serve a 繁体 copy through a /gate/big5/{domain}/… gateway,
whose text is the simplified page converted with OpenCC s2t (links rewritten to stay in the gateway).
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from html import escape

from crawlers.sim.families.base import (
    COLUMN_NAME,
    Rendered,
    Resource,
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

PER_PAGE = 12


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def to_traditional(text: str) -> str:
    return _converter("s2t").convert(text)


def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text)


def column_path(site: Site) -> str:
    return "/zwgk/fzzfjsndbg.htm" if site.variant == "table" else "/xxgk/fzzfjs/list.php"


def article_path(site: Site, doc: Doc) -> str:
    if site.variant == "table":
        d = doc.published
        return f"/zwgk/content/{d:%Y-%m}/{d:%d}/content_{doc.doc_id}.htm"
    return f"/xxgk/fzzfjs/show.php?id={doc.doc_id}"


def _list_page(site: Site, docs: list[Doc], page: int, pages: int) -> str:
    if site.variant == "table":
        rows = "".join(
            f'<tr><td>{i + 1}</td><td class="title"><a href="{article_path(site, d)}" target="_blank">'
            f"{escape(d.title)}</a></td><td>{d.published:%Y-%m-%d}</td></tr>\n"
            for i, d in enumerate(docs)
        )
        body = (
            f'<div class="list"><h2>{COLUMN_NAME}</h2><table class="list-table" width="100%">'
            f"<tr><th>序号</th><th>标题</th><th>发布日期</th></tr>\n{rows}</table></div>"
        )
    else:
        items = "".join(
            f'<li><a href="show.php?id={d.doc_id}" target="_blank">{escape(d.title)}</a>'
            f"<em>[{d.published:%Y-%m-%d}]</em></li>\n"
            for d in docs
        )
        links = [f"共{site.extra['total']}条 第{page}/{pages}页"]
        if page > 1:
            links += [
                '<a href="list.php">首页</a>',
                f'<a href="{"list.php" if page == 2 else f"list.php?page={page - 1}"}">上一页</a>',
            ]
        if page < pages:
            links += [
                f'<a href="list.php?page={page + 1}">下一页</a>',
                f'<a href="list.php?page={pages}">尾页</a>',
            ]
        body = (
            f'<div class="news-list"><h2>{COLUMN_NAME}</h2><ul>\n{items}</ul>'
            f'<div class="pages">{" ".join(links)}</div></div>'
        )
    return page_shell(site, COLUMN_NAME, meta_tags(site, COLUMN_NAME), body)


def _article(site: Site, doc: Doc) -> str:
    issued_by = escape(publisher(doc))
    table = (
        '<table class="gk-info" width="100%">'
        f"<tr><td><b>索 引 号：</b></td><td>{index_number(site, doc)}</td>"
        f"<td><b>发文机关：</b></td><td>{issued_by}</td></tr>"
        f'<tr><td><b>标　　题：</b></td><td colspan="3">{escape(doc.title)}</td></tr>'
        f"<tr><td><b>发文字号：</b></td><td>{escape(doc.doc_number)}</td>"
        "<td><b>主题分类：</b></td><td>综合政务</td></tr>"
        f"<tr><td><b>成文日期：</b></td><td>{doc.written.year}年{doc.written.month}月{doc.written.day}日</td>"
        f"<td><b>发布日期：</b></td><td>{doc.published.year}年{doc.published.month}月{doc.published.day}日</td></tr>"
        "</table>"
    )
    big5 = (
        f'<a href="/gate/big5/{site.domain}{article_path(site, doc)}">繁體</a>' if site.big5_gateway else ""
    )
    body = (
        f'<div class="location">当前位置：<a href="/">首页</a> &gt; '
        f'<a href="{column_path(site)}">{COLUMN_NAME}</a>'
        f'{big5}</div>\n{table}\n<div class="article"><h1>{escape(doc.title)}</h1>'
        f'<div class="info">{escape(date_line(doc))}</div>'
        f'<div class="content" id="content">\n{paragraphs_html(doc)}\n</div></div>'
    )
    return page_shell(site, doc.title, meta_tags(site, COLUMN_NAME, doc), body)


def date_line(doc: Doc) -> str:
    return f"发布时间：{doc.published:%Y-%m-%d} 来源：{publisher(doc)} 浏览次数："


def _gateway(site: Site, html: str, when: datetime | None = None) -> Resource:
    """The Big5 gateway copy: text in 繁体 and Big5 bytes, root-relative links kept inside the gateway.

    A few characters OpenCC writes (爲, 衆 …) are not in Big5; like a converting proxy we send them
    as numeric character references.
    """
    prefix = f"/gate/big5/{site.domain}"
    html = re.sub(r'(href|src)="/(?!gate/)', lambda m: f'{m.group(1)}="{prefix}/', html)
    html = re.sub(
        r"charset=\"?utf-8\"?", lambda m: m.group(0).lower().replace("utf-8", "big5"), html, flags=re.I
    )
    body = to_traditional(html).encode("big5", "xmlcharrefreplace")
    return Resource(body, "text/html; charset=big5", last_modified=when)


def _traditional_truth(entry: dict, simplified_path: str) -> dict:
    """Truth of a gateway page: the text as served (繁体) and its simplified form for evidence."""
    text_t = to_traditional(entry["text"])
    entry = dict(entry)
    entry["text"] = text_t
    entry["text_simplified"] = to_simplified(text_t)
    entry["title_as_printed"] = to_traditional(entry["title"])
    entry["title"] = to_simplified(entry["title_as_printed"])  # names in truth are simplified, like region
    entry["metrics"] = [
        {**m, "evidence": to_simplified(to_traditional(m["evidence"]))} for m in entry["metrics"]
    ]
    entry["traditional"] = True
    # The same document in 简体 at its own address; a crawler may canonicalise to it.
    entry["simplified_url"] = simplified_path
    return entry


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    col = column_path(site)
    home_and_xxgk(site, r, col)
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    site.extra["total"] = len(docs)
    per = len(docs) or 1 if site.variant == "table" else PER_PAGE
    pages = max(1, -(-len(docs) // per))
    gate = f"/gate/big5/{site.domain}"
    for page in range(1, pages + 1):
        path = col if page == 1 else f"{col}?page={page}"
        html = _list_page(site, docs[(page - 1) * per : page * per], page, pages)
        r.add(path, html_resource(site, html, docs[(page - 1) * per].published if docs else None))
        if site.big5_gateway:
            r.add(gate + path, _gateway(site, html))
            r.truth.append(list_truth(gate + path, traditional=True))
            r.lists.append(gate + path)
        else:
            r.truth.append(list_truth(path))
            r.lists.append(path)
    for d in docs:
        path = article_path(site, d)
        html = _article(site, d)
        r.add(path, html_resource(site, html, d.published))
        if site.big5_gateway:
            r.add(gate + path, _gateway(site, html, d.published))
            r.truth.append(_traditional_truth(doc_truth(gate + path, site, d, date_line=date_line(d)), path))
            r.leaves.append(gate + path)
        else:
            r.truth.append(doc_truth(path, site, d, date_line=date_line(d)))
            r.leaves.append(path)
    r.columns.append((gate + col if site.big5_gateway else col, COLUMN_NAME, "generic"))
    return r


__all__ = ["render", "to_simplified", "to_traditional"]
