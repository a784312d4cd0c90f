"""Imitation Chinese government portals served over real HTTP on loopback (see portals.py)."""

from crawlers.sim.config import SimConfig
from crawlers.sim.portals import SimPortals

__all__ = ["SimConfig", "SimPortals"]
