"""What a crawl did, per host and per report candidate; the shape of `fazhi crawl --summary-json`."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from crawlers.model import Candidate, FetchResult, Outcome

HOST_COUNTERS = (
    "found",
    "fetched",
    "not_modified",
    "skipped_robots",
    "blocked",
    "failed",
    "requests",
    "retries",
    "bytes_downloaded",
    "seconds",
)

_OUTCOME_FIELD = {
    Outcome.OK: "fetched",
    Outcome.NOT_MODIFIED: "not_modified",
    Outcome.SKIPPED_ROBOTS: "skipped_robots",
    Outcome.BLOCKED: "blocked",
    Outcome.FAILED: "failed",
}


@dataclass
class HostSummary:
    """Report candidates of one host by outcome, and the traffic of the whole crawl on that host."""

    found: int = 0
    fetched: int = 0
    not_modified: int = 0
    skipped_robots: int = 0
    blocked: int = 0
    failed: int = 0
    requests: int = 0  # every request sent to the host: list pages, reports, retries, robots.txt
    retries: int = 0
    bytes_downloaded: int = 0
    seconds: float = 0.0
    reasons: Counter[str] = field(default_factory=Counter)  # why candidates were not fetched

    def count(self, result: FetchResult) -> None:
        name = _OUTCOME_FIELD[result.outcome]
        setattr(self, name, getattr(self, name) + 1)
        if not result.ok:
            self.reasons[result.reason or str(result.outcome)] += 1

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: getattr(self, k) for k in HOST_COUNTERS}
        out["seconds"] = round(self.seconds, 3)
        out["reasons"] = dict(self.reasons.most_common())
        return out


@dataclass
class ReportEntry:
    """One discovered report candidate (an article page or one of its attachments) and its fetch."""

    url: str
    source_id: str
    title: str
    report_year: int | None
    listed_date: str | None
    attachment_of: str | None
    final_url: str | None = None
    status: str = "pending"  # an Outcome string once fetched
    http_status: int | None = None
    archived: bool = False
    archive_ref: str | None = None
    reason: str | None = None


@dataclass
class ColumnEntry:
    """How the walk of one column went: its list requests, candidates and any error."""

    source_id: str
    column_url: str
    adapter: str
    list_requests: int = 0
    candidates: int = 0
    offsite: int = 0  # candidates on hosts the source may not touch (left alone)
    error: str | None = None


@dataclass
class CrawlSummary:
    years: list[int]
    started_at: datetime
    finished_at: datetime | None = None
    hosts: dict[str, HostSummary] = field(default_factory=dict)
    reports: list[ReportEntry] = field(default_factory=list)
    columns: list[ColumnEntry] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)  # for the pipeline; not in the JSON

    def host(self, name: str) -> HostSummary:
        if name not in self.hosts:
            self.hosts[name] = HostSummary()
        return self.hosts[name]

    @property
    def totals(self) -> dict[str, float]:
        totals: dict[str, float] = dict.fromkeys(HOST_COUNTERS, 0)
        for host in self.hosts.values():
            for key in HOST_COUNTERS:
                totals[key] += getattr(host, key)
        totals["seconds"] = round(totals["seconds"], 3)
        return totals

    def by_report_year(self) -> dict[int | None, list[ReportEntry]]:
        """Discovered report pages grouped by the year their title names (None: not named)."""
        groups: dict[int | None, list[ReportEntry]] = {}
        for entry in self.reports:
            groups.setdefault(entry.report_year, []).append(entry)
        return groups

    @property
    def wall_seconds(self) -> float:
        end = self.finished_at or self.started_at
        return round((end - self.started_at).total_seconds(), 3)

    def as_dict(self) -> dict[str, Any]:
        return {
            "years": self.years,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "wall_seconds": self.wall_seconds,
            "totals": self.totals,
            "hosts": {name: h.as_dict() for name, h in sorted(self.hosts.items())},
            "columns": [asdict(c) for c in self.columns],
            "reports": [asdict(r) for r in self.reports],
        }
