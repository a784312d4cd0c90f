"""Pages that move the browser on without an HTTP redirect.

Portals point a column's bare directory, an old address or a site's front door at the current page
with `<meta http-equiv="refresh" content="0;url=…">`, or with a stub page whose only content is a
`location.href = "…"` script. A browser follows both; a crawler that does not sees an empty page
where the report list should be. As in Scrapy's MetaRefreshMiddleware, a refresh inside <noscript>
is ignored (the browser that reads it is not running scripts and the page works without it), and a
long delay means a page that reloads itself to stay fresh, not one that has moved.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin

from selectolax.lexbor import LexborHTMLParser as HTMLParser

MAX_DELAY_SECONDS = 100.0
# A script redirect is followed only from a page with almost nothing to read: a real page may
# carry a script that navigates on a click, and that is not a move.
STUB_TEXT_CHARS = 200
SNIFF_BYTES = 65_536

_CONTENT = re.compile(r"^\s*(\d+(?:\.\d*)?)\s*(?:[;,]\s*(?:url\s*=\s*)?(.*))?$", re.I | re.S)
_SCRIPT_MOVE = re.compile(
    r"""(?:window\.|self\.|top\.|document\.)?location(?:\.href)?\s*=\s*(["'])([^"'\s]+)\1"""
    r"""|location\.(?:replace|assign)\(\s*(["'])([^"'\s]+)\3\s*\)"""
)


def might_move(body: bytes) -> bool:
    """A cheap test on the raw bytes, so that ordinary pages are not parsed twice."""
    head = body[:SNIFF_BYTES].lower()
    return b"refresh" in head or (b"location" in head and len(body) <= SNIFF_BYTES)


def refresh_target(html: str, base_url: str) -> str | None:
    """The absolute URL the page sends the browser to, or None when it stays where it is."""
    tree = HTMLParser(html[:SNIFF_BYTES])
    for meta in tree.css("meta"):
        if (meta.attributes.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        if any(parent.tag == "noscript" for parent in _ancestors(meta)):
            continue
        target = _meta_target(meta.attributes.get("content") or "")
        if target:
            return _elsewhere(target, base_url)
    scripts = [script.text(deep=True) or "" for script in tree.css("script")]
    if scripts and _readable_chars(tree) <= STUB_TEXT_CHARS:
        for script in scripts:
            m = _SCRIPT_MOVE.search(script)
            if m:
                return _elsewhere(m.group(2) or m.group(4), base_url)
    return None


def _meta_target(content: str) -> str | None:
    m = _CONTENT.match(content)
    if not m or float(m.group(1)) >= MAX_DELAY_SECONDS or not m.group(2):
        return None
    return m.group(2).strip().strip("'\"").strip() or None


def _elsewhere(target: str, base_url: str) -> str | None:
    if target.lower().startswith(("javascript:", "#", "about:")):
        return None
    url = urljoin(base_url, target)
    return None if urldefrag(url).url == urldefrag(base_url).url else url


def _ancestors(node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _readable_chars(tree: HTMLParser) -> int:
    """Visible characters of the body (the tree's scripts and styles are dropped on the way)."""
    body = tree.body
    if body is None:
        return 0
    for node in body.css("script, style, noscript"):
        node.decompose()
    return len("".join((body.text(separator=" ") or "").split()))
