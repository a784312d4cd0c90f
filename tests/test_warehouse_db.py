"""Opening the warehouse: extensions, time zone, migrations, and the one-writer lock across processes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from warehouse.db import EXTENSION_DIR, WarehouseBusyError, connect, writer
from warehouse.load import load_sources
from warehouse.migrate import apply_migrations, available_migrations, schema_version

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def test_connect_loads_extensions_sets_time_zone_and_migrates(tmp_path):
    with connect(tmp_path / "wh.duckdb") as con:
        loaded = {
            n
            for (n,) in con.execute("SELECT extension_name FROM duckdb_extensions() WHERE loaded").fetchall()
        }
        assert {"fts", "icu"} <= loaded
        assert con.execute("SELECT current_setting('TimeZone')").fetchone()[0] == "Asia/Shanghai"
        shown = con.execute("SELECT strftime(TIMESTAMPTZ '2024-04-01 00:00:00+00', '%H')").fetchone()[0]
        assert shown == "08"  # rendered in Beijing time
        assert schema_version(con) == max(v for v, _, _ in available_migrations())
        assert con.execute("SELECT count(*) FROM v_metrics").fetchone()[0] == 0


def test_migrations_are_idempotent(tmp_path):
    path = tmp_path / "wh.duckdb"
    connect(path).close()
    with connect(path) as con:
        assert apply_migrations(con) == []
        rows = con.execute(
            "SELECT version, count(*) FROM schema_migrations GROUP BY ALL ORDER BY 1"
        ).fetchall()
        assert all(n == 1 for _, n in rows) and len(rows) == len(available_migrations())


def test_old_database_is_upgraded_with_its_data(tmp_path):
    path = tmp_path / "old.duckdb"
    # A database as version 1 of the code left it, holding a report.
    raw = duckdb.connect(str(path), config={"extension_directory": EXTENSION_DIR})
    assert apply_migrations(raw, up_to=1) == [1]
    raw.execute(
        "INSERT INTO reports (report_id, report_year, urls, source_ids, text_hash, doc_kind, title)"
        " VALUES ('r1', 2022, ['https://old.example.cn/1.html'], ['s'], 'h', 'annual_report', '旧报告')"
    )
    raw.close()
    with connect(path) as con:
        assert schema_version(con) >= 2
        assert con.execute("SELECT title, urls FROM reports").fetchall() == [
            ("旧报告", ["https://old.example.cn/1.html"])
        ]
        assert con.execute("SELECT count(*) FROM parsed_pages").fetchone()[0] == 0  # 0002 table exists
        assert con.execute("SELECT report_id, deadline FROM v_timeliness").fetchall() == [("r1", None)]


def test_failed_migration_rolls_back_and_is_not_recorded(tmp_path, monkeypatch):
    import warehouse.migrate as migrate

    broken = [
        (1, "0001_ok.sql", "CREATE TABLE a (x INT);"),
        (2, "0002_bad.sql", "CREATE TABLE b (y INT); INSERT INTO b VALUES ('not a number');"),
    ]
    monkeypatch.setattr(migrate, "available_migrations", lambda: broken)
    con = duckdb.connect(str(tmp_path / "m.duckdb"))
    with pytest.raises(duckdb.ConversionException):
        migrate.apply_migrations(con)
    assert con.execute("SELECT version FROM schema_migrations").fetchall() == [(1,)]
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'b'").fetchone()[0] == 0


def test_read_only_open_of_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        connect(tmp_path / "none.duckdb", read_only=True)


def test_writer_commits_the_block_or_nothing(tmp_path):
    path = tmp_path / "wh.duckdb"
    with writer(path) as con:
        load_sources(con, [{"id": "a", "name": "甲", "base_url": "https://a.example.cn/", "adapter": "trs"}])
    with pytest.raises(RuntimeError, match="boom"), writer(path) as con:
        load_sources(con, [{"id": "b", "name": "乙", "base_url": "https://b.example.cn/", "adapter": "trs"}])
        raise RuntimeError("boom")
    with connect(path, read_only=True) as con:
        assert con.execute("SELECT id FROM sources").fetchall() == [("a",)]


_HOLDER = textwrap.dedent(
    """
    import sys, time
    from warehouse.db import writer
    from warehouse.load import load_sources
    with writer(sys.argv[1]) as con:
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
        child = {"id": "from-child", "name": "子", "base_url": "https://c.example.cn/", "adapter": "trs"}
        load_sources(con, [child])
    print("released", flush=True)
    """
)


def _start_holder(path: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path), str(seconds)],
        cwd=REPO, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout.readline().strip() == "holding", holder.stderr.read()
    return holder


def test_second_writer_waits_for_the_first_and_both_writes_land(tmp_path):
    path = tmp_path / "wh.duckdb"
    connect(path).close()
    holder = _start_holder(path, 1.5)
    try:
        with writer(path, busy_timeout_seconds=60) as con:  # blocks until the child lets go
            load_sources(
                con,
                [{"id": "from-parent", "name": "父", "base_url": "https://p.example.cn/", "adapter": "trs"}],
            )
    finally:
        holder.wait(timeout=60)
    assert holder.returncode == 0, holder.stderr.read()
    with connect(path, read_only=True) as con:
        assert con.execute("SELECT id FROM sources ORDER BY id").fetchall() == [
            ("from-child",),
            ("from-parent",),
        ]


def test_busy_timeout_raises_naming_the_holder(tmp_path):
    path = tmp_path / "wh.duckdb"
    connect(path).close()
    holder = _start_holder(path, 3)
    try:
        with pytest.raises(WarehouseBusyError) as caught:
            connect(path, busy_timeout_seconds=0.5)
        assert caught.value.holder_pid == holder.pid
        assert str(path) in str(caught.value) and str(holder.pid) in str(caught.value)
    finally:
        holder.wait(timeout=60)
    with connect(path) as con:  # nothing the holder wrote was lost
        assert con.execute("SELECT id FROM sources").fetchall() == [("from-child",)]
