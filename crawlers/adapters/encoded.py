"""HTML a page carries encoded and a script decodes in the browser (so no parser sees its links).

Seen on Yunnan portals (portal_patterns §1.6): the pager is base64 of URL-quoted HTML inside
div#pages, turned back into links by `decodeURIComponent(window.atob(…))`. Only pages whose scripts
call atob are searched, and only blobs that decode to markup with links are kept."""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote

_ATOB = re.compile(r"\batob\s*\(")
# a base64 run standing alone: element text (>blob<) or a string literal ("blob")
_BLOB = re.compile(r"""(?:(?<=>)|(?<=["']))\s*([A-Za-z0-9+/]{16,}={0,2})\s*(?=<|["'])""")
MAX_BLOBS = 20


def decoded_fragments(html: str) -> list[str]:
    """HTML fragments with links that the page's scripts decode from base64 (empty for most pages)."""
    if not _ATOB.search(html):
        return []
    out: list[str] = []
    for m in _BLOB.finditer(html):
        if len(out) >= MAX_BLOBS:
            break
        blob = m.group(1)
        try:
            raw = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True)
            text = raw.decode("utf-8")
        except (binascii.Error, ValueError):
            continue
        text = unquote(text) if "%3C" in text.upper() else text  # URL-quoted before encoding
        if "<a" in text and "href" in text:
            out.append(text)
    return out
