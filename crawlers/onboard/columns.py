"""The column an article address belongs to, where the CMS writes it into the address.

- Hanweb `/art/{Y}/{M}/{D}/art_{COL}_{ID}.html` and `/col/col{COL}/art/…` -> `/col/col{COL}/index.html`
- TRS `{column}/{YYYYMM}/t{YYYYMMDD}_{id}.html` -> `{column}/`;
  channel sites `/c{COL}/c{ID}/content.shtml` -> `/c{COL}/`
- NFCMS `{section}/content/post_{id}.html` -> `{section}/`
- gkmlpt `{prefix}/gkmlpt/content/…` -> `{prefix}/gkmlpt/index` (one instance per 集约化 prefix)
- date folders `{column}/{YYYYMM}/{hash}.shtml`, `{column}/{YYYYMMDD}/{uuid}.html` -> `{column}/`
(report_columns.csv `column_basis` rests on the same shapes.)"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

_HANWEB_ART = re.compile(r"/art/\d{4}/\d{1,2}/\d{1,2}/art_(\d+)_\d+\.html?$", re.I)
_HANWEB_COL_ART = re.compile(r"^(.*/col/col\d+/)art/", re.I)
_TRS_ART = re.compile(r"^(.*/)\d{6}/t\d{8}_\d+\.\w+$", re.I)
_CHANNEL_ART = re.compile(r"^(.*/c\d+/)c\d+/content\.s?html?$", re.I)
_NFCMS_POST = re.compile(r"^(.*/)content/m?post_\d+\.html?$", re.I)
_DATE_FOLDER = re.compile(r"^(.*/)(?:\d{6}|\d{8}|\d{6}/\d{2})/[\w-]+\.\w+$", re.I)


def column_of_article(url: str) -> tuple[str, str] | None:
    """(column URL, adapter) for an article address whose shape names its column, else None."""
    parts = urlsplit(url)
    path = parts.path

    def at(p: str) -> str:
        return urlunsplit((parts.scheme, parts.netloc, p, "", ""))

    if "/gkmlpt/" in path:
        # 集约化 portals host one gkmlpt per department or township under a path prefix; the content
        # address names the instance, whose index lists its rule-of-law categories
        prefix = path[: path.find("/gkmlpt/")]
        return (at(f"{prefix}/gkmlpt/index"), "gkmlpt") if "/gkmlpt/content/" in path else None
    if m := _HANWEB_ART.search(path):
        return at(f"/col/col{m.group(1)}/index.html"), "hanweb"
    if m := _HANWEB_COL_ART.match(path):
        return at(m.group(1) + "index.html"), "hanweb"
    if m := _TRS_ART.match(path):
        return at(m.group(1)), "trs"
    if m := _CHANNEL_ART.match(path):
        return at(m.group(1)), "trs"
    if m := _NFCMS_POST.match(path):
        return at(m.group(1)), "generic"
    if m := _DATE_FOLDER.match(path):
        return at(m.group(1)), "generic"
    return None
