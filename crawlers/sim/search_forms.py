"""Site-search forms on the imitation home pages, as the real families print them.

Hanweb portals post to jrobot (`/jrobot/search.do` with hidden webid, pg, p, tpl, category, pos —
portal_patterns §1.2), TRS portals to WAS5 (`/was5/web/search` with searchword and channelid, §1.1).
The search endpoints themselves are served by the family modules; this only adds the way in a
visitor (and a crawler given only the home address) sees."""

from __future__ import annotations

import random

from crawlers.sim.families.base import Rendered, html_resource
from crawlers.sim.model import Site

HOME_PATHS = ("/", "/index.html")


def search_form(site: Site) -> str | None:
    """The home page's search box for this site's family; None for families without a site search."""
    if site.family == "hanweb":
        from crawlers.sim.families.hanweb import _ids

        webid, _ = _ids(site)
        return (
            '<div class="search"><form action="/jrobot/search.do" method="get" target="_blank">'
            f'<input type="hidden" name="webid" value="{webid}"><input type="hidden" name="pg" value="12">'
            '<input type="hidden" name="p" value="1"><input type="hidden" name="tpl" value="">'
            '<input type="hidden" name="category" value="">'
            '<input type="hidden" name="pos" value="title,content">'
            '<input type="text" name="q" placeholder="请输入关键词">'
            '<input type="submit" value="搜索"></form></div>'
        )
    if site.family == "trs":
        channel = random.Random(f"was5|{site.key}|{site.domain}").randint(1000, 9999)
        return (
            '<div class="search"><form action="/was5/web/search" method="get" target="_blank">'
            f'<input type="hidden" name="channelid" value="{channel}">'
            '<input type="text" name="searchword" placeholder="请输入关键字">'
            '<input type="submit" value="检索"></form></div>'
        )
    return None


def add_search_form(site: Site, rendered: Rendered) -> None:
    """Put the family's search box into the page header of the home page (both of its addresses)."""
    form = search_form(site)
    if form is None:
        return
    for path in HOME_PATHS:
        old = rendered.routes.get(path)
        if old is None:
            continue
        html = old.body.decode(site.encoding)
        marker = '<div class="header">'
        if marker not in html or form in html:  # idempotent: a portal is built once, tests may add again
            continue
        rendered.routes[path] = html_resource(site, html.replace(marker, marker + form, 1), old.last_modified)
