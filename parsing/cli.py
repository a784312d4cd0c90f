"""`fazhi parse` and `fazhi eval`.

`fazhi parse [--url URL] FILE...` prints one JSON object per FILE, in the order given: the report's
contract (Report.to_contract()) or, for a file that cannot be read or parsed, `{"file": …, "error": …}`
with the reason also on stderr. Every file is attempted; the exit status is 1 when any failed, so a
shell pipeline notices, and 0 otherwise.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command("parse")
@click.option("--url", default=None, help="Address the page was fetched from (helps region and links).")
@click.option("--content-type", default=None, help="Declared Content-Type, e.g. 'text/html; charset=gbk'.")
@click.argument("files", nargs=-1, required=True)
def parse(url: str | None, content_type: str | None, files: tuple[str, ...]) -> None:
    """Parse report pages (HTML, text, PDF, DOCX; '-' reads stdin) and print JSON lines."""
    from parsing.errors import ParseError
    from parsing.page import parse_page

    failed = False
    for name in files:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            failed = True
            msg = f"cannot read {name}: {exc.strerror or exc}"
            click.echo(f"fazhi parse: {msg}", err=True)
            click.echo(json.dumps({"file": name, "error": msg}, ensure_ascii=False))
            continue
        try:
            report = parse_page(data, url=url, content_type=content_type)
        except ParseError as exc:
            failed = True
            msg = f"{type(exc).__name__}: {exc}"
            click.echo(f"fazhi parse: {name}: {msg}", err=True)
            click.echo(json.dumps({"file": name, "error": msg}, ensure_ascii=False))
            continue
        click.echo(json.dumps(report.to_contract(), ensure_ascii=False))
    if failed:
        sys.exit(1)


@click.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (summary + misses).")
@click.option("--misses/--no-misses", default=True, help="List the pages and fields the parser got wrong.")
def evaluate(gold: tuple[Path, ...], as_json: bool, misses: bool) -> None:
    """Score the parser against gold JSONL (corpus files, or `fazhi sim --truth` output)."""
    from parsing.evaluation import evaluate_files

    ev = evaluate_files(list(gold))
    summary = ev.summary()
    if as_json:
        click.echo(
            json.dumps({"summary": summary, "misses": ev.misses, "errors": ev.errors}, ensure_ascii=False)
        )
        return
    click.echo(
        f"pages scored: {summary['pages']} (skipped lines: {summary['skipped_lines']}, "
        f"parse errors: {summary['parse_errors']})"
    )
    for key, value in summary.items():
        if key.startswith("metrics"):
            continue
        if key.endswith(("_accuracy", "_precision", "_recall")) or key == "gold_annual_reports":
            click.echo(f"  {key:<28} {value}")
    m = summary["metrics_full_text"]
    click.echo(
        f"  metrics (full texts)         P={m['precision']} R={m['recall']} F1={m['f1']} "
        f"(tp={m['tp']} fp={m['fp']} fn={m['fn']})"
    )
    click.echo(f"  metrics recall (excerpts)    {summary['metrics_excerpt_recall']}")
    if misses and ev.misses:
        click.echo("misses:")
        for miss in ev.misses:
            gold_value, predicted = miss["gold"], miss["predicted"]
            page, what = miss["page"], miss["field"]
            click.echo(f"  {page:<22} {what:<13} gold={gold_value!r} predicted={predicted!r}")
    for err in ev.errors:
        click.echo(f"  error {err['page']}: {err['error']}", err=True)
