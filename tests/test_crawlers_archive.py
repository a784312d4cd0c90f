"""Raw archive: WARC records, dedup by revisit, reading back, fetch log, rotation, rebuild."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawlers.archive import Archive, ArchiveError, rebuild_index, request_key
from crawlers.model import FetchResult, Outcome

URL = "https://kxjs.example.gov.cn/fzzfjsndbg/202403/t20240320_1.html"
BODY = "<html><body><p>二〇二三年法治政府建设情况</p></body></html>".encode("gbk")


def response(url: str = URL, body: bytes = BODY, **kw) -> FetchResult:
    defaults = dict(
        outcome=Outcome.OK,
        final_url=url,
        status=200,
        headers={"Content-Type": "text/html; charset=gbk", "ETag": '"e1"', "Content-Encoding": "gzip"},
        body=body,
        attempts=1,
        elapsed_seconds=0.25,
        fetched_at=datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
    )
    defaults.update(kw)
    return FetchResult(url=url, **defaults)


def records(archive: Archive) -> list[tuple[str, str | None]]:
    out = []
    for path in sorted(archive.warc_dir.glob("*.warc.gz")):
        with path.open("rb") as fh:
            for rec in ArchiveIterator(fh):
                out.append((rec.rec_type, rec.rec_headers.get_header("WARC-Fazhi-Outcome")))
    return out


def test_record_and_read_back(tmp_path):
    archive = Archive(tmp_path)
    ref = archive.record(response(), {"User-Agent": "fazhi/0.1"})
    stored = archive.read(URL)
    assert stored is not None and stored.archive_ref == ref
    assert stored.body == BODY and "法治政府建设" in stored.text
    assert stored.status == 200 and stored.outcome is Outcome.OK
    # the stored body is the decoded one; the wire coding is kept for the record
    assert stored.headers["X-Fazhi-Content-Encoding"] == "gzip" and "Content-Encoding" not in stored.headers
    entry = archive.latest(URL)
    assert entry.etag == '"e1"' and entry.status == 200 and entry.outcome == "ok"
    assert records(archive) == [("warcinfo", None), ("response", "ok"), ("request", None)]


def test_unchanged_body_is_written_once_then_as_revisit(tmp_path):
    archive = Archive(tmp_path)
    archive.record(response(), {})
    other = "https://kxjs.example.gov.cn/copy.html"
    archive.record(response(url=other, headers={"Content-Type": "text/html; charset=gbk"}), {})
    archive.record(response(), {})
    kinds = [kind for kind, _ in records(archive) if kind != "request"]
    assert kinds == ["warcinfo", "response", "revisit", "revisit"]
    copy = archive.read(other)
    assert copy.body == BODY
    assert "ETag" not in copy.headers  # the revisit's own headers, not the first URL's


def test_not_modified_keeps_the_body_and_updates_the_validators(tmp_path):
    archive = Archive(tmp_path)
    archive.record(response(), {})
    archive.record(response(outcome=Outcome.NOT_MODIFIED, status=304, body=b"", headers={"ETag": '"e2"'}), {})
    entry = archive.latest(URL)
    assert entry.outcome == "not_modified" and entry.etag == '"e2"' and entry.status == 200
    assert archive.read(URL).body == BODY


def test_failures_are_logged_but_never_served(tmp_path):
    archive = Archive(tmp_path)
    refused = response(outcome=Outcome.FAILED, status=None, body=b"", reason="ConnectError: 连接被拒绝")
    wall = response(outcome=Outcome.BLOCKED, status=412, body=b"<script>$_ts</script>", reason="Ruishu")
    archive.record(refused, None)
    archive.record(wall, {})
    assert archive.latest(URL) is None and archive.read(URL) is None
    log = list(archive.iter_fetch_log())
    assert [(r["outcome"], r["status"], r["reason"]) for r in log] == [
        ("failed", None, "ConnectError: 连接被拒绝"),
        ("blocked", 412, "Ruishu"),
    ]
    assert archive.read_ref(log[1]["archive_ref"]).body == b"<script>$_ts</script>"


def test_a_failed_refetch_keeps_the_last_good_body(tmp_path):
    archive = Archive(tmp_path)
    archive.record(response(), {})
    archive.record(response(outcome=Outcome.FAILED, status=503, body=b"busy", reason="HTTP 503"), {})
    assert archive.read(URL).body == BODY


def test_post_requests_are_keyed_by_their_body(tmp_path):
    archive = Archive(tmp_path)
    url = "https://www.example.gov.cn/module/web/jpage/dataproxy.jsp"
    archive.record(response(url=url, body=b"<p>1</p>"), {}, b"startrecord=1", method="POST")
    archive.record(response(url=url, body=b"<p>2</p>"), {}, b"startrecord=46", method="POST")
    assert archive.read(url, method="POST", body=b"startrecord=46").body == b"<p>2</p>"
    assert archive.read(url) is None
    assert request_key(url) == url and request_key(url, "POST", b"a") != request_key(url, "POST", b"b")


def test_files_rotate_by_size(tmp_path):
    archive = Archive(tmp_path, max_file_bytes=2_000)
    for i in range(6):
        archive.record(response(url=f"{URL}?p={i}", body=bytes([i]) * 3_000), {})
    files = sorted(p.name for p in archive.warc_dir.glob("*.warc.gz"))
    assert len(files) >= 3 and files[0].startswith("fazhi-00001-")
    assert all(archive.read(f"{URL}?p={i}").body == bytes([i]) * 3_000 for i in range(6))


def test_rebuild_index_from_warc_files_gives_the_same_index(tmp_path):
    archive = Archive(tmp_path, max_file_bytes=3_000)
    archive.record(response(), {"User-Agent": "fazhi"})
    archive.record(response(url=f"{URL}?dup"), {})
    archive.record(response(outcome=Outcome.NOT_MODIFIED, status=304, body=b"", headers={}), {})
    archive.record(
        response(
            url=f"{URL}?x",
            status=None,
            outcome=Outcome.SKIPPED_ROBOTS,
            body=b"",
            reason="robots.txt disallows it",
        ),
        None,
    )
    pdf = response(url=f"{URL}?y", body=b"\x00" * 5_000, headers={"Content-Type": "application/pdf"})
    archive.record(pdf, {}, None)
    archive.record(response(url=f"{URL}?p", body=b"<p>x</p>"), {}, b"a=1", method="POST")
    before = archive.index.dump()
    archive.close()

    (tmp_path / "index.sqlite3").unlink()
    rebuild_index(tmp_path)
    rebuilt = Archive(tmp_path)
    assert rebuilt.index.dump() == before
    assert len(before["fetch_log"]) == 6
    assert rebuilt.read(URL).body == BODY


def test_two_archives_on_one_root_do_not_interleave(tmp_path):
    first, second = Archive(tmp_path), Archive(tmp_path)
    for i in range(5):
        (first if i % 2 else second).record(response(url=f"{URL}?{i}", body=f"<p>{i}</p>".encode()), {})
    assert [row["url"][-1] for row in first.iter_fetch_log()] == list("01234")
    assert all(first.read(f"{URL}?{i}").body == f"<p>{i}</p>".encode() for i in range(5))


def test_rebuild_refuses_a_damaged_file_and_keeps_the_old_index(tmp_path):
    archive = Archive(tmp_path)
    archive.record(response(), {})
    second = archive.record(response(url=f"{URL}?2", body=b"<p>second</p>"), {})
    before = archive.index.dump()
    archive.close()
    (warc,) = (tmp_path / "warc").glob("*.warc.gz")
    cut = int(second.rpartition(":")[2]) + 60
    warc.write_bytes(warc.read_bytes()[:cut])  # a crash cut the last response short
    with pytest.raises(ArchiveError, match=warc.name):
        rebuild_index(tmp_path)
    assert Archive(tmp_path).index.dump() == before
    assert not list(tmp_path.glob("index.rebuild*"))
    rebuild_index(tmp_path, strict=False)  # the operator's way out: index what is whole
    salvaged = Archive(tmp_path)
    assert salvaged.read(URL).body == BODY and salvaged.read(f"{URL}?2") is None


def test_a_new_archive_never_appends_to_an_old_file(tmp_path):
    Archive(tmp_path).record(response(), {})
    Archive(tmp_path).record(response(url=f"{URL}?2"), {})
    assert len(list((tmp_path / "warc").glob("*.warc.gz"))) == 2
