"""One module per CMS family; each turns a generated Site into served resources and truth."""

from __future__ import annotations

from crawlers.sim.families.base import Rendered
from crawlers.sim.model import Site


def render(site: Site, seed: int) -> Rendered:
    from crawlers.sim.families import generic, gkmlpt, hanweb, trs

    module = {"trs": trs, "hanweb": hanweb, "gkmlpt": gkmlpt, "generic": generic}[site.family]
    return module.render(site, seed)
