"""A general column (其他法定信息) that files the reports among other documents, titles cut short.

Opt-in (SimConfig.variants). Many county catalogues have no report column: the report sits in
法定主动公开内容 › 其他法定信息 beside budget, audit and disclosure reports (portal_patterns §1.6,
jyj.zunyi's qtfdxx folder). The list prints 15 characters of a title and "..." without a title
attribute, so most report titles lose 法治政府; the column's name says nothing of reports. Pages
index.html, index_1.html … linked by 下一页; articles /zwgk/qtfdxx/{YYYYMM}/{id}.html.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape

from crawlers.sim.families.base import (
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
TITLE_WIDTH = 15
FOLDER = "/zwgk/qtfdxx/"
COLUMN = "其他法定信息"
OTHER_TITLES = (
    "{y}年度部门整体支出绩效自评报告",
    "{y}年政府信息公开工作年度报告",
    "关于{y}年度本级预算执行和其他财政收支的审计工作报告",
    "{y}年度优化营商环境工作情况",
    "关于{y}年度人大代表建议办理情况的报告",
    "{y}年度安全生产工作情况通报",
)


@dataclass(frozen=True)
class Item:
    path: str
    title: str
    published: datetime
    doc: Doc | None  # None: one of the column's other documents


def list_path(page: int) -> str:
    return f"{FOLDER}index.html" if page == 0 else f"{FOLDER}index_{page}.html"


def shown_title(title: str) -> str:
    return title if len(title) <= TITLE_WIDTH else title[:TITLE_WIDTH] + "..."


def _items(site: Site) -> list[Item]:
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    items = [Item(f"{FOLDER}{d.published:%Y%m}/{d.doc_id}.html", d.title, d.published, d) for d in docs]
    if docs:
        rng = random.Random(f"mixed|{site.key}")
        when, serial = docs[0].published, 0
        while when > docs[-1].published:
            serial += 1
            title = site.region.name + rng.choice(OTHER_TITLES).format(y=when.year - 1)
            path = f"{FOLDER}{when:%Y%m}/{900000 + site.column_id * 100 + serial}.html"
            items.append(Item(path, title, when, None))
            when -= timedelta(days=rng.randint(15, 40))
    return sorted(items, key=lambda i: (i.published, i.path), reverse=True)


def _list_page(site: Site, items: list[Item], page: int, pages: int) -> str:
    rows = "".join(
        f'<li><a href="{i.path}" target="_blank">{escape(shown_title(i.title))}</a>'
        f"<span>{i.published:%Y-%m-%d}</span></li>\n"
        for i in items
    )
    pager = [f"<span>共{pages}页</span>"]
    if page > 0:
        pager.append(f'<a href="{list_path(page - 1).rsplit("/", 1)[1]}">上一页</a>')
    if page < pages - 1:
        pager.append(f'<a href="{list_path(page + 1).rsplit("/", 1)[1]}">下一页</a>')
    body = (
        f'<div class="list"><h2>{COLUMN}</h2><ul>\n{rows}</ul><div class="page">{"".join(pager)}</div></div>'
    )
    meta = meta_tags(site, COLUMN).replace("发布本单位法治政府建设年度报告", "其他依法应当主动公开的信息")
    return page_shell(site, COLUMN, meta.replace("法治政府,年度报告", "其他法定信息"), body)


def date_line(doc: Doc) -> str:
    return f"发布日期：{doc.published:%Y-%m-%d}　来源：{publisher(doc)}"


def _article(site: Site, doc: Doc) -> str:
    body = (
        f'<table class="xxgk"><tr><td>索引号：</td><td>{index_number(site, doc)}</td>'
        f"<td>发布机构：</td><td>{escape(publisher(doc))}</td></tr></table>"
        f'<div class="detail"><h1>{escape(doc.title)}</h1><div class="info">{escape(date_line(doc))}</div>'
        f'<div class="TRS_Editor">\n{paragraphs_html(doc)}\n</div></div>'
    )
    return page_shell(site, doc.title, meta_tags(site, COLUMN, doc), body)


def _other(site: Site, item: Item) -> str:
    body = (
        f'<div class="detail"><h1>{escape(item.title)}</h1>'
        f'<div class="info">发布日期：{item.published:%Y-%m-%d}</div>'
        '<div class="TRS_Editor"><p>（正文略）</p></div></div>'
    )
    return page_shell(site, item.title, meta_tags(site, COLUMN), body)


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    home_and_xxgk(site, r, list_path(0))
    items = _items(site)
    pages = max(1, -(-len(items) // PER_PAGE))
    for page in range(pages):
        chunk = items[page * PER_PAGE : (page + 1) * PER_PAGE]
        path = list_path(page)
        r.add(
            path,
            html_resource(site, _list_page(site, chunk, page, pages), chunk[0].published if chunk else None),
        )
        r.truth.append(list_truth(path, page=page))
        r.lists.append(path)
    for item in items:
        if item.doc is None:
            r.add(item.path, html_resource(site, _other(site, item), item.published))
            continue
        r.add(item.path, html_resource(site, _article(site, item.doc), item.published))
        r.truth.append(doc_truth(item.path, site, item.doc, date_line=date_line(item.doc)))
        r.leaves.append(item.path)
    r.columns.append((list_path(0), COLUMN, "generic"))
    return r
