"""A gkmlpt installation whose tree names no category after rule-of-law government.

Opt-in (SimConfig.variants). Many Guangdong units file the yearly report under a general category of
the 信息公开目录 (其他法定公开内容, 工作报告, 规划计划) rather than one of its own, beside the other
documents of that category; the registry row names only /gkmlpt/index, with no #category. Pages,
API and content addresses are those of the gkmlpt family (portal_patterns §1.3).
"""

from __future__ import annotations

import json
import random
from datetime import timedelta

from crawlers.sim.families.base import (
    Rendered,
    Request,
    Resource,
    doc_truth,
    home_and_xxgk,
    html_resource,
    list_truth,
)
from crawlers.sim.families.gkmlpt import (
    API_PAGE,
    Instance,
    _article_json,
    _content_page,
    _epoch,
    content_path,
    date_line,
    index_page,
    instances,
)
from crawlers.sim.model import Site

HOLDER = "其他法定公开内容"  # the category the reports are filed under
# titles of the other documents filed under it ({y}: a year); none is a rule-of-law report
OTHER_TITLES = (
    "{y}年政府信息公开工作年度报告",
    "{y}年国民经济和社会发展计划执行情况",
    "{y}年度部门整体支出绩效自评报告",
    "关于{y}年度重点建议提案办理情况的报告",
    "{y}年安全生产工作总结",
    "{y}年审计查出问题整改情况的报告",
)


def _tree(inst: Instance) -> list[dict]:
    cat = inst.category
    return [
        {"id": cat - 40, "name": "机构职能", "children": []},
        {
            "id": cat - 30,
            "name": "法定主动公开内容",
            "children": [
                {"id": cat - 29, "name": "政策文件", "children": []},
                {"id": cat - 28, "name": "规划计划", "children": []},
                {"id": cat - 27, "name": "财政预决算", "children": []},
                {"id": cat, "name": HOLDER, "children": []},
            ],
        },
        {"id": cat - 20, "name": "政策解读", "children": []},
    ]


def _others(site: Site, inst: Instance, host: str) -> list[dict]:
    """The category's other documents, one or two a month across the reports' span."""
    rng = random.Random(f"gkmlpt-other|{site.key}")
    if not inst.docs:
        return []
    newest, oldest = inst.docs[0].published, inst.docs[-1].published
    out, when, serial = [], newest, 0
    while when > oldest - timedelta(days=30):
        serial += 1
        title = rng.choice(OTHER_TITLES).format(y=when.year - 1)
        post = 9_000_000 + site.column_id * 1000 + serial
        url = f"http://{host}/gkmlpt/content/{post // 1_000_000}/{post // 1000}/post_{post}.html"
        out.append(
            {
                "id": post,
                "title": f"{site.region.name}{title}",
                "url": url,
                "post_url": url,
                "first_publish_time": _epoch(when),
                "display_publish_time": _epoch(when),
                "classify_genre_name": "其他",
            }
        )
        when -= timedelta(days=rng.randint(12, 30))
    return out


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    [inst, *_] = instances(site)  # the slot has no townships: one installation
    home_and_xxgk(site, r, "/gkmlpt/index")
    r.add(
        "/gkmlpt/gkml/pc/js/chunk-common.js",
        Resource(
            b"(window.webpackJsonp=window.webpackJsonp||[]).push([['c'],{}]);", "application/javascript"
        ),
    )
    r.add("/gkmlpt/index", html_resource(site, index_page(site, inst, _tree(inst))))
    api = f"/gkmlpt/api/all/{inst.category}"

    def handler(req: Request) -> Resource | None:
        if not req.path.startswith("/gkmlpt/api/all/"):
            return None
        host = req.headers.get("host", "")
        try:
            page = max(int(req.query.get("page", "1") or 1), 1)
        except ValueError:
            page = 1
        known = req.query.get("sid") == inst.sid
        # every other category answers an empty list; the holder mixes reports with its other documents
        listed = [_article_json(site, d, host, "") for d in inst.docs] if req.path == api else []
        if listed:
            listed = sorted(
                listed + _others(site, inst, host),
                key=lambda a: (a["first_publish_time"], a["id"]),
                reverse=True,
            )
        listed = listed if known else []
        payload = {
            "articles": listed[(page - 1) * API_PAGE : page * API_PAGE],
            "total": len(listed),
            "classify": {"id": req.path.rsplit("/", 1)[-1], "post_count": len(listed)},
        }
        return Resource(
            json.dumps(payload, ensure_ascii=False).encode(),
            "application/json; charset=utf-8",
            cacheable=False,
        )

    r.handler = handler
    total = len(inst.docs) + len(_others(site, inst, "h"))
    for page in range(1, max(1, -(-total // API_PAGE)) + 1):
        path = f"{api}?page={page}&sid={inst.sid}"
        r.truth.append(list_truth(path))
        r.lists.append(path)
    for d in inst.docs:
        path = content_path(d)
        r.add(path, html_resource(site, _content_page(site, d, False, inst), d.published))
        r.truth.append(doc_truth(path, site, d, date_line=date_line(d)))
        r.leaves.append(path)
    r.columns.append(("/gkmlpt/index", "政府信息公开目录", "gkmlpt"))
    return r
