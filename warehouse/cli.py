"""`fazhi sql` and `fazhi search`: read-only access to the warehouse from the command line."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import sys
from pathlib import Path
from typing import Any

import click
import duckdb
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from warehouse.db import WarehouseBusyError, connect, default_db_path

_DB_OPTION = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Warehouse file (default: $FAZHI_DB or data/warehouse.duckdb).",
)


def _open(db_path: Path | None) -> duckdb.DuckDBPyConnection:
    path = db_path or default_db_path()
    if not path.exists():
        raise click.ClickException(
            f"warehouse {path} does not exist: run a load first, or pass --db / set FAZHI_DB"
        )
    try:
        return connect(path, read_only=True, busy_timeout_seconds=10)
    except WarehouseBusyError as exc:
        raise click.ClickException(str(exc)) from exc


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


@click.command()
@click.argument("query")
@_DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
@click.option("--max-width", type=int, default=60, help="Truncate table cells to this width (default 60).")
def sql(query: str, db_path: Path | None, fmt: str, max_width: int) -> None:
    """Run a SQL QUERY on the warehouse (read-only) and print the result.

    Tables: reports, report_versions, report_sections, report_metrics, numeric_mentions, sources,
    regions, discovered_links, fetches, parsed_pages; views: v_metrics, v_timeliness, v_coverage.
    """
    con = _open(db_path)
    try:
        result = con.execute(query)
        columns = [d[0] for d in result.description or []]
        rows = result.fetchall() if columns else []
    except duckdb.Error as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        con.close()
    if fmt == "csv":
        out = csv.writer(sys.stdout)
        out.writerow(columns)
        out.writerows(rows)
    elif fmt == "json":
        records = [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in rows]
        click.echo(json.dumps(records, ensure_ascii=False, indent=1, default=str))
    else:
        table = Table(*columns, caption=f"{len(rows)} row(s)")
        for row in rows:
            # Text, not str: cell values are data and must not be read as rich markup
            table.add_row(*(Text("NULL" if v is None else str(_plain(v))[:max_width]) for v in row))
        Console().print(table)


@click.command()
@click.argument("query")
@_DB_OPTION
@click.option("--limit", type=int, default=20, show_default=True)
def search(query: str, db_path: Path | None, limit: int) -> None:
    """Find reports matching QUERY (Chinese words, e.g. "行政复议 体制改革") and show their best sentences."""
    from warehouse.search import search as run_search

    con = _open(db_path)
    try:
        hits = run_search(con, query, limit=limit)
    except (duckdb.Error, RuntimeError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        con.close()
    console = Console()
    if not hits:
        console.print(f"no report matches {query!r}")
        return
    for n, hit in enumerate(hits, 1):
        console.print(
            # crawled text is escaped: a title may contain [brackets] that rich would read as markup
            f"[bold]{n}. {escape(hit.title or '(untitled)')}[/bold]  {escape(hit.issuer or '')} "
            f"{hit.report_year}  score {hit.score:.2f}\n   {escape(hit.url or '')}",
            highlight=False,
            soft_wrap=True,
        )
        for sentence in hit.sentences:
            console.print(f"   · {sentence}", highlight=False, markup=False, soft_wrap=True)
