"""One module per CMS family; each turns a generated Site into served resources and truth."""

from __future__ import annotations

from crawlers.sim.families.base import Rendered
from crawlers.sim.model import Site


def render(site: Site, seed: int) -> Rendered:
    from crawlers.sim.families import (
        generic,
        generic_atob,
        generic_jsp,
        generic_mixed,
        generic_sh,
        generic_sz,
        gkmlpt,
        gkmlpt_other,
        hanweb,
        hanweb_jpaas,
        kaipu,
        lonsun,
        nfcms,
        trs,
        trs_bj,
        trs_js,
    )

    # the opt-in dialects of sites.VARIANT_SLOTS have modules of their own
    variants = {
        ("trs", "wuhan"): trs_js,
        ("hanweb", "jpaas"): hanweb_jpaas,
        ("generic", "atob"): generic_atob,
        ("trs", "beijing"): trs_bj,
        ("generic", "shanghai"): generic_sh,
        ("gkmlpt", "other"): gkmlpt_other,
        ("generic", "suzhou"): generic_sz,
        ("generic", "jsp"): generic_jsp,
        ("generic", "mixed"): generic_mixed,
    }
    families = {
        "trs": trs,
        "hanweb": hanweb,
        "gkmlpt": gkmlpt,
        "generic": generic,
        "nfcms": nfcms,
        "kaipu": kaipu,
        "lonsun": lonsun,
    }
    module = variants.get((site.family, site.variant)) or families[site.family]
    return module.render(site, seed)
