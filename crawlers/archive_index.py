"""The sqlite index of the raw archive: where the latest body of each URL lies, and every fetch.

Everything here is derived from the WARC files (see archive.rebuild_index); the index is a cache
that can be thrown away. One code path, `Index.apply`, turns a written record into index rows, both
when recording and when rebuilding, so the two cannot drift apart.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from crawlers.model import Outcome
from crawlers.politeness import host_of

_SCHEMA = """
CREATE TABLE IF NOT EXISTS fetch_log (
    seq INTEGER PRIMARY KEY,
    key TEXT NOT NULL, url TEXT NOT NULL, host TEXT NOT NULL, method TEXT NOT NULL,
    final_url TEXT, status INTEGER, outcome TEXT NOT NULL, bytes INTEGER NOT NULL,
    elapsed REAL, attempts INTEGER, reason TEXT, fetched_at TEXT NOT NULL,
    archive_ref TEXT NOT NULL, record_type TEXT NOT NULL, sha1 TEXT
);
CREATE INDEX IF NOT EXISTS fetch_log_key ON fetch_log (key);
CREATE TABLE IF NOT EXISTS payloads (
    sha1 TEXT PRIMARY KEY, warc_file TEXT NOT NULL, offset INTEGER NOT NULL, length INTEGER NOT NULL,
    target_uri TEXT NOT NULL, warc_date TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS latest (
    key TEXT PRIMARY KEY, url TEXT NOT NULL, method TEXT NOT NULL,
    warc_file TEXT NOT NULL, offset INTEGER NOT NULL, length INTEGER NOT NULL,
    status INTEGER, etag TEXT, last_modified TEXT, content_type TEXT, final_url TEXT,
    sha1 TEXT NOT NULL, fetched_at TEXT NOT NULL, outcome TEXT NOT NULL, record_ref TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class RecordMeta:
    """What one archived fetch says about itself (all of it is in the WARC headers)."""

    key: str
    url: str
    method: str
    record_type: str  # response | revisit | metadata
    warc_file: str
    offset: int
    length: int
    target_uri: str
    warc_date: str
    outcome: str
    status: int | None
    reason: str | None
    attempts: int
    elapsed: float
    fetched_at: str
    sha1: str | None
    bytes: int
    etag: str | None
    last_modified: str | None
    content_type: str | None
    final_url: str | None


@dataclass(frozen=True)
class IndexEntry:
    """The latest good fetch of a request: warc_file/offset/length locate its body (revisits resolved),
    record_ref the 200 record of this request itself (its own headers)."""

    key: str
    url: str
    method: str
    warc_file: str
    offset: int
    length: int
    status: int | None
    etag: str | None
    last_modified: str | None
    content_type: str | None
    final_url: str | None
    sha1: str
    fetched_at: str
    outcome: str
    record_ref: str

    @property
    def archive_ref(self) -> str:
        return self.record_ref


_ENTRY_COLUMNS = [f.name for f in fields(IndexEntry)]
_PAGE = 5000


class Index:
    def __init__(self, path: Path) -> None:
        self.path = path
        # one connection shared by the event loop and the thread that writes records; the lock
        # serialises its use (sqlite's own locking covers other processes)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def payload(self, sha1: str) -> tuple[str, int, str, str] | None:
        """(warc_file, offset, target_uri, warc_date) of the record holding this payload."""
        with self._lock:
            return self._db.execute(
                "SELECT warc_file, offset, target_uri, warc_date FROM payloads WHERE sha1 = ?", (sha1,)
            ).fetchone()

    def apply(self, meta: RecordMeta) -> None:
        """Index one written record, in one transaction."""
        ref = f"{meta.warc_file}:{meta.offset}"
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "INSERT INTO fetch_log (key, url, host, method, final_url, status, outcome, bytes, elapsed,"
                " attempts, reason, fetched_at, archive_ref, record_type, sha1)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (meta.key, meta.url, host_of(meta.url), meta.method, meta.final_url, meta.status,
                 meta.outcome, meta.bytes, meta.elapsed, meta.attempts, meta.reason, meta.fetched_at,
                 ref, meta.record_type, meta.sha1),
            )  # fmt: skip
            if meta.record_type == "response" and meta.sha1:
                self._db.execute(
                    "INSERT OR IGNORE INTO payloads VALUES (?,?,?,?,?,?)",
                    (meta.sha1, meta.warc_file, meta.offset, meta.length, meta.target_uri, meta.warc_date),
                )
            if meta.outcome not in (Outcome.OK, Outcome.NOT_MODIFIED) or not meta.sha1:
                return
            payload = self._db.execute(
                "SELECT warc_file, offset, length FROM payloads WHERE sha1 = ?", (meta.sha1,)
            ).fetchone()
            if payload is None:
                return  # a revisit whose original is gone; nothing servable
            previous = self._latest_row(meta.key)
            etag, last_modified, content_type, status, final_url, record_ref = (
                meta.etag, meta.last_modified, meta.content_type, meta.status, meta.final_url, ref,
            )  # fmt: skip
            if meta.outcome == Outcome.NOT_MODIFIED and previous is not None:
                # a 304 may omit validators; the body and its type stay those of the earlier 200
                etag = etag or previous.etag
                last_modified = last_modified or previous.last_modified
                content_type, status, final_url = previous.content_type, previous.status, previous.final_url
                record_ref = previous.record_ref
            self._db.execute(
                f"INSERT OR REPLACE INTO latest ({', '.join(_ENTRY_COLUMNS)}) VALUES ({', '.join('?' * 15)})",
                (meta.key, meta.url, meta.method, *payload, status, etag, last_modified, content_type,
                 final_url, meta.sha1, meta.fetched_at, meta.outcome, record_ref),
            )  # fmt: skip

    def _latest_row(self, key: str) -> IndexEntry | None:
        query = f"SELECT {', '.join(_ENTRY_COLUMNS)} FROM latest WHERE key = ?"
        row = self._db.execute(query, (key,)).fetchone()
        return IndexEntry(*row) if row else None

    def latest(self, key: str) -> IndexEntry | None:
        with self._lock:
            return self._latest_row(key)

    def iter_latest(self, url_prefix: str = "") -> Iterator[IndexEntry]:
        """Entries whose URL starts with the prefix, by key, read in pages (the lock is not held between)."""
        query = (
            f"SELECT {', '.join(_ENTRY_COLUMNS)} FROM latest"
            f" WHERE url >= ? AND url < ? AND key > ? ORDER BY key LIMIT {_PAGE}"
        )
        after = ""
        while True:
            with self._lock:
                rows = self._db.execute(query, (url_prefix, url_prefix + "\U0010ffff", after)).fetchall()
            yield from (IndexEntry(*row) for row in rows)
            if len(rows) < _PAGE:
                return
            after = rows[-1][0]

    def iter_fetch_log(self, since: str | None = None) -> Iterator[dict[str, Any]]:
        """Fetch-log rows in the order written, fetched_at >= since (ISO UTC), read in pages."""
        query = f"SELECT * FROM fetch_log WHERE fetched_at >= ? AND seq > ? ORDER BY seq LIMIT {_PAGE}"
        after = 0
        while True:
            with self._lock:
                cursor = self._db.execute(query, (since or "", after))
                names = [d[0] for d in cursor.description]
                rows = cursor.fetchall()
            yield from (dict(zip(names, row, strict=True)) for row in rows)
            if len(rows) < _PAGE:
                return
            after = rows[-1][0]

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every table's rows, for comparing two indexes."""
        with self._lock:
            return {
                table: self._db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                for table in ("fetch_log", "payloads", "latest")
            }
