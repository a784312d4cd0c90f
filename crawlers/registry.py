"""Source registry: portals described in TOML files.

[[source]]
id = "tj-kxjs"
name = "天津市科学技术局"
base_url = "https://kxjs.tj.gov.cn/"
adapter = "trs"
region_code = "120000"
level = "department"
allowed_domains = ["kxjs.tj.gov.cn"]      # optional; default: hosts of base_url and columns
[source.politeness]                        # optional overrides of crawlers.model.Politeness
requests_per_second = 0.5
[[source.columns]]
url = "https://kxjs.tj.gov.cn/ZWGK4143/XZZF201019/fzzfjsndbg/"
name = "法治政府建设年度报告"
adapter = "trs"                            # optional; default: the source's adapter
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import tomli_w

from crawlers.model import Column, Politeness, Source


class RegistryError(ValueError):
    """A registry file that cannot be used; the message names the file and the entry."""


_POLITENESS_FIELDS = {f.name for f in fields(Politeness)}


def _source_from_dict(entry: dict[str, Any], where: str) -> Source:
    for key in ("id", "name", "base_url", "adapter"):
        if not entry.get(key):
            raise RegistryError(f"{where}: missing '{key}'")
    columns = entry.get("columns") or []
    if not columns:
        raise RegistryError(f"{where}: source {entry['id']!r} lists no columns")
    unknown = set(entry.get("politeness", {})) - _POLITENESS_FIELDS
    if unknown:
        raise RegistryError(f"{where}: unknown politeness settings {sorted(unknown)}")
    try:
        cols = tuple(Column(url=c["url"], name=c.get("name", ""), adapter=c.get("adapter")) for c in columns)
    except KeyError as exc:
        raise RegistryError(f"{where}: a column of {entry['id']!r} has no 'url'") from exc
    return Source(
        id=entry["id"],
        name=entry["name"],
        base_url=entry["base_url"],
        adapter=entry["adapter"],
        columns=cols,
        region_code=entry.get("region_code"),
        level=entry.get("level"),
        allowed_domains=tuple(entry.get("allowed_domains", ())),
        politeness=Politeness(**entry.get("politeness", {})),
    )


def load_sources(path: str | Path) -> list[Source]:
    """Read a registry file; raises RegistryError with the file and entry named."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RegistryError(f"{path}: {exc}") from exc
    sources = [
        _source_from_dict(e, f"{path} [[source]] #{i + 1}") for i, e in enumerate(data.get("source", []))
    ]
    seen: set[str] = set()
    for s in sources:
        if s.id in seen:
            raise RegistryError(f"{path}: duplicate source id {s.id!r}")
        seen.add(s.id)
    return sources


def source_to_dict(source: Source) -> dict[str, Any]:
    """The registry entry for a source; politeness lists only what differs from the defaults."""
    defaults = asdict(Politeness())
    entry: dict[str, Any] = {
        "id": source.id,
        "name": source.name,
        "base_url": source.base_url,
        "adapter": source.adapter,
    }
    if source.region_code:
        entry["region_code"] = source.region_code
    if source.level:
        entry["level"] = source.level
    if source.allowed_domains:
        entry["allowed_domains"] = list(source.allowed_domains)
    overrides = {k: v for k, v in asdict(source.politeness).items() if defaults[k] != v}
    if overrides:
        entry["politeness"] = overrides
    entry["columns"] = [
        {k: v for k, v in (("url", c.url), ("name", c.name), ("adapter", c.adapter)) if v}
        for c in source.columns
    ]
    return entry


def dump_sources(sources: list[Source]) -> str:
    """TOML text of a registry holding these sources."""
    return tomli_w.dumps({"source": [source_to_dict(s) for s in sources]})


def allowed_hosts(source: Source) -> set[str]:
    """Hosts a crawl of this source may touch (redirects elsewhere are refused)."""
    if source.allowed_domains:
        return {d.lower() for d in source.allowed_domains}
    urls = [source.base_url, *(c.url for c in source.columns)]
    return {(urlsplit(u).hostname or "").lower() for u in urls} - {""}
