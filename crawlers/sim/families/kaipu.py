"""Kaipu 开普云 (CMSPRO/UCAP) county portals whose lists come from a common/search JSON API.

Opt-in (SimConfig.variants). portal_patterns §1.4 and §1.6: the column page is a shell whose script
GETs /common/search/{channelId}?_isAgg=false&_isJson=true&_pageSize=15&_template=index&page=N; the
answer is JSON {data: {results: [{title, url, publishedTimeStr, domainMetaList}], total, rows, page}}.
As one real list API does, the JSON bytes are GB18030 while the header says charset=UTF-8.
Articles /art/{YYYY}/{M}/{D}/{32-hex}.html with the body in div#UCAPCONTENT, the title in
div#UCAPTITLE and PUBLISHTIME, and the 《指引》 metas a CMSPRO template fills.
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
    list_truth,
    meta_tags,
    page_shell,
    paragraphs_html,
    publisher,
)
from crawlers.sim.model import Doc, Site

PAGE_SIZE = 15
COLUMN = "/zwgk/fdzdgknr/fzzfjsndbg/index.html"


def channel_id(site: Site) -> str:
    return hashlib.md5(f"channel|{site.domain}".encode()).hexdigest()


def api_path(site: Site) -> str:
    return f"/common/search/{channel_id(site)}"


def article_path(site: Site, doc: Doc) -> str:
    d = doc.published
    name = hashlib.md5(f"{site.domain}|{doc.doc_id}".encode()).hexdigest()
    return f"/art/{d.year}/{d.month}/{d.day}/{name}.html"


def _column_page(site: Site) -> str:
    script = (
        '<script type="text/javascript">\nvar pageSize = 15;\nfunction getList(page) {\n  $.ajax({\n'
        f'    url: "{api_path(site)}",\n    type: "get",\n'
        '    data: {_isAgg: false, _isJson: true, _pageSize: pageSize, _template: "index", page: page},\n'
        "    dataType: 'json',\n"
        "    success: function (res) { renderList(res.data.results, res.data.total); }\n"
        "  });\n}\ngetList(1);\n</script>"
    )
    body = (
        '<div class="position">当前位置：<a href="/">首页</a> &gt; '
        f'<a href="/zwgk/index.html">政府信息公开</a> &gt; {COLUMN_NAME}</div>\n'
        '<div class="list-box"><ul id="listContent"></ul><div id="pageBar"></div></div>\n'
        '<script src="/common/js/jquery.min.js"></script>\n'
        f"{script}"
    )
    return page_shell(site, COLUMN_NAME, meta_tags(site, COLUMN_NAME), body)


def date_line(doc: Doc) -> str:
    return f"发布时间：{doc.published:%Y-%m-%d %H:%M}　来源：{publisher(doc)}"


def _article(site: Site, doc: Doc) -> str:
    body = (
        '<div class="xxgk-info"><table><tr>'
        f"<th>索引号</th><td>{index_number(site, doc)}</td><th>发布机构</th><td>{escape(publisher(doc))}</td>"
        f"</tr><tr><th>发文字号</th><td>{escape(doc.doc_number)}</td><th>成文日期</th>"
        f"<td>{doc.written:%Y-%m-%d}</td></tr></table></div>\n"
        f'<div id="UCAPTITLE" class="title">{escape(doc.title)}</div>\n'
        f'<div class="info"><span id="PUBLISHTIME">{escape(date_line(doc))}</span></div>\n'
        f'<div id="UCAPCONTENT" class="content">\n{paragraphs_html(doc)}\n</div>'
    )
    return page_shell(site, doc.title, meta_tags(site, COLUMN_NAME, doc), body)


def _result(site: Site, doc: Doc) -> dict:
    return {
        "title": doc.title,
        "url": article_path(site, doc),
        "publishedTimeStr": f"{doc.published:%Y-%m-%d %H:%M:%S}",
        "domainMetaList": [
            {"key": "refno", "value": doc.doc_number},
            {"key": "indexnumber", "value": index_number(site, doc)},
            {"key": "source", "value": publisher(doc)},
        ],
    }


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    home_and_xxgk(site, r, COLUMN)
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    r.add(COLUMN, html_resource(site, _column_page(site), docs[0].published if docs else None))
    r.truth.append(list_truth(COLUMN))
    r.lists.append(COLUMN)
    api = api_path(site)
    for page in range(1, max(1, -(-len(docs) // PAGE_SIZE)) + 1):
        r.truth.append(list_truth(f"{api}?page={page}"))
    for d in docs:
        path = article_path(site, d)
        add_article(r, site, path, _article(site, d), d, date_line(d))

    def handler(req: Request) -> Resource | None:
        if req.path != api:
            return None
        try:
            page = max(int(req.param("page", "1") or 1), 1)
            size = min(max(int(req.param("_pageSize", str(PAGE_SIZE)) or PAGE_SIZE), 1), 100)
        except ValueError:
            page, size = 1, PAGE_SIZE
        chunk = docs[(page - 1) * size : page * size]
        payload = {
            "code": 200,
            "data": {
                "results": [_result(site, d) for d in chunk],
                "total": len(docs),
                "rows": size,
                "page": page,
            },
        }
        body = json.dumps(payload, ensure_ascii=False).encode("gb18030")
        return Resource(body, "application/json;charset=UTF-8", cacheable=False)

    r.handler = handler
    r.columns.append((COLUMN, COLUMN_NAME, "kaipu"))
    return r
