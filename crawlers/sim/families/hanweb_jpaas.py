"""Zhejiang/Hangzhou JCMS 'jpaas' columns (portal_patterns §1.2): the list is not in the page.

Opt-in (SimConfig.variants). The column page /col/col{COL}/index.html is a shell: an empty
div.default_pgContainer and a script that asks
/api-gateway/jpaas-publish-server/front/page/build/unit with the parameters in a `data: {…}` object
(parseType=bulidstatic, webId, tplSetId, pageType=column, tagId, pageId={COL}, rows) and pageNo=N.
The answer is JSON {"success":true,"data":{"html":"<div class='default_pgContainer'>…","count":"N"}}.
Records are <li><s></s><a class="ellipsis-line-clamp" href=…>title</a><span class="pull-right">date</span>
(no title attribute); articles /col/col{COL}/art/{YYYY}/art_{32-hex}.html.
"""

from __future__ import annotations

import hashlib
import json
import random
from html import escape

from crawlers.sim.families.base import (
    COLUMN_NAME,
    Rendered,
    Request,
    Resource,
    add_article,
    home_and_xxgk,
    html_resource,
    list_truth,
    meta_tags,
    page_shell,
)
from crawlers.sim.families.hanweb import HIDDEN_LINK, _article, date_line
from crawlers.sim.model import Doc, Site

API = "/api-gateway/jpaas-publish-server/front/page/build/unit"
ROWS = 15
TAG_ID = "当前栏目列表"


def _ids(site: Site) -> tuple[str, str]:
    rng = random.Random(f"jpaas|{site.key}|{site.domain}")
    return str(rng.randint(1000, 9999)), str(rng.randint(100, 999))  # webId, tplSetId


def column_path(site: Site) -> str:
    return f"/col/col{site.column_id}/index.html"


def article_path(site: Site, doc: Doc) -> str:
    name = hashlib.md5(f"{site.domain}|{doc.doc_id}".encode()).hexdigest()
    return f"/col/col{site.column_id}/art/{doc.published.year}/art_{name}.html"


def _column_page(site: Site) -> str:
    web_id, tpl = _ids(site)
    script = (
        '<script type="text/javascript">\nfunction loadPage(pageNo) {\n  $.ajax({\n'
        f'    url: "{API}",\n    type: "GET",\n    data: {{\n      parseType: "bulidstatic",\n'
        f'      webId: "{web_id}",\n      tplSetId: "{tpl}",\n      pageType: "column",\n'
        f'      tagId: "{TAG_ID}",\n      editType: "null",\n      pageId: "{site.column_id}",\n'
        f"      rows: {ROWS},\n      pageNo: pageNo\n    }},\n"
        "    success: function (res) { if (res.success) { $('#unit-list').html(res.data.html); } }\n"
        "  });\n}\nloadPage(1);\n</script>"
    )
    body = (
        '<div class="bt-position">您当前的位置：<a href="/">首页</a> &gt; '
        f'<a href="/zwgk/index.html">政府信息公开</a> &gt; {COLUMN_NAME}</div>\n'
        f'<div id="unit-list"></div>\n<div id="page-nav"></div>\n'
        '<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>\n'
        f"{script}\n{HIDDEN_LINK}"
    )
    head = meta_tags(site, COLUMN_NAME) + "\n<meta name='Generator' content='大汉版通'>"
    return page_shell(site, COLUMN_NAME, head, body)


def _unit_html(site: Site, docs: list[Doc]) -> str:
    items = "".join(
        f'<li><s></s><a class="ellipsis-line-clamp" href="{article_path(site, d)}" target="_blank">'
        f'{escape(d.title)}</a><span class="pull-right">{d.published:%Y-%m-%d}</span></li>'
        for d in docs
    )
    return f"<div class='default_pgContainer'><ul class='list'>{items}</ul></div>"


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    col = column_path(site)
    home_and_xxgk(site, r, col)
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    r.add(col, html_resource(site, _column_page(site), docs[0].published if docs else None))
    r.truth.append(list_truth(col))
    r.lists.append(col)
    web_id, _ = _ids(site)
    pages = max(1, -(-len(docs) // ROWS))
    for page in range(1, pages + 1):
        r.truth.append(list_truth(f"{API}?webId={web_id}&pageId={site.column_id}&pageNo={page}"))
    for d in docs:
        path = article_path(site, d)
        add_article(r, site, path, _article(site, d), d, date_line(d))

    def handler(req: Request) -> Resource | None:
        if req.path != API:
            return None
        try:
            page = max(int(req.param("pageNo", "1") or 1), 1)
            rows = min(max(int(req.param("rows", str(ROWS)) or ROWS), 1), 100)
        except ValueError:
            page, rows = 1, ROWS
        known = req.param("webId") == web_id and req.param("pageId") == str(site.column_id)
        chunk = docs[(page - 1) * rows : page * rows] if known else []
        payload = {
            "success": known,
            "data": {"html": _unit_html(site, chunk), "count": str(len(docs) if known else 0)},
        }
        return Resource(
            json.dumps(payload, ensure_ascii=False).encode(),
            "application/json;charset=UTF-8",
            cacheable=False,
        )

    r.handler = handler
    r.columns.append((col, COLUMN_NAME, "hanweb"))
    return r
