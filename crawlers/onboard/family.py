"""The CMS family a page shows, as a label for people (nfcms, kaipu …) beside the adapter that reads it.

crawlers.recognize picks the adapter (trs | hanweb | gkmlpt | generic); NFCMS and Kaipu lists are read
by generic, but naming them tells the user what they pinned and lets `sources check` notice redesigns."""

from __future__ import annotations

import re

from crawlers.recognize import recognise

_NFCMS = re.compile(r"NFCMS_(?:SITE|POST)_ID|/content/post_\d+\.html|NFC_(?:INCLUDE|CATEGORY)", re.I)
_KAIPU = re.compile(r"CMSPRO_|UCAP-?CONTENT|/search[45]/(?:s|html|search)|/guestweb4/s", re.I)
_LONSUN = re.compile(r"/public/column/\d+|cn\.lonsun|Ls-Language", re.I)


def family_label(url: str, html: str) -> str:
    """trs | hanweb | gkmlpt | nfcms | kaipu | lonsun | generic."""
    adapter = recognise(url, html)
    if adapter != "generic":
        return adapter
    for label, pattern in (("nfcms", _NFCMS), ("kaipu", _KAIPU), ("lonsun", _LONSUN)):
        if pattern.search(html):
            return label
    return "generic"
