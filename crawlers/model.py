"""Plain data shared by the fetcher, the adapters, the archive and the crawl loop."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Outcome(StrEnum):
    """What became of one URL. Stable strings: they land in summaries and the warehouse."""

    OK = "ok"  # a body was received (2xx) and archived
    NOT_MODIFIED = "not_modified"  # 304 on a conditional GET; the archived body is still current
    SKIPPED_ROBOTS = "skipped_robots"  # robots.txt disallows it; never requested
    BLOCKED = "blocked"  # an anti-bot challenge page answered instead of content
    FAILED = "failed"  # gave up: status, network error, size cap, off-site redirect …


@dataclass(frozen=True)
class Politeness:
    """Per-host limits. Defaults are gentle; a source may override them."""

    requests_per_second: float = 1.0
    max_connections: int = 2
    timeout_seconds: float = 20.0
    max_retries: int = 4
    backoff_base_seconds: float = 1.0
    backoff_max_seconds: float = 60.0
    max_body_bytes: int = 30 * 1024 * 1024
    max_decompressed_bytes: int = 60 * 1024 * 1024
    obey_robots: bool = True


@dataclass(frozen=True)
class Column:
    """A list page (or API) of a portal that lists reports."""

    url: str
    name: str = ""
    adapter: str | None = None  # overrides Source.adapter for this column


@dataclass(frozen=True)
class Source:
    """One portal as described in a registry file."""

    id: str
    name: str
    base_url: str
    adapter: str  # trs | hanweb | gkmlpt | generic | …
    columns: tuple[Column, ...]
    region_code: str | None = None  # GB/T 2260
    level: str | None = None  # province | prefecture | county | township | department
    allowed_domains: tuple[str, ...] = ()  # empty: the hosts of base_url and the columns
    politeness: Politeness = field(default_factory=Politeness)


@dataclass(frozen=True)
class Candidate:
    """A link discovery believes may be a report (or a report's attachment)."""

    url: str
    title: str
    source_id: str
    column_url: str
    listed_date: date | None = None
    report_year: int | None = None  # guessed from the title; None when the title does not say
    attachment_of: str | None = None  # article URL when this is a PDF/DOC/DOCX attachment


@dataclass
class FetchResult:
    """One URL after politeness, robots, retries and redirects; what the archive records."""

    url: str
    outcome: Outcome
    final_url: str | None = None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    text: str | None = None  # decoded body for HTML/XML/JSON/text responses
    encoding: str | None = None
    reason: str | None = None  # why not OK, in words a person can act on
    attempts: int = 0  # requests sent for this URL (retries = attempts - 1)
    elapsed_seconds: float = 0.0
    fetched_at: datetime | None = None
    archive_ref: str | None = None  # "warc-file:offset" of the response record

    @property
    def ok(self) -> bool:
        return self.outcome in (Outcome.OK, Outcome.NOT_MODIFIED)
