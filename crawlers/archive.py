"""The raw archive (data/raw/): every fetch as WARC records, plus a rebuildable sqlite index.

Layout: <root>/warc/fazhi-<serial>-<UTC time>.warc.gz (gzip per record, rotated by size) and
<root>/index.sqlite3. Each Archive object writes files of its own (a new one per run, never
appending to a file an earlier, perhaps crashed, run left); writes take <root>/archive.lock, so two
crawls sharing an archive keep the index consistent and never write into the same file.

What is written per fetch:
- a `request` record (method, headers, POST form body) when the request was sent;
- a `response` record whose payload is the body *after* Content-Encoding was undone (the original
  coding is kept as X-Fazhi-Content-Encoding; Content-Length is set to the stored length);
- instead of a response, a `revisit` record when an identical body (same sha1) is already archived
  (profile identical-payload-digest), or for a 304 (profile server-not-modified);
- a `metadata` record when there was no response at all (network failure, robots skip).
Target-URI is the URL that answered (the final URL after redirects, as WARC tools expect);
WARC-Fazhi-Requested-URI holds the URL asked for. WARC-Fazhi-* headers carry the outcome, reason,
attempts and timing, so the index can be rebuilt from the files alone.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from filelock import FileLock
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

from crawlers.archive_index import Index, IndexEntry, RecordMeta
from crawlers.decoding import decode_body, is_text_type
from crawlers.model import FetchResult, Outcome

logger = logging.getLogger(__name__)
WARC_VERSION = "WARC/1.1"
DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024
_NOT_MODIFIED_PROFILE = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
_DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


class ArchiveError(Exception):
    pass


def _seconds(value: float) -> float:
    return float(f"{value:.6f}")


def request_key(url: str, method: str = "GET", body: bytes | None = None) -> str:
    """What identifies a request in the index: the URL for GET; method, URL and body hash otherwise."""
    if method.upper() == "GET" and not body:
        return url
    digest = hashlib.sha1(body or b"").hexdigest()
    return f"{method.upper()} {url} sha1:{digest}"


def _sha1_to_warc_digest(sha1_hex: str) -> str:
    return "sha1:" + base64.b32encode(bytes.fromhex(sha1_hex)).decode("ascii")


def _header(headers: dict[str, str], name: str) -> str | None:
    return next((v for k, v in headers.items() if k.lower() == name), None)


def _http_response_headers(result: FetchResult) -> StatusAndHeaders:
    status = result.status or 0
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Unknown"
    items = [(k, v) for k, v in result.headers.items() if k.lower() not in _DROPPED_HEADERS]
    coding = _header(result.headers, "content-encoding")
    if coding:
        items.append(("X-Fazhi-Content-Encoding", coding))
    if status != 304:
        items.append(("Content-Length", str(len(result.body))))
    return StatusAndHeaders(f"{status} {phrase}", items, protocol="HTTP/1.1")


class Archive:
    def __init__(self, root: Path | str, *, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES) -> None:
        self.root = Path(root)
        self.warc_dir = self.root / "warc"
        self.warc_dir.mkdir(parents=True, exist_ok=True)
        self.max_file_bytes = max_file_bytes
        self._lock = FileLock(self.root / "archive.lock", timeout=120)  # other processes
        self._write_lock = threading.Lock()  # other threads of this one (the fetcher writes off-loop)
        self._file: Path | None = None
        self.index = Index(self.root / "index.sqlite3")

    def close(self) -> None:
        self.index.close()

    # -- writing -----------------------------------------------------------------------------

    def _current_file(self) -> Path:
        # Each Archive opens files of its own and never appends to one an earlier run left: if that
        # run died mid-record, records written after the damaged tail could not be iterated.
        current = self._file
        if current is not None and current.stat().st_size < self.max_file_bytes:
            return current
        files = sorted(self.warc_dir.glob("fazhi-*.warc.gz"))
        serial = int(files[-1].name.split("-")[1]) + 1 if files else 1
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        path = self.warc_dir / f"fazhi-{serial:05d}-{stamp}.warc.gz"
        with path.open("ab") as fh:
            writer = WARCWriter(fh, gzip=True, warc_version=WARC_VERSION)
            info = {"software": "fazhi crawler (warcio)", "format": "WARC 1.1"}
            writer.write_record(writer.create_warcinfo_record(path.name, info))
        self._file = path
        return path

    def record(
        self,
        result: FetchResult,
        request_headers: dict[str, str] | None = None,
        request_body: bytes | None = None,
        *,
        method: str = "GET",
        sent: tuple[str, bytes | None] | None = None,
    ) -> str:
        """Archive one fetch; returns its archive_ref ("<warc file>:<offset>") and sets result.archive_ref.

        `method` and `request_body` are the request as asked (they key the index); `sent` is the last
        request actually sent when a redirect changed it (a 303 turns a POST into a GET)."""
        fetched_at = result.fetched_at or datetime.now(UTC)
        key = request_key(result.url, method, request_body)
        sha1 = hashlib.sha1(result.body).hexdigest() if result.status is not None else None
        with self._write_lock, self._lock:
            path = self._current_file()
            with path.open("ab") as fh:
                writer = WARCWriter(fh, gzip=True, warc_version=WARC_VERSION)
                _, record = self._main_record(writer, result, key, method, sha1, fetched_at)
                offset = fh.seek(0, io.SEEK_END)
                writer.write_record(record)
                length = fh.tell() - offset
                if request_headers is not None and result.status is not None:
                    sent_method, sent_body = sent or (method, request_body)
                    writer.write_record(
                        self._request_record(writer, result, sent_method, request_headers, sent_body, record)
                    )
            # the index row is read back from the record just written, exactly as rebuild_index does
            meta = _meta_from_record(record, path.name, offset, length)
            assert meta is not None
            self.index.apply(meta)
        result.archive_ref = f"{path.name}:{offset}"
        return result.archive_ref

    def _main_record(
        self, writer: WARCWriter, result: FetchResult, key: str, method: str, sha1: str | None, when: datetime
    ) -> tuple[str, Any]:
        fazhi = {
            "WARC-Date": datetime_to_iso_date(when.astimezone(UTC).replace(tzinfo=None), use_micros=True),
            "WARC-Fazhi-Key": key,
            "WARC-Fazhi-Requested-URI": result.url,
            "WARC-Fazhi-Method": method,
            "WARC-Fazhi-Outcome": str(result.outcome),
            "WARC-Fazhi-Attempts": str(result.attempts),
            "WARC-Fazhi-Elapsed": str(_seconds(result.elapsed_seconds)),
        }
        if result.reason:
            fazhi["WARC-Fazhi-Reason"] = json.dumps(result.reason)  # ASCII-safe, one line
        target = result.final_url or result.url
        if result.status is None:
            fazhi["Content-Type"] = "application/json"
            payload = json.dumps({"outcome": str(result.outcome), "reason": result.reason}).encode()
            record = writer.create_warc_record(
                result.url, "metadata", payload=io.BytesIO(payload), length=len(payload),
                warc_headers_dict=fazhi,
            )  # fmt: skip
            return "metadata", record
        http_headers = _http_response_headers(result)
        if result.outcome is Outcome.NOT_MODIFIED:
            previous = self.index.latest(key)
            if previous is None:
                raise ArchiveError(f"304 for {result.url} but the archive holds no earlier body")
            original = self.index.payload(previous.sha1)
            assert original is not None
            fazhi["WARC-Fazhi-Sha1"] = previous.sha1
            record = writer.create_revisit_record(
                target, _sha1_to_warc_digest(previous.sha1), original[2], original[3],
                http_headers=http_headers, warc_headers_dict=fazhi,
            )  # fmt: skip
            record.rec_headers.replace_header("WARC-Profile", _NOT_MODIFIED_PROFILE)
            return "revisit", record
        assert sha1 is not None
        fazhi["WARC-Fazhi-Sha1"] = sha1
        original = self.index.payload(sha1)
        if original is not None:
            record = writer.create_revisit_record(
                target, _sha1_to_warc_digest(sha1), original[2], original[3],
                http_headers=http_headers, warc_headers_dict=fazhi,
            )  # fmt: skip
            return "revisit", record
        record = writer.create_warc_record(
            target, "response", payload=io.BytesIO(result.body), length=len(result.body),
            http_headers=http_headers, warc_headers_dict=fazhi,
        )  # fmt: skip
        return "response", record

    def _request_record(
        self,
        writer: WARCWriter,
        result: FetchResult,
        method: str,
        headers: dict[str, str],
        body: bytes | None,
        response_record: Any,
    ) -> Any:
        target = result.final_url or result.url
        parts = urlsplit(target)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        http_headers = StatusAndHeaders(
            f"{method} {path} HTTP/1.1", list(headers.items()), protocol="HTTP/1.1", is_http_request=True
        )
        concurrent_to = response_record.rec_headers.get_header("WARC-Record-ID")
        return writer.create_warc_record(
            target, "request", payload=io.BytesIO(body or b""), length=len(body or b""),
            http_headers=http_headers, warc_headers_dict={"WARC-Concurrent-To": concurrent_to},
        )  # fmt: skip

    # -- reading -----------------------------------------------------------------------------

    def latest(self, url: str, *, method: str = "GET", body: bytes | None = None) -> IndexEntry | None:
        """Where the latest good body (OK or NOT_MODIFIED) of this request lies."""
        return self.index.latest(request_key(url, method, body))

    def read(self, url: str, *, method: str = "GET", body: bytes | None = None) -> FetchResult | None:
        """The latest good body of this request as an OK FetchResult, or None when never archived."""
        entry = self.latest(url, method=method, body=body)
        if entry is None:
            return None
        result = self.read_ref(entry.archive_ref)
        result.url = url
        result.final_url = entry.final_url
        result.fetched_at = datetime.fromisoformat(entry.fetched_at.replace("Z", "+00:00"))
        return result

    def read_ref(self, archive_ref: str) -> FetchResult:
        """The response stored at an archive_ref; revisit records are resolved to their payload."""
        name, _, offset = archive_ref.rpartition(":")
        record, body = self._load(name, int(offset))
        headers = record.rec_headers
        http = record.http_headers
        if headers.get_header("WARC-Type") == "revisit":
            original = self.index.payload(headers.get_header("WARC-Fazhi-Sha1") or "")
            if original is None:
                raise ArchiveError(f"{archive_ref}: revisit of a payload the index does not know")
            body_record, body = self._load(original[0], original[1])
            if http is None or http.get_statuscode() == "304":
                http = body_record.http_headers
        status = int(http.get_statuscode()) if http else None
        response_headers = dict(http.headers) if http else {}
        result = FetchResult(
            url=headers.get_header("WARC-Fazhi-Requested-URI") or headers.get_header("WARC-Target-URI"),
            outcome=Outcome.OK,
            final_url=headers.get_header("WARC-Target-URI"),
            status=status,
            headers=response_headers,
            body=body,
            archive_ref=archive_ref,
        )
        content_type = _header(response_headers, "content-type")
        if is_text_type(content_type):
            result.text, result.encoding = decode_body(body, content_type)
        return result

    def _load(self, name: str, offset: int) -> tuple[Any, bytes]:
        """The record at an offset and its payload (read before the file closes)."""
        path = self.warc_dir / name
        if "/" in name or not path.is_file():
            raise ArchiveError(f"no WARC file {name!r} in {self.warc_dir}")
        with path.open("rb") as fh:
            fh.seek(offset)
            record = next(iter(ArchiveIterator(fh)), None)
            if record is None:
                raise ArchiveError(f"no WARC record at {name}:{offset}")
            return record, record.content_stream().read()

    def iter_latest(self, url_prefix: str = "") -> Iterator[IndexEntry]:
        return self.index.iter_latest(url_prefix)

    def iter_fetch_log(self, since: str | None = None) -> Iterator[dict[str, Any]]:
        """Every fetch attempt ever recorded, oldest first (rows for the warehouse `fetches` table)."""
        return self.index.iter_fetch_log(since)


def _meta_from_record(record: Any, warc_file: str, offset: int, length: int) -> RecordMeta | None:
    h = record.rec_headers
    key = h.get_header("WARC-Fazhi-Key")
    record_type = h.get_header("WARC-Type")
    if not key or record_type not in ("response", "revisit", "metadata"):
        return None
    http = record.http_headers if record_type != "metadata" else None
    http_headers = dict(http.headers) if http else {}
    reason = h.get_header("WARC-Fazhi-Reason")
    sha1 = h.get_header("WARC-Fazhi-Sha1")
    requested = h.get_header("WARC-Fazhi-Requested-URI")
    body_length = int(_header(http_headers, "content-length") or 0) if http else 0
    return RecordMeta(
        key=key, url=requested, method=h.get_header("WARC-Fazhi-Method"), record_type=record_type,
        warc_file=warc_file, offset=offset, length=length, target_uri=h.get_header("WARC-Target-URI"),
        warc_date=h.get_header("WARC-Date"), outcome=h.get_header("WARC-Fazhi-Outcome"),
        status=int(http.get_statuscode()) if http else None, reason=json.loads(reason) if reason else None,
        attempts=int(h.get_header("WARC-Fazhi-Attempts") or 0),
        elapsed=_seconds(float(h.get_header("WARC-Fazhi-Elapsed") or 0)),
        fetched_at=h.get_header("WARC-Date"),
        sha1=sha1, bytes=body_length if record_type != "metadata" else 0, etag=_header(http_headers, "etag"),
        last_modified=_header(http_headers, "last-modified"),
        content_type=_header(http_headers, "content-type"),
        final_url=h.get_header("WARC-Target-URI") if record_type != "metadata" else None,
    )  # fmt: skip


def _index_file(index: Index, path: Path, strict: bool) -> None:
    end = 0
    with path.open("rb") as fh:
        iterator = ArchiveIterator(fh)
        try:
            for record in iterator:
                offset = iterator.get_record_offset()
                record.content_stream().read()  # consume so the length is known
                length = iterator.get_record_length()
                meta = _meta_from_record(record, path.name, offset, length)
                if meta is not None:
                    index.apply(meta)
                end = offset + length
        except Exception as exc:  # warcio raises several kinds for a damaged record
            problem: str | None = f"unreadable WARC record at or after offset {end}: {exc}"
        else:
            # warcio ends quietly at a gzip member cut short; the file size tells
            size = path.stat().st_size
            problem = f"{size - end} bytes after the last whole record (offset {end})" if end < size else None
    if problem is None:
        return
    if strict:
        raise ArchiveError(f"{path.name}: {problem}; rebuild with strict=False to index the rest")
    logger.warning("%s: %s; skipped", path.name, problem)


def rebuild_index(root: Path | str, *, strict: bool = True) -> Path:
    """Recreate <root>/index.sqlite3 from the WARC files alone; returns its path.

    The new index is built aside and swapped in only when every file was read. A damaged or
    cut-off record (a crash mid-write) raises ArchiveError naming the file and offset, leaving the
    old index as it was; with strict=False the damaged tail is logged and skipped instead.
    The fetch log comes back in file order: the write order when one crawl wrote the archive."""
    root = Path(root)
    warc_dir = root / "warc"
    target = root / "index.sqlite3"
    with FileLock(root / "archive.lock", timeout=120):
        fresh_path = root / "index.rebuild.sqlite3"
        for leftover in root.glob("index.rebuild.sqlite3*"):
            leftover.unlink()
        fresh = Index(fresh_path)
        try:
            for path in sorted(warc_dir.glob("fazhi-*.warc.gz")):
                _index_file(fresh, path, strict)
        except BaseException:
            fresh.close()
            for partial in root.glob("index.rebuild.sqlite3*"):
                partial.unlink()
            raise
        fresh.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        fresh_path.replace(target)
    return target
