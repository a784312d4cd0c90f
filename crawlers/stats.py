"""Per-host counters and the log of every fetch (rows for the warehouse `fetches` table)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from crawlers.model import FetchResult, Outcome
from crawlers.politeness import host_of


@dataclass
class HostStats:
    requests_sent: int = 0  # every HTTP request, retries, redirect hops and robots.txt included
    retries: int = 0
    fetched_ok: int = 0
    not_modified: int = 0
    skipped_robots: int = 0
    blocked: int = 0
    failed: int = 0
    bytes_downloaded: int = 0  # bytes on the wire (before decompression)
    seconds_busy: float = 0.0  # time with a request of this host in flight (summed per request)


_OUTCOME_COUNTER = {
    Outcome.OK: "fetched_ok",
    Outcome.NOT_MODIFIED: "not_modified",
    Outcome.SKIPPED_ROBOTS: "skipped_robots",
    Outcome.BLOCKED: "blocked",
    Outcome.FAILED: "failed",
}


def fetch_log_row(result: FetchResult) -> dict[str, Any]:
    """The row of one fetch for the warehouse `fetches` table."""
    return {
        "url": result.url,
        "host": host_of(result.url),
        "status": result.status,
        "outcome": str(result.outcome),
        "bytes": len(result.body),
        "elapsed": round(result.elapsed_seconds, 6),
        "archive_ref": result.archive_ref,
        "reason": result.reason,
        "fetched_at": result.fetched_at.isoformat() if result.fetched_at else None,
    }


@dataclass
class FetchStats:
    hosts: dict[str, HostStats] = field(default_factory=dict)
    log: list[dict[str, Any]] = field(default_factory=list)

    def host(self, host: str) -> HostStats:
        stats = self.hosts.get(host)
        if stats is None:
            stats = self.hosts[host] = HostStats()
        return stats

    def record_result(self, result: FetchResult) -> None:
        stats = self.host(host_of(result.url))
        name = _OUTCOME_COUNTER[result.outcome]
        setattr(stats, name, getattr(stats, name) + 1)
        self.log.append(fetch_log_row(result))

    def as_dict(self) -> dict[str, Any]:
        per_host = {h: asdict(s) for h, s in sorted(self.hosts.items())}
        totals: dict[str, float] = {}
        for counters in per_host.values():
            for key, value in counters.items():
                totals[key] = totals.get(key, 0) + value
        return {"hosts": per_host, "totals": totals}
