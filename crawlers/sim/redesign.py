"""Redesign a running imitation portal: its report column switches to another template.

Real portals move to a new CMS or template without notice; the old column address then answers
with a page of another family that lists nothing (or a notice pointing elsewhere). Tests use this
to check that `fazhi sources check` flags the source.

    with SimPortals(config) as sim:
        redesign_column(sim, "trs-prov")   # from now on the column answers in the new template
"""

from __future__ import annotations

from html import escape

from crawlers.sim.families.base import COLUMN_NAME, html_resource, meta_tags, page_shell
from crawlers.sim.portals import SimPortals


def _moved_page(portal) -> str:
    site = portal.site
    body = (
        f'<div class="list-wrap"><h2>{escape(COLUMN_NAME)}</h2>'
        '<div class="empty">栏目调整中，相关信息请通过站内搜索查询。</div>'
        '<ul class="news"><li><a href="/zwgk/index.html">返回政府信息公开</a></li></ul></div>'
    )
    return page_shell(site, COLUMN_NAME, meta_tags(site, COLUMN_NAME), body)


def redesign_column(sim: SimPortals, key: str) -> list[str]:
    """Serve the new template at every list address of the portal's report column; returns those paths.

    Routes are swapped in place, so the running server answers with the new pages at once."""
    portal = sim.portal(key)
    page = html_resource(portal.site, _moved_page(portal))
    paths = [path for path, _, _ in portal.rendered.columns]
    paths += [p for p in portal.rendered.lists if p not in paths]
    changed = []
    for path in paths:
        bare = path.split("#", 1)[0]
        portal.rendered.routes[bare] = page
        changed.append(bare)
    if any("/gkmlpt/" in p for p in changed):
        portal.rendered.routes["/gkmlpt/index"] = page
    return changed
