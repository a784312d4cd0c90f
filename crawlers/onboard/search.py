"""A portal's own site search, where its CMS family has one (portal_patterns §1.2, §1.4, §4).

- Hanweb jrobot: `/jrobot/search.do?webid={W}&pg=12&p={page}&q={kw}&pos=title`; hits in
  `#jsearch-result-items`, the total in `div.jsearch-info-box[data-total]`.
- TRS WAS5: form action `/was5/web/search` with `searchword`, `channelid`.
- Kaipu: `search4/s?siteCode={SiteIDCode}&searchWord={kw}&pageNum={page}` (also search5/, guestweb4/).
The endpoint comes from a search form on the page, or for Hanweb from the web id its pages carry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser

QUERY = "法治政府建设"
_WEBID = re.compile(r"""\b(?:i_)?webid\s*[=:]\s*['"]?(\d+)""", re.I)
_TOTAL = re.compile(r"""data-total\s*=\s*['"]?(\d+)""", re.I)
_KAIPU_PATH = re.compile(r"/(?:search4/s|search5/search/s|guestweb4/s)$", re.I)


@dataclass(frozen=True)
class SearchEndpoint:
    kind: str  # hanweb | trs | kaipu
    action: str  # absolute URL of the search script
    fixed: tuple[tuple[str, str], ...]  # parameters other than the keyword and the page
    keyword_param: str
    page_param: str

    def url(self, keyword: str, page: int) -> str:
        params = [*self.fixed, (self.keyword_param, keyword), (self.page_param, str(page))]
        parts = urlsplit(self.action)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params), ""))


def _form_fields(form) -> dict[str, str]:
    fields: dict[str, str] = {}
    for node in form.css("input[name], select[name]"):
        name = node.attributes.get("name") or ""
        if name and name not in fields:
            fields[name] = node.attributes.get("value") or ""
    return fields


def find_search(html: str, page_url: str, site_code: str | None = None) -> list[SearchEndpoint]:
    """Search endpoints a page offers: search forms; Hanweb jrobot when the page names its web id."""
    found: dict[str, SearchEndpoint] = {}
    tree = LexborHTMLParser(html)
    for form in tree.css("form"):
        action = urljoin(page_url, (form.attributes.get("action") or "").strip())
        path = urlsplit(action).path
        fields = _form_fields(form)
        query = dict(parse_qsl(urlsplit(action).query))
        if path.endswith("/jrobot/search.do"):
            webid = fields.get("webid") or query.get("webid")
            if webid:
                found.setdefault("hanweb", _hanweb(action, webid))
        elif path.endswith("/was5/web/search"):
            fixed = [("channelid", fields.get("channelid") or query.get("channelid", ""))]
            found.setdefault("trs", SearchEndpoint("trs", action, tuple(fixed), "searchword", "page"))
        elif _KAIPU_PATH.search(path):
            code = fields.get("siteCode") or query.get("siteCode") or site_code
            if code:
                found.setdefault(
                    "kaipu", SearchEndpoint("kaipu", action, (("siteCode", code),), "searchWord", "pageNum")
                )
    if "hanweb" not in found and ("<datastore>" in html or "hanweb" in html.lower()):
        m = _WEBID.search(html)
        if m:
            root = urlunsplit((*urlsplit(page_url)[:2], "/jrobot/search.do", "", ""))
            found["hanweb"] = _hanweb(root, m.group(1))
    return list(found.values())


def _hanweb(action: str, webid: str) -> SearchEndpoint:
    parts = urlsplit(action)
    bare = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return SearchEndpoint("hanweb", bare, (("webid", webid), ("pg", "12"), ("pos", "title")), "q", "p")


def result_total(html: str) -> int | None:
    """Hanweb's hit count (div.jsearch-info-box[data-total]); other engines print it in words."""
    m = _TOTAL.search(html)
    return int(m.group(1)) if m else None
