"""Deterministic world of portals: which regions, which issuers, which documents, published when.

Everything derives from random.Random seeded with strings built from the config seed, so the same
seed gives the same world on every run and platform (no use of hash()).
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from crawlers.sim.config import SimConfig
from crawlers.sim.content import nearmiss
from crawlers.sim.content.report import report_title, write_report
from crawlers.sim.model import Doc, Issuer, Site
from crawlers.sim.regions import TOWN_NAMES, Region, lookup, township
from crawlers.sim.sites import SLOTS, VARIANT_SLOTS, Slot

DEPARTMENT_TYPES = (
    "司法局",
    "市场监督管理局",
    "生态环境局",
    "人力资源和社会保障局",
    "政务服务数据管理局",
    "自然资源局",
    "交通运输局",
    "教育局",
    "住房和城乡建设局",
    "农业农村局",
    "应急管理局",
    "卫生健康委员会",
)
_PROVINCE_FORM = {
    "司法局": "司法厅",
    "生态环境局": "生态环境厅",
    "人力资源和社会保障局": "人力资源和社会保障厅",
    "教育局": "教育厅",
    "住房和城乡建设局": "住房和城乡建设厅",
    "农业农村局": "农业农村厅",
    "应急管理局": "应急管理厅",
    "自然资源局": "自然资源厅",
    "交通运输局": "交通运输厅",
}
_TOWN_SLUGS = {
    "城关镇": "cgz",
    "龙泉镇": "lqz",
    "新华街道": "xhjd",
    "东城街道": "dcjd",
    "河口镇": "hkz",
    "石桥镇": "sqz",
    "马坪镇": "mpz",
    "白沙镇": "bsz",
    "西湖街道": "xhjd",
    "大安镇": "daz",
}


def department(region: Region, dept_type: str) -> Issuer:
    word = _PROVINCE_FORM.get(dept_type, dept_type) if region.level == "province" else dept_type
    name = f"{region.name}{word}"
    return Issuer(name=name, kind="department", region=region, dept_type=dept_type, short=name)


def government(region: Region) -> Issuer:
    if region.level == "township":
        name = f"{region.name}办事处" if region.name.endswith("街道") else f"{region.name}人民政府"
        return Issuer(name=name, kind="government", region=region, short=region.name)
    return Issuer(name=f"{region.name}人民政府", kind="government", region=region, short=region.name)


def party_government(region: Region) -> Issuer:
    return Issuer(
        name=f"中共{region.name}委、{region.name}人民政府",
        kind="party_government",
        region=region,
        short=region.name,
    )


def _publish_time(rng: random.Random, issuer: Issuer, year: int) -> datetime:
    """Mostly before the deadline (1 Mar departments, 1 Apr governments of year+1), some late, a few early."""
    deadline = date(year + 1, 3, 1) if issuer.kind == "department" else date(year + 1, 4, 1)
    roll = rng.random()
    if roll < 0.04:
        day = date(year, 12, rng.randint(5, 30))
    elif roll < 0.16:
        day = deadline + timedelta(days=rng.randint(1, 150))
    else:
        start = date(year + 1, 1, 8)
        day = start + timedelta(days=rng.randint(0, (deadline - start).days - 1))
    return datetime(
        day.year, day.month, day.day, rng.randint(8, 18), rng.choice((0, 5, 12, 20, 30, 41, 47, 55))
    )


def _report_probability(year: int, issuer: Issuer) -> float:
    p = 0.45 if year <= 2016 else 0.75 if year <= 2019 else 0.92
    if issuer.kind == "department" and issuer.region.level != "province":
        p *= 0.85
    if issuer.region.level == "township":
        p *= 0.7
    return p


def build_site(config: SimConfig, index: int | Slot) -> Site:
    slot = SLOTS[index] if isinstance(index, int) else index
    rng = random.Random(f"{config.seed}|site|{slot.key}")
    name, slug = rng.choice(slot.candidates)
    region = lookup(name)
    towns = [township(region, t, i) for i, t in enumerate(rng.sample(TOWN_NAMES, max(slot.townships, 1)))]
    if slot.level == "township":
        town = towns[0]
        owner = government(town)
        domain = slot.domain.format(slug=slug, town=_TOWN_SLUGS[town.name])
        site_region = town
    elif slot.level == "department":
        owner = department(region, slot.dept or "司法局")
        domain = slot.domain.format(slug=slug)
        site_region = region
    else:
        owner = government(region)
        domain = slot.domain.format(slug=slug)
        site_region = region
    code6 = region.code[:6]
    site = Site(
        key=slot.key,
        family=slot.family,
        variant=slot.variant,
        level=slot.level,
        region=site_region,
        owner=owner,
        site_name=owner.name if slot.level != "department" else f"{owner.name}门户网站",
        domain=domain,
        site_id_code=f"{code6}{rng.randint(1, 60):04d}",
        encoding=slot.encoding,
        big5_gateway=slot.big5,
        column_id=rng.randint(10000, 99999),
    )
    issuers = [owner]
    n_depts = round(slot.departments * config.scale)
    # A 司法局 portal (the 依法治市办 sits there) also carries other departments' reports.
    types = [t for t in DEPARTMENT_TYPES if t != slot.dept]
    issuers += [department(region, d) for d in rng.sample(types, min(n_depts, len(types)))]
    issuers += [government(t) for t in towns[: slot.townships]]
    site.docs = _documents(config, site, slot, issuers, rng)
    return site


def _documents(
    config: SimConfig, site: Site, slot: Slot, issuers: list[Issuer], rng: random.Random
) -> list[Doc]:
    docs: list[Doc] = []
    party_years = {y for y in config.years if slot.party_government and y >= 2019 and rng.random() < 0.5}
    owner = site.owner
    for year in config.years:
        for issuer in issuers:
            drng = random.Random(f"{config.seed}|doc|{site.key}|{issuer.name}|{year}")
            if drng.random() >= _report_probability(year, issuer):
                continue
            who = party_government(issuer.region) if issuer is owner and year in party_years else issuer
            title = report_title(drng, who, year)
            if who.kind == "party_government":
                title = (
                    f"中共{who.region.name}委 {who.region.name}人民政府关于{year}年度法治政府建设情况的报告"
                )
            sub_unit = drng.choice(
                (
                    f"{issuer.region.name}综合行政执法大队",
                    "城区人民调解委员会",
                    "市场监管执法支队",
                    "交通运输执法大队",
                )
            )
            paras, facts = write_report(drng, who, year, config.seed, sub_unit)
            published = _publish_time(drng, who, year)
            written = (published - timedelta(days=drng.randint(0, 12))).date()
            paras = [
                *paras,
                who.name.replace("、", "\n") if who.kind == "party_government" else who.name,
                f"{written.year}年{written.month}月{written.day}日",
            ]
            paras = [p for chunk in paras for p in chunk.split("\n")]
            for f in facts:
                f.setdefault("period_year", year)
            number = ""
            if who.kind != "department" and who.region.level != "township" and drng.random() < 0.6:
                abbr = who.region.name[0]
                kind_word = "发" if who.kind == "party_government" else "府报"
                number = f"{abbr}{kind_word}〔{published.year}〕{drng.randint(1, 40)}号"
            docs.append(
                Doc(
                    doc_number=number,
                    doc_id=0,
                    kind="report",
                    doc_kind="annual_report",
                    title=title,
                    report_year=year,
                    issuer=who,
                    published=published,
                    written=written,
                    paragraphs=paras,
                    metrics=facts,
                    pdf_only=site.variant == "chongqing" and drng.random() < 0.4,
                    pdf_copy=site.family == "trs" and site.variant != "chongqing" and drng.random() < 0.12,
                    docx_copy=site.family == "hanweb" and site.level == "county" and drng.random() < 0.3,
                )
            )
        docs.extend(_near_misses(config, site, owner, year, docs))
    docs.sort(key=lambda d: (d.published, d.title))
    id_rng = random.Random(f"{config.seed}|ids|{site.key}")
    next_id = id_rng.randint(1_200_000, 4_800_000)
    for d in docs:
        next_id += id_rng.randint(3, 4000)
        d.doc_id = next_id
    return docs


def _near_misses(config: SimConfig, site: Site, owner: Issuer, year: int, docs: list[Doc]) -> list[Doc]:
    rng = random.Random(f"{config.seed}|near|{site.key}|{year}")
    out: list[Doc] = []

    def add(nm: nearmiss.NearMiss, published: datetime, about: int) -> None:
        out.append(
            Doc(
                doc_id=0,
                kind="near_miss",
                doc_kind=nm.doc_kind,
                title=nm.title,
                report_year=None,
                issuer=nm.issuer,
                published=published,
                written=published.date(),
                paragraphs=nm.paragraphs,
                about_year=about,
            )
        )

    def when(month_lo: int, month_hi: int) -> datetime:
        return datetime(
            year + 1,
            rng.randint(month_lo, month_hi),
            rng.randint(1, 28),
            rng.randint(8, 18),
            rng.choice((3, 16, 28, 39, 50)),
        )

    own = [
        d
        for d in docs
        if d.report_year == year
        and d.kind == "report"
        and d.issuer.region == owner.region
        and d.issuer.kind != "department"
    ]
    if own and rng.random() < 0.3:
        report = own[0]
        add(
            nearmiss.interpretation(rng, report.issuer, report.title, year),
            report.published + timedelta(days=rng.randint(0, 3), hours=1),
            year,
        )
    if rng.random() < 0.3:
        add(nearmiss.plan(rng, owner, year + 1), when(1, 4), year + 1)
    if owner.kind == "government" and owner.region.level != "township" and rng.random() < 0.22:
        office = f"{owner.region.name}委全面依法治{owner.region.short}委员会办公室"
        add(nearmiss.notice(rng, owner, office, year, (year + 1, 2, rng.randint(10, 28))), when(1, 1), year)
    if rng.random() < 0.22:
        add(nearmiss.news(rng, owner, year), when(1, 6), year)
    if owner.kind != "department" and rng.random() < 0.25:
        add(
            nearmiss.disclosure_report(rng, owner, year),
            datetime(year + 1, 1, rng.randint(20, 31), 10, 0),
            year,
        )
    return out


def build_world(config: SimConfig) -> list[Site]:
    slots = SLOTS[: config.hosts] + (VARIANT_SLOTS if config.variants else ())
    return [build_site(config, slot) for slot in slots]
