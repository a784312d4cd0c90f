"""Opening the warehouse file: offline extensions, time zone, migrations, and DuckDB's one-writer rule.

DuckDB lets one process write a file, or several processes read it, never both. A second process
that tries to open the file gets `IOException: Could not set lock on file …`. Crawls, Dagster runs
and people at `fazhi sql` all open the same file, so every opener waits with backoff instead of
failing on the first try, and gives up with a WarehouseBusyError that says who holds the file.
Writers should hold the file briefly: `with writer(path) as con:` opens, runs one transaction, closes.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import duckdb_ext

from warehouse.transactions import transaction

TIME_ZONE = "Asia/Shanghai"
DEFAULT_DB = Path("data") / "warehouse.duckdb"
# The duckdb-ext-* wheels put <name>.duckdb_extension under this folder, so LOAD works offline.
EXTENSION_DIR = os.path.join(duckdb_ext.__path__[0], "extensions")

_HOLDER_PID = re.compile(r"\(PID (\d+)\)")


class WarehouseBusyError(RuntimeError):
    """Another process kept the warehouse file locked for longer than we were willing to wait."""

    def __init__(self, path: Path, waited: float, holder_pid: int | None, detail: str):
        who = f"process {holder_pid}" if holder_pid else "another process"
        super().__init__(
            f"warehouse {path} is locked by {who}; gave up after {waited:.1f}s. "
            f"DuckDB allows one writer (or several readers) per file: wait for it to finish "
            f"or stop it. ({detail})"
        )
        self.path = path
        self.holder_pid = holder_pid


def default_db_path() -> Path:
    """FAZHI_DB if set, else data/warehouse.duckdb (relative to the working directory)."""
    return Path(os.environ.get("FAZHI_DB") or DEFAULT_DB)


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    return "Could not set lock" in str(exc) or "Conflicting lock" in str(exc)


def _open_with_retry(path: Path, read_only: bool, busy_timeout_seconds: float) -> duckdb.DuckDBPyConnection:
    config = {"extension_directory": EXTENSION_DIR}
    started = time.monotonic()
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            if not _is_lock_conflict(exc):
                raise
            waited = time.monotonic() - started
            if waited >= busy_timeout_seconds:
                match = _HOLDER_PID.search(str(exc))
                raise WarehouseBusyError(path, waited, int(match[1]) if match else None, str(exc)) from exc
            # Jitter keeps two waiting writers from retrying in lock-step.
            time.sleep(min(delay * (0.75 + 0.5 * (os.getpid() % 7) / 6), busy_timeout_seconds - waited))
            delay = min(delay * 2, 2.0)


def connect(
    path: str | Path, *, read_only: bool = False, busy_timeout_seconds: float = 60
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse with fts and icu loaded and TimeZone set; writers get pending migrations.

    Raises FileNotFoundError for a read-only open of a missing file, WarehouseBusyError when another
    process holds the file beyond busy_timeout_seconds.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise FileNotFoundError(f"warehouse {path} does not exist (run a load first, or set FAZHI_DB)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = _open_with_retry(path, read_only, busy_timeout_seconds)
    try:
        con.execute("LOAD icu")
        con.execute("LOAD fts")
        con.execute(f"SET TimeZone = '{TIME_ZONE}'")
        if not read_only:
            from warehouse.migrate import apply_migrations
            from warehouse.views import ensure_views

            apply_migrations(con)
            ensure_views(con)
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def writer(path: str | Path, *, busy_timeout_seconds: float = 60) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open for writing, run the block as one transaction, close: the lock is held only that long."""
    con = connect(path, busy_timeout_seconds=busy_timeout_seconds)
    try:
        with transaction(con):
            yield con
    finally:
        con.close()
