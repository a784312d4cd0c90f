"""Per-host fault plans: which URL misbehaves how, and whether a patient client can recover.

Transient faults answer the first `times` requests of a URL badly and then serve it normally, so a
client that retries succeeds; permanent ones never serve the page. Choices derive from the seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

TRANSIENT = ("500", "503", "429", "slow", "reset", "truncate")
PERMANENT = ("500", "redirect_loop", "offsite", "challenge", "robots")


@dataclass(frozen=True)
class Fault:
    kind: str  # 500 | 503 | 429 | slow | reset | truncate | redirect_loop | offsite | challenge | robots
    times: int | None  # failing requests before success; None = permanent

    @property
    def recoverable(self) -> bool:
        return self.times is not None

    @property
    def label(self) -> str:
        return f"{self.kind}x{self.times}" if self.times else f"{self.kind}:permanent"


@dataclass
class FaultPlan:
    by_path: dict[str, Fault]
    wrong_charset: set[str]  # paths whose Content-Type header claims utf-8 over GBK bytes
    # Requests a host accepts in any trailing second before it answers 429 (None: no limit).
    rate_limit: int | None = None

    def robots_disallowed(self) -> list[str]:
        return sorted(p for p, f in self.by_path.items() if f.kind == "robots")


# Rates of the default profile: modest, so most of a crawl goes through.
LEAF_TRANSIENT_RATE = 0.08
LEAF_PERMANENT_RATE = 0.035
LIST_TRANSIENT_RATE = 0.12
CHALLENGE_HOST = "trs-county"  # a 瑞数-protected portal: more of its articles answer a challenge
# A portal that throttles: more than RATE_LIMIT requests within a second get 429 + Retry-After.
# The sim sources' politeness (10 requests/s) stays under it; an impolite client does not.
RATE_LIMITED_HOST = "hanweb-city"
RATE_LIMIT = 15


def plan_faults(
    profile: str,
    seed: int,
    site_key: str,
    lists: list[str],
    leaves: list[str],
    gbk: bool,
    html_paths: list[str],
) -> FaultPlan:
    if profile == "none":
        return FaultPlan({}, set())
    rng = random.Random(f"{seed}|faults|{site_key}")
    by_path: dict[str, Fault] = {}
    for path in lists:
        # List pages only fail transiently: a permanent failure there would hide reports altogether.
        if rng.random() < LIST_TRANSIENT_RATE:
            by_path[path] = Fault(rng.choice(TRANSIENT), rng.randint(1, 2))
    challenge_rate = 0.12 if site_key == CHALLENGE_HOST else 0.0
    for path in leaves:
        roll = rng.random()
        if roll < challenge_rate:
            by_path[path] = Fault("challenge", None)
        elif roll < challenge_rate + LEAF_PERMANENT_RATE:
            by_path[path] = Fault(rng.choice(PERMANENT), None)
        elif roll < challenge_rate + LEAF_PERMANENT_RATE + LEAF_TRANSIENT_RATE:
            by_path[path] = Fault(rng.choice(TRANSIENT), rng.randint(1, 2))
    wrong = {p for p in html_paths if gbk and rng.random() < 0.5}
    return FaultPlan(by_path, wrong, RATE_LIMIT if site_key == RATE_LIMITED_HOST else None)


def ruishu_challenge(seed_value: str) -> tuple[bytes, str]:
    """A 瑞数-style challenge page and its Set-Cookie (the name ends in S; a browser would compute …T)."""
    rng = random.Random(seed_value)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    meta_id = "".join(rng.choice(letters) for _ in range(12))
    content = "".join(rng.choice(letters) for _ in range(140))
    cd = "".join(rng.choice(letters) for _ in range(400))
    cookie_name = "".join(rng.choice(letters[:52]) for _ in range(12)) + "S"
    cookie_value = "60" + "".join(rng.choice(letters) for _ in range(80))
    script = "".join(rng.choice("abcdefghijklmnop") for _ in range(10))
    page = (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        f'<meta id="{meta_id}" content="{content}" r=\'m\'>'
        f"<script type=\"text/javascript\" r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={{}};"
        f'$_ts.nsd=3{rng.randint(1000, 9999)};$_ts.cd="{cd}";</script>'
        f'<script type="text/javascript" charset="utf-8" src="/{script[:4]}/{script}.js" r=\'m\'></script>'
        "</head><body></body></html>"
    )
    cookie = f"{cookie_name}={cookie_value}; Path=/; expires=Fri, 01 Jan 2100 00:00:00 GMT; HttpOnly"
    return page.encode(), cookie


def ensure_every_kind(plans: list[tuple[str, FaultPlan, list[str]]], seed: int) -> None:
    """Give the default profile at least one page of each fault kind, whatever the dice said.

    plans: (site key, plan, leaf paths) per portal. Missing kinds go to leaves without a fault.
    """
    present = {f.kind for _, plan, _ in plans for f in plan.by_path.values()}
    rng = random.Random(f"{seed}|faults|coverage")
    free = [(plan, path) for _, plan, leaves in plans for path in leaves if path not in plan.by_path]
    rng.shuffle(free)
    for kind in (*PERMANENT, *TRANSIENT):
        if kind in present or not free:
            continue
        plan, path = free.pop()
        plan.by_path[path] = Fault(kind, None if kind in PERMANENT and kind not in TRANSIENT else 1)
        present.add(kind)
