"""Links as list pages carry them: absolute URL, the best title, the text around it; canonical URLs."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from crawlers.adapters.text import normalise

# Containers that hold one list item; their text carries the item's date.
# (<dl><dt><a>title</a></dt><dd>date</dd></dl> items: the dl is the item, the date in its dd.)
_ITEM_TAGS = {"li", "tr", "dd", "p", "article", "dl"}
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "#", "data:")


@dataclass(frozen=True)
class Anchor:
    url: str  # absolute, fragment removed
    text: str  # the link text
    title: str  # a@title when present (lists truncate the text with "…"), else the text
    context: str  # text of the enclosing list item, for its date


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no fragment, no dot segments."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    path = parts.path or "/"
    if "." in path:
        trailing = path.endswith("/")
        path = posixpath.normpath(path)
        if trailing and not path.endswith("/"):
            path += "/"
    return urlunsplit((scheme, netloc, path, parts.query, ""))


def dedupe_key(url: str) -> str:
    """Same page whichever scheme a list links it with (portals mix http and https links)."""
    canon = canonical_url(url)
    return canon.split("://", 1)[-1]


def base_href(tree: LexborHTMLParser, page_url: str) -> str:
    node = tree.css_first("base[href]")
    href = node.attributes.get("href") if node is not None else None
    return urljoin(page_url, href) if href else page_url


def _item_context(node: LexborNode) -> str:
    parent = node.parent
    for _ in range(4):
        if parent is None:
            break
        if parent.tag in _ITEM_TAGS:
            return normalise(parent.text(separator=" "))
        parent = parent.parent
    return ""


def anchors(html: str, page_url: str) -> list[Anchor]:
    """Every followable <a href> of a page, in document order."""
    tree = LexborHTMLParser(html)
    base = base_href(tree, page_url)
    found: list[Anchor] = []
    for node in tree.css("a[href]"):
        href = (node.attributes.get("href") or "").strip()
        if not href or href.lower().startswith(_SKIP_SCHEMES):
            continue
        url = urljoin(base, href).split("#", 1)[0]
        if not url.startswith(("http://", "https://")):
            continue
        text = normalise(node.text(separator=" "))
        title = normalise(node.attributes.get("title") or "") or text
        found.append(Anchor(url=url, text=text, title=title, context=_item_context(node)))
    return found


def same_site(url: str, hosts: set[str]) -> bool:
    """On one of these hosts, "www." or not (portals link themselves under both spellings)."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    return host in {h.lower().removeprefix("www.") for h in hosts}


def directory_of(url: str) -> str:
    """The folder a page sits in (a column's own URL may name the folder or its index page)."""
    parts = urlsplit(url)
    path = parts.path if parts.path.endswith("/") else posixpath.dirname(parts.path) + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
