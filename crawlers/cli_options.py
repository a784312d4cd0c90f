"""Argument handling shared by the crawl and sources commands: years, registry files, JSON output."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import click

from crawlers.adapters import ADAPTERS, adapter_name
from crawlers.model import Source
from crawlers.registry import RegistryError, load_sources

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–:]\s*(\d{4}))?\s*$")


def parse_years(value: str) -> range:
    """'2019-2023' (inclusive) or '2023'."""
    m = _YEARS.match(value or "")
    if m is None:
        raise ValueError(f"{value!r} is not a year or a range like 2019-2023")
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    if first > last:
        raise ValueError(f"{value!r}: the first year is after the last")
    if not 2000 <= first <= 2100 or not 2000 <= last <= 2100:
        raise ValueError(f"{value!r}: years must lie between 2000 and 2100")
    return range(first, last + 1)


def years_option(ctx: click.Context, param: click.Parameter, value: str) -> range:
    try:
        return parse_years(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def load_registry(path: Path) -> list[Source]:
    """A registry file whose every column names a known adapter, or a ClickException saying what is wrong."""
    try:
        sources = load_sources(path)
    except RegistryError as exc:
        raise click.ClickException(f"bad registry file: {exc}") from exc
    for source in sources:
        for column in source.columns:
            if adapter_name(column, source) not in ADAPTERS:
                raise click.ClickException(
                    f"bad registry file: {path}: source {source.id!r} uses unknown adapter "
                    f"{adapter_name(column, source)!r} (known: {', '.join(sorted(ADAPTERS))})"
                )
    return sources


def write_json(path: Path, data: dict) -> None:
    """Write next to the target, then rename: a failed write never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
