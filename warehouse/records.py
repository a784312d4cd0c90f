"""What the pipeline hands the warehouse: a parsed report plus where and when it was fetched."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from parsing.model import Report


@dataclass
class ParsedPage:
    report: Report
    url: str
    final_url: str | None = None
    source_id: str | None = None
    fetched_at: datetime | None = None  # naive datetimes are taken as UTC
    archive_ref: str | None = None


@dataclass
class LoadSummary:
    """What load_report_year did; `other_year` lists pages whose parsed year belongs to another partition."""

    report_year: int
    pages: int = 0
    reports: int = 0
    versions_added: int = 0
    sections: int = 0
    metrics: int = 0
    mentions: int = 0
    not_annual: int = 0
    other_year: list[str] = field(default_factory=list)
