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

    def __post_init__(self) -> None:
        if self.faults not in ("none", "default"):
            raise ValueError(f"unknown fault profile {self.faults!r} (none | default)")
        if not 1 <= self.hosts <= 14:
            raise ValueError("hosts must be between 1 and 14")
        if self.first_ip + self.hosts + 1 > 254:
            raise ValueError("first_ip leaves no room for the hosts")
