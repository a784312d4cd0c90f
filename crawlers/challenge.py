"""Recognise anti-bot challenge pages, which must never be taken for content.

The fetcher cannot run the JavaScript these walls demand, so a challenge ends the fetch as
Outcome.BLOCKED (the page is archived as evidence). Signatures need two independent signs each, so
an ordinary page that merely mentions `document.cookie` or sits behind a WAF cookie is not flagged.

- 瑞数 (Ruishu / River Security): HTTP 412 (some versions 202, sometimes 200) with an inline
  `$_ts=window['$_ts']` script, `<meta … r='m'>` / `<script … r='m'>`, and a dynamic Set-Cookie whose
  name ends in "S" (the browser then computes the matching "…T" cookie).
- 加速乐 (JSL, Knownsec): HTTP 521 with a `document.cookie=…; location.href=…` script, `__jsluid_*`
  cookies, a `__jsl_clearance` cookie being set by script.
- WZWS (Wangsu WAF): `wzws_cid` / `wzws_sessionid` cookies and a page asking to enable JavaScript
  and reload (「请开启JavaScript并刷新该页」).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

SNIFF_CHARS = 20_000
_TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)
_RUISHU_TS = re.compile(r"\$_ts\s*=\s*window\[\s*['\"]\$_ts['\"]\s*\]|\$_ts\.(?:nsd|cd)\s*=")
_RUISHU_RM = re.compile(r"<(?:meta|script)\b[^>]*\br\s*=\s*['\"]m['\"]", re.I)
_RUISHU_COOKIE = re.compile(r"(?:^|[,;]\s*)([A-Za-z0-9]{8,}S)=", re.M)
_JSL_SCRIPT = re.compile(r"document\.cookie\s*=.{0,2000}?location\.(?:href|replace)", re.S)
_WZWS_TEXT = ("请开启JavaScript并刷新该页", "請開啟JavaScript並刷新該頁")


def visible_text_length(html: str) -> int:
    return len("".join(_TAGS.sub(" ", html).split()))


def _set_cookie(headers: Mapping[str, str]) -> str:
    return next((v for k, v in headers.items() if k.lower() == "set-cookie"), "")


def detect_challenge(status: int | None, headers: Mapping[str, str], text: str) -> str | None:
    """A reason naming the anti-bot system, or None for an ordinary response."""
    page = text[:SNIFF_CHARS]
    cookies = _set_cookie(headers)
    # a wall page carries almost no readable text; a real page that happens to embed the
    # vendor's script does
    bare = visible_text_length(page) < 200

    ruishu_signs = sum(
        (
            bool(_RUISHU_TS.search(page)),
            bool(_RUISHU_RM.search(page)),
            bool(_RUISHU_COOKIE.search(cookies)),
        )
    )
    if ruishu_signs and (status in (412, 202) or (ruishu_signs >= 2 and bare)):
        return f"anti-bot challenge: Ruishu (瑞数) JS cookie wall, HTTP {status}"

    jsl_cookie = "__jsluid" in cookies or "__jsl_clearance" in cookies
    jsl_script = bool(_JSL_SCRIPT.search(page))
    # the script spells the cookie name in pieces ('_')+('_')+('jsl_clearance_s'); the core survives
    jsl_named = "jsl_clearance" in page or jsl_cookie
    if (status == 521 and (jsl_cookie or jsl_script)) or (jsl_script and jsl_named and bare):
        return f"anti-bot challenge: Jiasule (加速乐) JS cookie wall, HTTP {status}"

    wzws_cookie = "wzws_cid" in cookies or "wzws_sessionid" in cookies
    wzws_text = any(marker in page for marker in _WZWS_TEXT)
    # WZWS's first answer may be a 307 to the same URL that sets the cookie; only when such redirects
    # go round in circles (the caller asks about loops) is it a wall
    looping_redirect = status in (301, 302, 303, 307, 308) and not page
    if wzws_text or (wzws_cookie and bare and ("<script" in page.lower() or looping_redirect)):
        return f"anti-bot challenge: WZWS (网宿) JavaScript check, HTTP {status}"
    return None
