"""Guangdong 政府信息公开目录管理平台 (gkmlpt) portals (portal_patterns §1.3).

- /gkmlpt/index: a Vue SPA shell whose HTML holds window._CONFIG = {SID:'…', TREE:[…]}; columns are
  addressed by hash (/gkmlpt/index#{category}).
- GET /gkmlpt/api/all/{category}?page={n}&sid={SID} -> JSON {articles:[…], total, classify:{…}}, 100 a page.
- content /gkmlpt/content/{id//1000000}/{id//1000}/post_{id}.html (mobile mpost_{id}.html) with the document
  as JSON in _CONFIG.DETAIL and an info table (索引号, 分类, 发布机构, 成文日期, 名称, 文号, 发布日期,
  主题词).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from html import escape

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

API_PAGE = 100
_CST = timezone(timedelta(hours=8))
# gkmlpt SIDs of real Guangdong cities (gkmlpt-survey); counties get the city prefix and a serial.
CITY_SIDS = {"肇庆市": "758001", "江门市": "750001", "惠州市": "752001"}


@dataclass
class Instance:
    """One gkmlpt installation: the portal's own at /gkmlpt/, or a township's under a path prefix
    of the same host (集约化 hosting, e.g. /qyqcdc/gkmlpt/… for a 街道 on its district's portal)."""

    prefix: str  # "" or "/xxxx"
    sid: str
    category: int
    name: str
    docs: list[Doc]


def _sid(site: Site, serial: int) -> str:
    if serial == 0 and site.region.name in CITY_SIDS:
        return CITY_SIDS[site.region.name]
    city = CITY_SIDS.get(site.region.prefecture or "", "758001")
    return f"{city[:3]}{random.Random(f'sid|{site.key}|{serial}').randint(100, 999)}"


def instances(site: Site) -> list[Instance]:
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    towns = sorted(
        {d.issuer.region.name for d in docs if d.issuer.region.level == "township"} - {site.region.name}
    )
    root = [d for d in docs if d.issuer.region.name not in towns]
    out = [Instance("", _sid(site, 0), 2000 + site.column_id % 1000, COLUMN_NAME, root)]
    for i, town in enumerate(towns, start=1):
        slug = site.domain.split(".")[1][:2] + _TOWN_PREFIX.get(town, f"jd{i}")
        out.append(
            Instance(
                f"/{slug}",
                _sid(site, i),
                2000 + (site.column_id + 7 * i) % 1000,
                f"{town}{COLUMN_NAME}",
                [d for d in docs if d.issuer.region.name == town],
            )
        )
    return out


_TOWN_PREFIX = {
    "城关镇": "cgz",
    "龙泉镇": "lqz",
    "新华街道": "xhjd",
    "东城街道": "dcjd",
    "河口镇": "hkz",
    "石桥镇": "sqz",
    "马坪镇": "mpz",
    "白沙镇": "bsz",
    "西湖街道": "xhdc",
    "大安镇": "daz",
}


def content_path(doc: Doc, mobile: bool = False, prefix: str = "") -> str:
    i = doc.doc_id
    return f"{prefix}/gkmlpt/content/{i // 1_000_000}/{i // 1000}/{'mpost' if mobile else 'post'}_{i}.html"


def _epoch(d: datetime) -> int:
    return int(d.replace(tzinfo=_CST).timestamp())


def _article_json(site: Site, doc: Doc, host: str, prefix: str) -> dict:
    issued_by = publisher(doc)
    return {
        "id": doc.doc_id,
        "identifier": index_number(site, doc),
        "title": doc.title,
        "document_number": doc.doc_number,
        "publisher": issued_by,
        "keywords": "法治政府建设",
        "abstract": "",
        "date": _epoch(datetime.combine(doc.written, datetime.min.time())),
        "created_at": f"{doc.published:%Y-%m-%d %H:%M:%S}",
        "display_publish_time": _epoch(doc.published),
        "first_publish_time": _epoch(doc.published),
        "url": f"http://{host}{content_path(doc, prefix=prefix)}",
        "post_url": f"http://{host}{content_path(doc, prefix=prefix)}",
        "classify_main_name": "综合政务",
        "classify_genre_name": "报告",
        "classify_theme_name": COLUMN_NAME,
        "is_expired": 0,
        "is_abolished": 0,
        "attachment": [],
        "relation": [],
    }


def _tree(inst: Instance) -> list[dict]:
    cat = inst.category
    return [
        {"id": cat - 40, "name": "机构职能", "children": []},
        {
            "id": cat - 30,
            "name": "法定主动公开内容",
            "children": [
                {"id": cat - 29, "name": "政策文件", "children": []},
                {"id": cat, "name": COLUMN_NAME, "children": []},
                {"id": cat - 27, "name": "财政预决算", "children": []},
            ],
        },
    ]


def _index_page(site: Site, inst: Instance) -> str:
    return index_page(site, inst, _tree(inst))


def index_page(site: Site, inst: Instance, categories: list[dict]) -> str:
    """The catalogue's shell page: the category tree rides in `_CONFIG` for the app to draw."""
    # The template writes bare keys and a single-quoted SID; the values inside are JSON.
    tree = json.dumps(categories, ensure_ascii=False)
    config = f"{{SID:'{inst.sid}', TREE:{tree}, SERVICE_AREA_ID:{int(site.region.code[:6])}}}"
    body = (
        '<div id="app"></div>\n'
        f"<script>window._CONFIG = {config};</script>\n"
        '<script src="/gkmlpt/gkml/pc/js/chunk-vendors.js"></script>\n'
        '<script src="/gkmlpt/gkml/pc/js/chunk-common.js"></script>'
    )
    return page_shell(site, f"{site.site_name}政府信息公开", meta_tags(site, "政府信息公开目录"), body)


def _content_page(site: Site, doc: Doc, mobile: bool, inst: Instance) -> str:
    issued_by = escape(publisher(doc))
    detail = {
        "id": doc.doc_id,
        "title": doc.title,
        "identifier": index_number(site, doc),
        "publisher": publisher(doc),
        "document_number": doc.doc_number,
        "date": f"{doc.written:%Y-%m-%d}",
        "publish_time": f"{doc.published:%Y-%m-%d %H:%M:%S}",
        "content": paragraphs_html(doc),
    }
    detail_js = json.dumps(detail, ensure_ascii=False)
    table = (
        '<table class="introduce"><tbody>'
        f'<tr><td class="first">索引号：</td><td>{index_number(site, doc)}</td>'
        '<td class="first">分类：</td><td>综合政务</td></tr>'
        f'<tr><td class="first">发布机构：</td><td>{issued_by}</td>'
        f'<td class="first">成文日期：</td><td>{doc.written:%Y-%m-%d}</td></tr>'
        f'<tr><td class="first">名称：</td><td colspan="3">{escape(doc.title)}</td></tr>'
        f'<tr><td class="first">文号：</td><td>{escape(doc.doc_number)}</td>'
        f'<td class="first">发布日期：</td><td>{doc.published:%Y-%m-%d}</td></tr>'
        '<tr><td class="first">主题词：</td><td colspan="3"></td></tr></tbody></table>'
    )
    wrapper = "mobile-content" if mobile else "content-container"
    # The DETAIL JSON escapes '<' as \u003C, as the real pages do, so the HTML inside cannot end the script.
    config_js = f"{{SID:'{inst.sid}', DETAIL:{detail_js}}}".replace("<", "\\u003C")
    body = (
        f"<script>window._CONFIG = {config_js};</script>\n"
        f'<div class="{wrapper}">{table if not mobile else ""}<h1 class="title">{escape(doc.title)}</h1>'
        f'<div class="date-source">{escape(date_line(doc))}</div>'
        f'<div class="article-content">\n{paragraphs_html(doc)}\n</div></div>'
    )
    return page_shell(site, doc.title, meta_tags(site, COLUMN_NAME, doc), body)


def date_line(doc: Doc) -> str:
    return f"发布时间：{doc.published:%Y-%m-%d %H:%M}　来源：{publisher(doc)}"


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    insts = instances(site)
    home_and_xxgk(site, r, f"/gkmlpt/index#{insts[0].category}")
    r.add(
        "/gkmlpt/gkml/pc/js/chunk-common.js",
        Resource(
            b"(window.webpackJsonp=window.webpackJsonp||[]).push([['chunk-common'],{}]);",
            "application/javascript",
        ),
    )
    apis: dict[str, Instance] = {}
    for inst in insts:
        _render_instance(site, inst, r)
        apis[f"{inst.prefix}/gkmlpt/api/all/{inst.category}"] = inst

    def handler(req: Request) -> Resource | None:
        inst = apis.get(req.path)
        if inst is None:
            return None
        host = req.headers.get("host", "")
        try:
            page = max(int(req.query.get("page", "1") or 1), 1)
        except ValueError:
            page = 1
        known = req.query.get("sid") == inst.sid
        chunk = inst.docs[(page - 1) * API_PAGE : page * API_PAGE] if known else []
        total = len(inst.docs) if known else 0
        payload = {
            "articles": [_article_json(site, d, host, inst.prefix) for d in chunk],
            "total": total,
            "classify": {"id": inst.category, "name": COLUMN_NAME, "post_count": total},
        }
        return Resource(
            json.dumps(payload, ensure_ascii=False).encode(),
            "application/json; charset=utf-8",
            cacheable=False,
        )

    r.handler = handler
    return r


def _render_instance(site: Site, inst: Instance, r: Rendered) -> None:
    r.add(f"{inst.prefix}/gkmlpt/index", html_resource(site, _index_page(site, inst)))
    pages = max(1, -(-len(inst.docs) // API_PAGE))
    for page in range(1, pages + 1):
        path = f"{inst.prefix}/gkmlpt/api/all/{inst.category}?page={page}&sid={inst.sid}"
        r.truth.append(list_truth(path))
        r.lists.append(path)
    for d in inst.docs:
        path = content_path(d, prefix=inst.prefix)
        r.add(path, html_resource(site, _content_page(site, d, False, inst), d.published))
        mobile = content_path(d, mobile=True, prefix=inst.prefix)
        r.add(mobile, html_resource(site, _content_page(site, d, True, inst), d.published))
        r.truth.append(doc_truth(path, site, d, date_line=date_line(d)))
        r.leaves.append(path)
    r.columns.append((f"{inst.prefix}/gkmlpt/index#{inst.category}", inst.name, "gkmlpt"))
