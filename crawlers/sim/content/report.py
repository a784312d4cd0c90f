"""Assemble one annual report: title, opening, numbered parts, metric sentences, signature."""

from __future__ import annotations

import random
from collections.abc import Callable

from crawlers.sim.content import prose
from crawlers.sim.content.figures import BASE_RATES, BASE_VALUES, LEVEL_SCALE
from crawlers.sim.content.metrics import (
    BUILDERS,
    DEPARTMENT_GROUPS,
    GOVERNMENT_GROUPS,
    OTHER_DEPARTMENT_GROUPS,
    Ctx,
    Sentence,
)
from crawlers.sim.content.numbers import chinese_numeral
from crawlers.sim.model import Issuer

_DERIVED = {
    # key: (base key, lowest share, highest share) — keeps accepted <= received and so on.
    "reconsideration_accepted": ("reconsideration_received", 0.78, 0.97),
    "reconsideration_concluded": ("reconsideration_accepted", 0.8, 1.0),
    "mediation_resolved": ("mediation_disputes", 0.95, 0.995),
    "hotline_resolved": ("hotline_received", 0.96, 0.999),
}


def series_for(issuer: Issuer, seed: int) -> Callable[[str, int], int]:
    """An issuer's figures over the years: stable per (seed, issuer, key), drifting year to year."""
    scale = LEVEL_SCALE.get(issuer.region.level, 1.0) * (0.35 if issuer.kind == "department" else 1.0)

    def value(key: str, year: int) -> int:
        rng = random.Random(f"{seed}|{issuer.name}|{key}|{year}")
        if key in BASE_RATES:
            lo, hi = BASE_RATES[key]
            return rng.randint(lo, hi)
        if key in _DERIVED:
            base, lo, hi = _DERIVED[key]
            return max(1, int(value(base, year) * rng.uniform(lo, hi)))
        lo, hi = BASE_VALUES[key]
        base = random.Random(f"{seed}|{issuer.name}|{key}").uniform(lo, hi) * scale
        drift = 1 + 0.06 * (year - 2018) + rng.uniform(-0.15, 0.15)
        floor = 0 if key in ("reconsideration_confirmed_illegal", "litigation_lost") else 1
        return max(floor, int(base * drift))

    return value


def report_title(rng: random.Random, issuer: Issuer, year: int) -> str:
    if issuer.kind == "party_government":
        return f"{issuer.name}关于{year}年度法治政府建设情况的报告"
    if issuer.kind == "department":
        return rng.choice(
            (
                f"{issuer.short}{year}年度法治政府建设工作情况报告",
                f"{issuer.short}关于{year}年法治政府建设工作的报告",
                f"{issuer.short}{year}年法治政府建设年度报告",
                f"{issuer.short}{year}年度法治政府建设情况报告",
            )
        )
    if issuer.region.level == "township":
        return rng.choice(
            (f"{issuer.short}{year}年法治政府建设年度报告", f"{issuer.name}{year}年度法治政府建设工作报告")
        )
    return rng.choice(
        (
            f"{issuer.name}关于{year}年度法治政府建设情况的报告",
            f"{issuer.short}{year}年法治政府建设年度报告",
            f"{issuer.name}{year}年度法治政府建设工作报告",
            f"{issuer.short}{year}年度法治政府建设情况报告",
        )
    )


def _superior(issuer: Issuer) -> str:
    """Who 'leads' the issuer in the opening sentence: its own level's party committee and government
    for a department, the next level up for a government (a township's county or district)."""
    region = issuer.region
    if issuer.kind == "department":
        word = region.short if region.level != "province" else "省"
        return f"{word}委、{word}政府"
    if region.level == "province":
        return "党中央、国务院"
    if region.level == "township":
        word = (region.county or "县")[-1]
        return f"{word}委、{word}政府"
    if region.level == "county" and region.prefecture == region.province:  # districts of a municipality
        return "市委、市政府"
    return {"prefecture": "省委、省政府", "county": "市委、市政府"}.get(region.level, "上级党委、政府")


def _recipient(issuer: Issuer) -> str:
    r = issuer.region
    if issuer.kind == "department":
        return f"{r.name}人民政府："
    if r.level == "province":
        return "国务院："
    if r.level == "township":
        return f"{r.county}人民政府："
    return f"{r.name}人大常委会："


def _fill(text: str, issuer: Issuer, year: int, rng: random.Random) -> str:
    return text.format(
        self=issuer.self_word,
        area=issuer.area_word,
        gov=issuer.gov_name,
        superior=_superior(issuer),
        y=year,
        ny=year + 1,
        n_study=rng.randint(4, 12),
    )


def era(text: str, year: int) -> str:
    """Keep the wording true to the year: no 习近平法治思想 before 2020, no 二十大 before 2022 …"""
    if year < 2020:
        text = text.replace(
            "习近平法治思想", "习近平新时代中国特色社会主义思想" if year >= 2017 else "党的十八届四中全会精神"
        )
    if year < 2022:
        text = text.replace(
            "党的二十大精神", "党的十九大精神" if year >= 2017 else "党的十八大和十八届三中、四中全会精神"
        )
    if year < 2021:
        text = text.replace("“八五”普法", "“七五”普法")
    if year < 2020:
        text = text.replace("民法典宣传月", "“12·4”国家宪法日").replace("民法典", "宪法")
    if year < 2019:
        text = text.replace("“跨省通办”", "“最多跑一次”")
    return text


def write_report(
    rng: random.Random, issuer: Issuer, year: int, seed: int, sub_unit: str
) -> tuple[list[str], list[dict]]:
    """Paragraphs of the report body and its metric facts (evidence = the exact sentence)."""
    series = series_for(issuer, seed)
    ctx = Ctx(
        year=year,
        issuer=issuer.name,
        issuer_kind=issuer.kind,
        dept_type=issuer.dept_type,
        self_word=issuer.self_word,
        area_word=issuer.area_word,
        gov_name=issuer.gov_name,
        series=series,
        sub_unit=sub_unit,
    )
    groups = (
        DEPARTMENT_GROUPS.get(issuer.dept_type or "", OTHER_DEPARTMENT_GROUPS)
        if issuer.kind == "department"
        else GOVERNMENT_GROUPS
    )
    chosen = {g for g in groups if rng.random() < (0.55 if issuer.kind != "department" else 0.7)}
    if year <= 2016:  # early reports were short and gave few figures
        # draw in the groups' fixed order: iterating the set would follow string hashing (PYTHONHASHSEED)
        chosen = {g for g in groups if g in chosen and rng.random() < 0.4}

    paras: list[str] = []
    facts: list[dict] = []
    if rng.random() < 0.35:
        paras.append(_recipient(issuer))
    paras.append(_fill(rng.choice(prose.OPENINGS), issuer, year, rng))
    paras.append(_fill(rng.choice(prose.PART_ONE), issuer, year, rng))

    numbering = rng.choice(("paren", "paren_items", "yishi"))
    placed: set[str] = set()
    for i, (heading, hosts, fillers) in enumerate(prose.SECTIONS):
        here = [g for g in hosts if g in chosen and g not in placed]
        placed.update(here)
        # Each point opens with a measure; a group of figures may open a point of its own.
        points: list[list[Sentence]] = [
            [Sentence(_fill(s, issuer, year, rng))] for s in rng.sample(fillers, 2)
        ]
        for g in here:
            built = BUILDERS[g](rng, ctx)
            if rng.random() < 0.5 or not points:
                points.append(built)
            else:
                points[-1].extend(built)
        head = f"（{chinese_numeral(i + 1)}）{heading}"
        if numbering == "paren_items":
            paras.append(head)
            paras.extend(f"{j + 1}.{''.join(s.text for s in point)}" for j, point in enumerate(points))
        elif numbering == "yishi":
            words = "一二三四五六七八九十"
            for j, point in enumerate(points):
                if j < len(words):
                    point[0] = Sentence(f"{words[j]}是{point[0].text}", point[0].facts)
            paras.append(f"{head}。" + "".join(s.text for point in points for s in point))
        else:
            paras.append(head)
            paras.append("".join(s.text for point in points for s in point))
        sentences = [s for point in points for s in point]
        for s in sentences:
            for f in s.facts:
                facts.append({**f, "evidence": s.text})

    paras.append(prose.PART_TWO[rng.randrange(len(prose.PART_TWO))])
    paras.append("".join(rng.sample(prose.LEADER, 3)))
    paras.append(prose.PART_THREE[rng.randrange(len(prose.PART_THREE))])
    paras.append("".join(prose.SHORTCOMINGS[: rng.randint(2, 4)]) + prose.SHORTCOMINGS[-1])
    paras.append(_fill(rng.choice(prose.PART_FOUR), issuer, year, rng))
    plan = list(prose.PLANS[: rng.randint(3, 5)])
    if rng.random() < 0.5:
        plan.insert(2, rng.choice(prose.PLAN_DISTRACTORS).format(n=rng.choice((50, 95, 100, 200, 500))))
    paras.append("".join(plan))
    for f in facts:
        f["evidence"] = era(f["evidence"], year)
    return [era(p, year) for p in paras], facts
