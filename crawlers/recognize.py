"""Which CMS family a column page belongs to, read from the page itself (for `fazhi crawl --column`)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from crawlers.adapters.listapi import find_list_apis
from crawlers.adapters.trs import parse_pager
from crawlers.model import Column, Politeness, Source

_HANWEB_STORE = re.compile(r"<datastore>.*?(webid|columnid|unitid|<recordset>)", re.S | re.I)
_HANWEB_PATH = re.compile(r"/col/col\d+/", re.I)
_GKMLPT = re.compile(r"""window\._CONFIG\s*=\s*\{[^<]*?\bSID['"]?\s*:""", re.S)


def recognise(url: str, html: str) -> str:
    """trs | hanweb | gkmlpt | generic.

    JCMS column shells filled from the jpaas API gateway are Hanweb. NFCMS lists (content/post_{id}.html
    links), shells filled from other list APIs (common/search) and every other template are read by
    generic."""
    if _GKMLPT.search(html) or "/gkmlpt/" in urlsplit(url).path:
        return "gkmlpt"
    if _HANWEB_STORE.search(html) or (_HANWEB_PATH.search(url) and "dataproxy.jsp" in html):
        return "hanweb"
    if any("/jpaas-publish-server/" in api.url for api in find_list_apis(html, url)):
        return "hanweb"  # JCMS column shells filled from the API gateway
    if parse_pager(html) is not None:
        return "trs"
    return "generic"


def source_id_for(url: str) -> str:
    """A stable id for an ad-hoc source: its host, dots as dashes (www. dropped)."""
    host = (urlsplit(url).hostname or "unknown").lower()
    host = host.removeprefix("www.")
    return re.sub(r"[^a-z0-9]+", "-", host).strip("-")


def adhoc_source(url: str, adapter: str, politeness: Politeness | None = None) -> Source:
    """A one-column source for a column URL given on the command line."""
    parts = urlsplit(url)
    return Source(
        id=source_id_for(url),
        name=parts.hostname or url,
        base_url=f"{parts.scheme}://{parts.netloc}/",
        adapter=adapter,
        columns=(Column(url=url, adapter=adapter),),
        politeness=politeness or Politeness(),
    )
