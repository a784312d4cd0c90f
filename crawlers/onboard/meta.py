"""What a portal page says about itself: the 《政府网站发展指引》 meta tags and the footer's site code.

Sites write `<meta name="SiteName" content="…">`, sometimes with the attributes reversed or spaced
oddly, and print 「政府网站标识码：1304000009」 in the footer (portal_patterns §2)."""

from __future__ import annotations

import re

_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""(\w[\w-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_FOOTER_CODE = re.compile(r"(?:政府网站标识码|网站标识码)\s*[:：]?\s*([0-9A-Za-z]{10})")
_SITE_CODE = re.compile(r"^(?:\d{10}|bm\d{8})$", re.I)


def page_meta(html: str) -> dict[str, str]:
    """name -> content of every <meta name=… content=…> (first occurrence wins; empty values dropped)."""
    found: dict[str, str] = {}
    for tag in _META.findall(html):
        attrs = {k.lower(): v.strip("'\"").strip() for k, v in _ATTR.findall(tag)}
        name, content = attrs.get("name"), attrs.get("content")
        if name and content and name not in found:
            found[name] = content
    return found


def site_id_code(html: str) -> str | None:
    """The 政府网站标识码 from the SiteIDCode meta, else from the footer text."""
    code = page_meta(html).get("SiteIDCode", "")
    if _SITE_CODE.match(code):
        return code
    m = _FOOTER_CODE.search(html)
    return m.group(1) if m and _SITE_CODE.match(m.group(1)) else None
