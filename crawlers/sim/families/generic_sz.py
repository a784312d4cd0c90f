"""A column filled from a POST-only list endpoint (Suzhou loadData dialect, portal_patterns §1.6).

Opt-in (SimConfig.variants). The column page /szinf/fzzfjsndbg/index.shtml is a shell; its script
POSTs to /szinf/xxgk/interfacesWebZcwj/loadData?pageSize=15 a form body {pageIndex, channel_id}
(GET answers 405, as POST-mapped servlets do); the answer is JSON {data: {allRow, totalPage,
list: [{TITLE, URL, C_WJBH, PUBLISHED_TIME_FORMAT, C_FWRQ_FORMAT, C_SYH, MANUSCRIPT_ID}]}}. Articles
/szinf/fzzfjsndbg/{YYYYMM}/{32-hex}.shtml carry a dl/dd 信息公开 block (div.xxgkml-content) and the
body in div.article-content#zoomcon.
"""

from __future__ import annotations

import hashlib
import json
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
    meta_tags,
    page_shell,
    paragraphs_html,
    publisher,
)
from crawlers.sim.model import Doc, Site

PAGE_SIZE = 15
COLUMN = "/szinf/fzzfjsndbg/index.shtml"
API = "/szinf/xxgk/interfacesWebZcwj/loadData"


def channel_id(site: Site) -> str:
    return hashlib.md5(f"sz-channel|{site.domain}".encode()).hexdigest()[:24]


def article_path(site: Site, doc: Doc) -> str:
    name = hashlib.md5(f"{site.domain}|{doc.doc_id}".encode()).hexdigest()
    return f"/szinf/fzzfjsndbg/{doc.published:%Y%m}/{name}.shtml"


def _column_page(site: Site) -> str:
    script = (
        '<script type="text/javascript">\nvar channelId = "' + channel_id(site) + '";\n'
        "function loadData(pageIndex) {\n  $.ajax({\n"
        f'    url: "{API}?pageSize={PAGE_SIZE}",\n    type: "POST",\n    dataType: "json",\n'
        "    data: {pageIndex: pageIndex, channel_id: channelId},\n"
        "    success: function (res) { render(res.data.list); pager(res.data.totalPage, pageIndex); }\n"
        "  });\n}\n$(function () { loadData(1); });\n</script>"
    )
    body = (
        f'<div class="xxgkml-list"><h2>{COLUMN_NAME}</h2><ul id="dataList"></ul>'
        f'<div id="pager"></div></div>\n{script}'
    )
    return page_shell(site, COLUMN_NAME, meta_tags(site, COLUMN_NAME), body)


def date_line(doc: Doc) -> str:
    return f"发布日期：{doc.published:%Y-%m-%d}　来源：{publisher(doc)}"


def _article(site: Site, doc: Doc) -> str:
    rows = (
        ("索引号", index_number(site, doc)),
        ("分类", "综合政务"),
        ("发布机构", publisher(doc)),
        ("发文日期", f"{doc.written:%Y-%m-%d}"),
        ("文号", doc.doc_number),
        ("标题", doc.title),
    )
    info = "".join(f"<dl><dt>{k}：</dt><dd>{escape(v)}</dd></dl>" for k, v in rows)
    body = (
        f'<div class="xxgkml-content">{info}</div>'
        f'<div class="article"><h1>{escape(doc.title)}</h1><div class="info">{escape(date_line(doc))}</div>'
        f'<div class="article-content" id="zoomcon">\n{paragraphs_html(doc)}\n</div></div>'
    )
    return page_shell(site, doc.title, meta_tags(site, COLUMN_NAME, doc), body)


def _row(site: Site, doc: Doc) -> dict:
    return {
        "TITLE": doc.title,
        "URL": article_path(site, doc),
        "C_WJBH": doc.doc_number,
        "PUBLISHED_TIME_FORMAT": f"{doc.published:%Y-%m-%d}",
        "C_FWRQ_FORMAT": f"{doc.written:%Y-%m-%d}",
        "C_SYH": index_number(site, doc),
        "MANUSCRIPT_ID": doc.doc_id,
    }


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    home_and_xxgk(site, r, COLUMN)
    r.add(COLUMN, html_resource(site, _column_page(site)))
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    for d in docs:
        path = article_path(site, d)
        add_article(r, site, path, _article(site, d), d, date_line(d))

    def handler(req: Request) -> Resource | None:
        if req.path != API:
            return None
        if req.method != "POST":
            return Resource(b'{"code":405,"msg":"Request method not supported"}', "application/json", 405)
        try:
            page = max(int(req.form.get("pageIndex", "1") or 1), 1)
            size = min(max(int(req.query.get("pageSize", str(PAGE_SIZE)) or PAGE_SIZE), 1), 50)
        except ValueError:
            page, size = 1, PAGE_SIZE
        mine = docs if req.form.get("channel_id") == channel_id(site) else []
        chunk = mine[(page - 1) * size : page * size]
        payload = {
            "code": 200,
            "data": {
                "allRow": len(mine),
                "totalPage": -(-len(mine) // size),
                "list": [_row(site, d) for d in chunk],
            },
        }
        return Resource(
            json.dumps(payload, ensure_ascii=False).encode(),
            "application/json;charset=UTF-8",
            cacheable=False,
        )

    r.handler = handler
    r.columns.append((COLUMN, COLUMN_NAME, "generic"))
    return r
