"""One address per page: 繁体 gateway copies and mobile variants map to the page they copy.

Portals publish the same document under several addresses (portal_patterns §1.3, §4):
- a server-side Big5 gateway: `http://big5.www.gov.cn/gate/big5/www.gov.cn/{path}`,
  `http://www.fujian.gov.cn:85/gate/big5/www.fujian.gov.cn/{path}`, `{host}/gate/big5/{host}/{path}`;
  its text is a machine conversion of the simplified page, which is the one worth archiving;
- NFCMS / gkmlpt mobile pages `…/mpost_{id}.html` beside the desktop `…/post_{id}.html`.

    canonical_page("http://big5.www.gov.cn/gate/big5/www.gov.cn/zhengce/x.htm") -> "http://www.gov.cn/zhengce/x.htm"
    page_key(url)  # what dedupe compares: the canonical page without its scheme
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from crawlers.adapters.links import canonical_url

_GATEWAY = re.compile(r"^/gate/big5/([A-Za-z0-9.-]+(?::\d+)?)(/.*)?$", re.I)
_MOBILE_POST = re.compile(r"/mpost_(\d+)\.(s?html?)$", re.I)
_GATEWAY_HOST_PREFIXES = ("big5.",)


def _bare(host: str) -> str:
    host = host.lower()
    for prefix in _GATEWAY_HOST_PREFIXES:
        host = host.removeprefix(prefix)
    return host.removeprefix("www.")


def _from_gateway(url: str) -> str:
    parts = urlsplit(url)
    m = _GATEWAY.match(parts.path)
    if m is None:
        return url
    named, rest = m.group(1), m.group(2) or "/"
    serving = parts.hostname or ""
    if _bare(named.split(":")[0]) == _bare(serving):
        # The gateway names the site it converts: the original lives there, on its own port
        # (the gateway's :85 and the big5. host are the converter's, not the site's).
        netloc = named
    else:
        # The gateway converts a site reached here under another name (a mirror, a site-group
        # host): the original pages are served where the gateway is, minus its big5. prefix.
        host = serving.lower()
        for prefix in _GATEWAY_HOST_PREFIXES:
            host = host.removeprefix(prefix)
        netloc = host if parts.port is None else f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, rest, parts.query, ""))


def _from_big5_host(url: str) -> str:
    """`big5.example.gov.cn/{path}` without a /gate/ prefix also serves the converted copy."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not host.startswith("big5."):
        return url
    netloc = host[len("big5.") :] + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def canonical_page(url: str) -> str:
    """The address of the original page a gateway or mobile address copies (else the URL, normalised)."""
    url = canonical_url(url)
    gatewayed = _from_gateway(url)
    url = gatewayed if gatewayed != url else _from_big5_host(url)
    url = _MOBILE_POST.sub(lambda m: f"/post_{m.group(1)}.{m.group(2)}", url)
    return canonical_url(url)


def page_key(url: str) -> str:
    """Dedupe identity: the canonical page, whichever scheme a list links it with."""
    return canonical_page(url).split("://", 1)[-1]


def is_copy(url: str) -> bool:
    """True for a gateway or mobile address (one whose canonical page is elsewhere)."""
    return canonical_page(url) != canonical_url(url)
