"""One transaction per load: BEGIN … COMMIT, joined rather than nested."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

# Connections inside a transaction() block, by id: DuckDB has no "in transaction?" query, and a
# failed nested BEGIN would abort the open transaction, so nesting is tracked here.
_open_transactions: set[int] = set()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN … COMMIT (ROLLBACK on error); inside another transaction() block it joins that one."""
    if id(con) in _open_transactions:
        yield con  # the outer block decides commit or rollback
        return
    con.execute("BEGIN TRANSACTION")
    _open_transactions.add(id(con))
    try:
        yield con
    except BaseException:
        _open_transactions.discard(id(con))
        con.execute("ROLLBACK")
        raise
    _open_transactions.discard(id(con))
    con.execute("COMMIT")
