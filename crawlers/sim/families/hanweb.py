"""Placeholder until the family is written."""

from crawlers.sim.families.base import Rendered
from crawlers.sim.families.trs import render as _trs_render
from crawlers.sim.model import Site


def render(site: Site, seed: int) -> Rendered:
    return _trs_render(site, seed)
