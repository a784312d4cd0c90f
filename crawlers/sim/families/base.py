"""Shared pieces of every imitation portal: resources, truth entries, page chrome, meta tags."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from html import escape

from crawlers.sim.model import Doc, Site

COLUMN_NAME = "法治政府建设年度报告"


@dataclass
class Request:
    method: str
    path: str  # without the query string
    query: dict[str, str]
    raw_target: str  # path?query as sent
    headers: dict[str, str]  # lower-case names
    body: bytes = b""

    def param(self, name: str, default: str = "") -> str:
        """A query or (url-encoded) form field, as servlet getParameter() sees both."""
        if name in self.query:
            return self.query[name]
        return self.form.get(name, default)

    @property
    def form(self) -> dict[str, str]:
        from urllib.parse import parse_qsl

        if not self.body:
            return {}
        return dict(parse_qsl(self.body.decode("utf-8", "replace"), keep_blank_values=True))


@dataclass
class Resource:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    last_modified: datetime | None = None
    headers: dict[str, str] = field(default_factory=dict)
    cacheable: bool = True  # sends ETag / Last-Modified and answers conditional GETs

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


Handler = Callable[[Request], Resource | None]


@dataclass
class Rendered:
    routes: dict[str, Resource] = field(default_factory=dict)  # path (or path?query) -> resource
    truth: list[dict] = field(default_factory=list)  # entries with a "path" instead of a full url
    handler: Handler | None = None  # dynamic endpoints (APIs, search)
    columns: list[tuple[str, str, str]] = field(default_factory=list)  # (path, name, adapter)
    leaves: list[str] = field(default_factory=list)  # article and attachment paths (fault targets)
    lists: list[str] = field(default_factory=list)  # list paths (transient fault targets only)
    # path (or path?query) -> (format "pdf" | "docx", doc) for attachments rendered on demand
    attachments: dict[str, tuple[str, Doc]] = field(default_factory=dict)

    def add(self, path: str, resource: Resource) -> None:
        if path in self.routes:
            raise ValueError(f"two resources at {path}")
        self.routes[path] = resource


def encode(site: Site, html: str) -> bytes:
    return html.encode(site.encoding, "xmlcharrefreplace")


def html_resource(site: Site, html: str, when: datetime | None = None) -> Resource:
    return Resource(encode(site, html), f"text/html; charset={site.encoding}", last_modified=when)


def doc_truth(
    path: str,
    site: Site,
    doc: Doc,
    kind: str | None = None,
    text: str | None = None,
    with_metrics: bool = True,
    date_line: str | None = None,
    **extra,
) -> dict:
    """Truth of a page that holds a report or a near miss (gold_format fields plus serving facts).

    text defaults to the document's title and body; date_line, when the page prints one under the
    title (发布时间：… 来源：…), goes in as the second line, where a reader meets it.
    """
    lines = (text if text is not None else doc.text).split("\n")
    if date_line:
        lines.insert(1, date_line)
    entry = {
        "path": path,
        "kind": kind or doc.kind,
        "report_year": doc.report_year,
        "family": site.family,
        "doc_kind": doc.doc_kind,
        "title": doc.title,
        "region": doc.issuer.region.as_truth(),
        "issuer": doc.issuer.name,
        "issuer_kind": doc.issuer.kind,
        "publish_date": doc.published.strftime("%Y-%m-%d"),
        "metrics": [dict(m) for m in doc.metrics] if with_metrics else [],
        "text": "\n".join(lines),
        "text_is_excerpt": False,
    }
    entry.update(extra)
    return entry


def add_article(r: Rendered, site: Site, path: str, html: str, doc: Doc, date_line: str) -> None:
    """Serve one article page at `path` and record it as a leaf, with its truth."""
    r.add(path, html_resource(site, html, doc.published))
    r.truth.append(doc_truth(path, site, doc, date_line=date_line))
    r.leaves.append(path)


def publisher(doc: Doc) -> str:
    """The publishing body as pages print it (the government half of a joint party-government issuer)."""
    return doc.issuer.name.split("、")[-1]


def list_truth(path: str, year: int | None = None, **extra) -> dict:
    return {"path": path, "kind": "list", "report_year": year, **extra}


def meta_tags(
    site: Site, column: str | None = None, doc: Doc | None = None, column_type: str = "信息公开"
) -> str:
    """The 《政府网站发展指引》 meta tags: site (3), column (4), article (3 + extras)."""
    charset = "gbk" if site.encoding == "gbk" else "UTF-8"
    out = [
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
        f'<meta name="SiteName" content="{escape(site.site_name)}">',
        f'<meta name="SiteDomain" content="{site.domain}">',
        f'<meta name="SiteIDCode" content="{site.site_id_code}">',
    ]
    if column:
        out += [
            f'<meta name="ColumnName" content="{escape(column)}">',
            '<meta name="ColumnDescription" content="发布本单位法治政府建设年度报告">',
            '<meta name="ColumnKeywords" content="法治政府,年度报告">',
            f'<meta name="ColumnType" content="{column_type}">',
        ]
    if doc:
        out += [
            f'<meta name="ArticleTitle" content="{escape(doc.title)}">',
            f'<meta name="PubDate" content="{doc.published:%Y-%m-%d %H:%M}">',
            f'<meta name="ContentSource" content="{escape(doc.issuer.name.split("、")[-1])}">',
            f'<meta name="Keywords" content="法治政府建设,{doc.published.year}">',
        ]
    return "\n".join(out)


def footer(site: Site) -> str:
    return (
        f'<div class="footer"><p>主办单位：{escape(site.owner.name)}</p>'
        f"<p>网站标识码：{site.site_id_code}　政府网站标识码：{site.site_id_code}</p></div>"
    )


def paragraphs_html(doc: Doc) -> str:
    out = []
    for p in doc.paragraphs:
        if p[:2] in ("一、", "二、", "三、", "四、"):
            out.append(f'<p style="text-indent:2em;"><strong>{escape(p)}</strong></p>')
        else:
            out.append(f'<p style="text-indent:2em;">{escape(p)}</p>')
    return "\n".join(out)


def index_number(site: Site, doc: Doc) -> str:
    """索引号 in the common organisation-code/year-serial shape."""
    org = site.site_id_code[:6] + str(doc.doc_id % 1000).zfill(3)
    return f"{org}/{doc.published.year}-{doc.doc_id % 100000:05d}"


def page_shell(site: Site, title: str, head_meta: str, body: str, nav: str = "") -> str:
    charset = "gbk" if site.encoding == "gbk" else "utf-8"
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
{head_meta}
<title>{escape(title)}</title>
<link rel="stylesheet" href="/images/common.css">
</head>
<body>
<div class="header"><div class="logo">{escape(site.site_name)}</div>{nav}</div>
{body}
{footer(site)}
</body>
</html>
"""


def home_and_xxgk(
    site: Site,
    rendered: Rendered,
    column_path: str,
    xxgk_path: str = "/zwgk/index.html",
    home_extra: str = "",
) -> None:
    """Home page (/ and /index.html), the 政府信息公开 page and robots.txt."""
    nav = (
        '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwdt/">政务动态</a></li>'
        f'<li><a href="{xxgk_path}">政府信息公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul>'
    )
    home = page_shell(
        site,
        site.site_name,
        meta_tags(site),
        f'<div class="main"><h2>政务动态</h2>{home_extra}<p><a href="{xxgk_path}">政府信息公开</a></p></div>',
        nav,
    )
    rendered.add("/", html_resource(site, home))
    rendered.add("/index.html", html_resource(site, home))
    xxgk = page_shell(
        site,
        "政府信息公开",
        meta_tags(site, "政府信息公开", column_type="信息公开"),
        '<div class="xxgk-nav"><h3>法定主动公开内容</h3><ul>'
        '<li><a href="#">机构职能</a></li><li><a href="#">政策文件</a></li>'
        f'<li><a href="{column_path}">{COLUMN_NAME}</a></li>'
        '<li><a href="#">财政资金</a></li></ul></div>',
        nav,
    )
    rendered.add(xxgk_path, html_resource(site, xxgk))
