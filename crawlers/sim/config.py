"""Settings of one imitation run."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SimConfig:
    seed: int = 1
    hosts: int = 14  # how many portals (slots are taken in order; the first four cover every family)
    years: range = range(2015, 2026)  # report years
    faults: str = "none"  # none | default
    port: int = 0  # 0: an ephemeral port per host
    first_ip: int = 2  # portals listen on 127.0.0.<first_ip>, <first_ip + 1>, …
    scale: float = 1.0  # multiplies the number of departments per portal
    slow_seconds: float = 4.5  # how long a "slow" fault stalls; above the sim sources' 3 s timeout
    # Opt-in: after the `hosts` default portals, also serve the dialects of crawlers/sim/sites.py
    # VARIANT_SLOTS (layouts the adapters were not written against; off by default so the default
    # world, its truth and every figure measured on it stay as they are).
    variants: bool = False

    def __post_init__(self) -> None:
        if self.faults not in ("none", "default"):
            raise ValueError(f"unknown fault profile {self.faults!r} (none | default)")
        if not (1 if not self.variants else 0) <= self.hosts <= 14:
            raise ValueError("hosts must be between 1 and 14 (0 allowed with variants)")
        if self.first_ip + self.portal_count + 1 > 254:
            raise ValueError("first_ip leaves no room for the hosts")

    @property
    def portal_count(self) -> int:
        from crawlers.sim.sites import VARIANT_SLOTS

        return self.hosts + (len(VARIANT_SLOTS) if self.variants else 0)
