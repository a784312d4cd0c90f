"""Hanweb 大汉 JCMS portals (portal_patterns §1.2).

- column /col/col{COL}/index.html: the first records sit in div#{unitid} as
  <script type="text/xml"><datastore><nextgroup>…</nextgroup><recordset><record><![CDATA[<li>…</li>]]>…
- the rest: /module/web/jpage/dataproxy.jsp?startrecord=&endrecord=&perpage= (POST form col, appid, webid,
  path, columnid, sourceContentType, unitid, webname, permissiontype; GET with the same keys works too)
  answering <datastore><totalrecord>N</totalrecord><totalpage>P</totalpage><recordset>…
- server-rendered pages index.html?uid={unitid}&pageNum={n}; index_1.html does not exist (404).
- articles /art/{Y}/{M}/{D}/art_{COL}_{ID}.html (no zero padding), body div#zoom between ContentStart and
  ContentEnd markers, table.xxgk_table info block, hidden 'Produced By 大汉网络 大汉版通发布系统' link.
- site search /jrobot/search.do?webid=&q=&p=&pg= (results #jsearch-result-items, total data-total).
"""

from __future__ import annotations

import hashlib
import random
from html import escape
from urllib.parse import quote

from crawlers.sim.families.base import (
    COLUMN_NAME,
    Rendered,
    Request,
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

# (records a screen page, screen pages embedded in the column page and asked per dataproxy request)
PAGING = {"jiangsu": (15, 3), "zhejiang": (12, 1)}


def paging(site: Site) -> tuple[int, int]:
    return PAGING.get(site.variant, (15, 3))


DATAPROXY = "/module/web/jpage/dataproxy.jsp"
HIDDEN_LINK = "<a href='http://www.hanweb.com' style='display:none'>Produced By 大汉网络 大汉版通发布系统</a>"


def _ids(site: Site) -> tuple[int, int]:
    rng = random.Random(f"hanweb|{site.key}|{site.domain}")
    return rng.randint(1, 60), rng.randint(100000, 999999)  # webid, unitid


def column_path(site: Site) -> str:
    return f"/col/col{site.column_id}/index.html"


def article_path(site: Site, doc: Doc) -> str:
    d = doc.published
    return f"/art/{d.year}/{d.month}/{d.day}/art_{site.column_id}_{doc.doc_id}.html"


def _record(site: Site, doc: Doc) -> str:
    title = escape(doc.title)
    day = f"{doc.published:%Y-%m-%d}"
    if site.variant == "zhejiang":
        return (
            f'<li class="clearfix"><a class="bt-left" target="_blank" href="{article_path(site, doc)}" '
            f'title="{title}">{title}</a><span class="bt-right">{day}</span></li>'
        )
    return (
        f'<li><a target="_blank" href="{article_path(site, doc)}" title="{title}">{title}</a>'
        f'<b readlabel="{day}">{day}</b></li>'
    )


def _recordset(site: Site, docs: list[Doc]) -> str:
    return "".join(f"<record><![CDATA[{_record(site, d)}]]></record>\n" for d in docs)


def _proxy_query(site: Site, start: int, end: int) -> str:
    webid, unitid = _ids(site)
    per, _ = paging(site)
    webname = quote(quote(site.site_name))  # real sites double-encode webname in GET links
    return (
        f"{DATAPROXY}?startrecord={start}&endrecord={end}&perpage={per}&col=1&appid=1&webid={webid}"
        f"&path=/&columnid={site.column_id}&sourceContentType=1&unitid={unitid}&webname={webname}"
        f"&permissiontype=0"
    )


def _column_page(site: Site, docs: list[Doc], page_num: int | None) -> str:
    webid, unitid = _ids(site)
    per, group = paging(site)
    total = len(docs)
    shown = docs[: per * group] if page_num is None else docs[(page_num - 1) * per : page_num * per]
    nextgroup = (
        f'<a href="/module/web/jpage/dataproxy.jsp?page=1&webid={webid}&path=/&columnid={site.column_id}'
        f'&unitid={unitid}&webname={quote(site.site_name)}&permissiontype=0"></a>'
    )
    store = (
        f'<div id="{unitid}"><script type="text/xml"><datastore>'
        f"<nextgroup><![CDATA[{nextgroup}]]></nextgroup>"
        f"<recordset>\n{_recordset(site, shown)}</recordset></datastore></script></div>"
    )
    pages = max(1, -(-total // per))
    script = (
        '<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>\n'
        '<script type="text/javascript" src="/module/jslib/jquery/jpage/jquery.jpage.js"></script>\n'
        '<script type="text/javascript">\n$(document).ready(function(){\n'
        f"  $('#{unitid}').jpage({{dataStore: dataStore, containerClass: 'default_pgContainer', "
        f"totalRecord: {total}, perPage: {per}, groupSize: {group}, "
        f"proxyUrl: '{DATAPROXY}', webid: '{webid}', columnid: '{site.column_id}', unitid: '{unitid}', "
        f"pageCount: {pages}}});\n}});\n</script>"
    )
    body = (
        '<div class="bt-position">您当前的位置：<a href="/">首页</a> &gt; '
        '<a href="/zwgk/index.html">政府信息公开</a>'
        f' &gt; {COLUMN_NAME}</div>\n<div class="default_pgContainer"><ul></ul></div>\n{store}\n{script}\n'
        f'<script type="text/javascript" src="/module/visitcount/visit.jsp?type=1&i_webid={webid}'
        f'&i_columnid={site.column_id}"></script>\n{HIDDEN_LINK}'
    )
    head = (
        meta_tags(site, COLUMN_NAME, column_type="信息公开")
        + "\n<meta name='Generator' content='大汉版通'>\n<meta name='Author' content='大汉网络'>"
    )
    return page_shell(site, COLUMN_NAME, head, body)


def date_line(doc: Doc) -> str:
    return f"发布日期：{doc.published:%Y-%m-%d %H:%M}　信息来源：{publisher(doc)}"


def docx_path(site: Site, doc: Doc) -> str:
    """JCMS download servlet; the stored file name is a hash, not the title."""
    name = hashlib.md5(f"{site.domain}|{doc.doc_id}".encode()).hexdigest()
    return f"/module/download/downfile.jsp?classid=0&filename={name}.docx"


def attachment_line(site: Site, doc: Doc) -> str:
    return f"附件：{doc.title}.docx"


def _article(site: Site, doc: Doc) -> str:
    issued_by = escape(publisher(doc))
    table = (
        '<table class="xxgk_table" cellspacing="0" cellpadding="0">'
        f'<tr><td class="td_lable">索引号：</td><td>{index_number(site, doc)}</td>'
        f'<td class="td_lable">分类：</td><td>法治政府建设 ; 报告</td></tr>'
        f'<tr><td class="td_lable">发布机构：</td><td>{issued_by}</td>'
        f'<td class="td_lable">发布日期：</td><td>{doc.published:%Y-%m-%d}</td></tr>'
        f'<tr><td class="td_lable">标题：</td><td colspan="3">{escape(doc.title)}</td></tr>'
        f'<tr><td class="td_lable">文号：</td><td>{escape(doc.doc_number)}</td>'
        f'<td class="td_lable">成文日期：</td><td>{doc.written:%Y-%m-%d}</td></tr></table>'
    )
    body = (
        f'{table}\n<div class="article"><div class="title">{escape(doc.title)}</div>'
        f'<div class="info">发布日期：{doc.published:%Y-%m-%d %H:%M}　'
        f"<!--<$[信息来源]>begin-->信息来源：{issued_by}<!--<$[信息来源]>end--></div>\n"
        '<div id="zoom"><!--<$[信息内容]>begin--><!--ZJEG_RSS.content.begin--><meta name="ContentStart">'
        f"\n{paragraphs_html(doc)}\n{_attachment_html(site, doc)}"
        '<meta name="ContentEnd"><!--ZJEG_RSS.content.end--><!--<$[信息内容]>end--></div></div>\n'
        f"{HIDDEN_LINK}"
    )
    head = (
        meta_tags(site, COLUMN_NAME, doc)
        + "\n<meta name='Generator' content='大汉版通'>\n<meta name='Author' content='大汉网络'>"
    )
    return page_shell(site, doc.title, head, body)


def _attachment_html(site: Site, doc: Doc) -> str:
    if not doc.docx_copy:
        return ""
    href = escape(docx_path(site, doc))
    return f'<p>附件：<a href="{href}" target="_blank">{escape(doc.title)}.docx</a></p>\n'


def _datastore(site: Site, docs: list[Doc], start: int, end: int, per: int) -> str:
    total = len(docs)
    chunk = docs[max(start, 1) - 1 : max(end, 0)]
    pages = max(1, -(-total // max(per, 1)))
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<datastore>\n<totalrecord>{total}</totalrecord>\n'
        f"<totalpage>{pages}</totalpage>\n<recordset>\n{_recordset(site, chunk)}</recordset>\n</datastore>"
    )


def _search_page(site: Site, docs: list[Doc], q: str, page: int) -> str:
    hits = [d for d in docs if q and (q in d.title or q in d.body_text)]
    per = 12
    chunk = hits[(page - 1) * per : page * per]
    items = "".join(
        '<div class="jcse-result-box news-result"><div class="jcse-news-title">'
        f'<a href="{article_path(site, d)}" target="_blank">{escape(d.title)}</a></div>'
        f'<div class="jcse-news-date">{d.published:%Y-%m-%d}</div></div>'
        for d in chunk
    )
    body = (
        f'<div class="jsearch-info-box" data-total="{len(hits)}">找到相关结果约{len(hits)}个</div>'
        f'<div id="jsearch-result-items">{items}</div>'
    )
    return page_shell(site, "搜索结果", meta_tags(site), body)


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    col = column_path(site)
    home_and_xxgk(site, r, col)
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    r.add(col, html_resource(site, _column_page(site, docs, None), docs[0].published if docs else None))
    r.add(f"/col/col{site.column_id}/", r.routes[col])
    r.truth.append(list_truth(col))
    r.lists.append(col)
    per, group = paging(site)
    step = per * group
    for start in range(step + 1, len(docs) + 1, step):
        r.truth.append(list_truth(_proxy_query(site, start, start + step - 1)))
    for d in docs:
        path = article_path(site, d)
        r.add(path, html_resource(site, _article(site, d), d.published))
        if d.docx_copy:
            att = docx_path(site, d)
            r.attachments[att] = ("docx", d)
            r.leaves.append(att)
            r.truth.append(doc_truth(att, site, d, kind="attachment", attachment_of=path))
            r.truth.append(
                doc_truth(path, site, d, text=f"{d.text}\n{attachment_line(site, d)}", date_line=date_line(d))
            )
        else:
            r.truth.append(doc_truth(path, site, d, date_line=date_line(d)))
        r.leaves.append(path)

    def handler(req: Request) -> Resource | None:
        if req.path == DATAPROXY:
            try:
                start = int(req.param("startrecord", "1"))
                end = int(req.param("endrecord", str(start + per - 1)))
                asked_per = int(req.param("perpage", str(per)))
            except ValueError:
                return Resource(
                    b"<datastore><totalrecord>0</totalrecord></datastore>",
                    "text/xml; charset=utf-8",
                    status=400,
                    cacheable=False,
                )
            if req.param("columnid") != str(site.column_id):
                # Unknown column: JCMS answers an empty store rather than an error.
                return Resource(
                    b"<datastore><totalrecord>0</totalrecord><totalpage>0</totalpage><recordset>"
                    b"</recordset></datastore>",
                    "text/xml; charset=utf-8",
                    cacheable=False,
                )
            return Resource(
                _datastore(site, docs, start, end, asked_per).encode(),
                "text/xml; charset=utf-8",
                cacheable=False,
            )
        if req.path == col and req.query.get("pageNum"):
            try:
                page_num = int(req.query["pageNum"])
            except ValueError:
                return None
            return html_resource(site, _column_page(site, docs, max(page_num, 1)))
        if req.path == "/jrobot/search.do":
            try:
                page = max(int(req.param("p", "1") or 1), 1)
            except ValueError:
                page = 1
            return Resource(_search_page(site, docs, req.param("q"), page).encode(), cacheable=False)
        return None

    r.handler = handler
    r.columns.append((col, COLUMN_NAME, "hanweb"))
    return r
