"""Metric-fact precision / recall / F1 of parsing.metrics on the shared gold.

    .venv/bin/python bench/eval_metrics.py [--shared ../shared] [--quiet] [--gold FILE ...]

--gold FILE: score a fully annotated gold file of whole reports instead (precision, recall, F1),
e.g. tests/data/heldout_metrics.jsonl, the hand-written held-out set.

Seeds (seeds_gold.jsonl, every catalog figure annotated): precision, recall, F1.
Dev (dev.jsonl, annual_report pages): recall only — excerpts are not exhaustively annotated.
Misses (and, for the seeds, spurious facts) are listed with their evidence.
Last line: extraction speed (metric facts + numeric mentions + sections) over the same texts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsing.metrics import extract_metrics, extract_numeric_mentions  # noqa: E402
from parsing.scoring import match_metrics, prf  # noqa: E402
from parsing.sections import parse_sections  # noqa: E402


def _records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(records: list[dict]) -> tuple[int, int, int, list[tuple[str, str, dict]]]:
    """Totals (tp, fp, fn) over annual-report records, and the ('FP'|'FN', id, fact) listing."""
    tp = fp = fn = 0
    listing: list[tuple[str, str, dict]] = []
    for rec in records:
        if rec.get("doc_kind") != "annual_report":
            continue
        text = rec.get("text_simplified") or rec["text"]
        pred = [
            asdict(m)
            for m in extract_metrics(
                text, rec.get("report_year"), issuer=rec.get("issuer"), issuer_kind=rec.get("issuer_kind")
            )
        ]
        matched, false_pos, false_neg = match_metrics(pred, rec.get("metrics") or [])
        tp, fp, fn = tp + len(matched), fp + len(false_pos), fn + len(false_neg)
        listing += [("FP", rec["id"], f) for f in false_pos] + [("FN", rec["id"], f) for f in false_neg]
    return tp, fp, fn, listing


def _show(listing: list[tuple[str, str, dict]], kinds: set[str]) -> None:
    for kind, rid, f in listing:
        if kind in kinds:
            print(
                f"  {kind} {rid} {f['key']}={f['value']:g} ({f.get('period_year')}) "
                f"| {f.get('evidence', '')[:100]}"
            )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--quiet", action="store_true", help="figures only, no listing")
    ap.add_argument(
        "--gold", type=Path, action="append", help="fully annotated gold JSONL to score instead (repeatable)"
    )
    args = ap.parse_args()
    if args.gold:
        for path in args.gold:
            tp, fp, fn, listing = score(_records(path))
            p, r, f = prf(tp, fp, fn)
            print(f"{path.name}: tp={tp} fp={fp} fn={fn}  precision={p:.3f} recall={r:.3f} F1={f:.3f}")
            if not args.quiet:
                _show(listing, {"FN", "FP"})
        return 0
    corpus = args.shared / "corpus"
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2

    tp, fp, fn, listing = score(_records(corpus / "seeds_gold.jsonl"))
    p, r, f = prf(tp, fp, fn)
    print(f"seeds: tp={tp} fp={fp} fn={fn}  precision={p:.3f} recall={r:.3f} F1={f:.3f}")
    if not args.quiet:
        _show(listing, {"FN", "FP"})

    tp, fp, fn, listing = score(_records(corpus / "dev.jsonl"))
    _, r, _ = prf(tp, fp, fn)
    print(
        f"dev (annual_report excerpts): gold={tp + fn} found={tp} recall={r:.3f} "
        f"(predictions not in gold: {fp}, not scored)"
    )
    if not args.quiet:
        _show(listing, {"FN"})

    texts = [
        r.get("text_simplified") or r["text"]
        for name in ("seeds_gold.jsonl", "dev.jsonl")
        for r in _records(corpus / name)
    ]
    extract_metrics(texts[0], 2023)  # compile patterns outside the timing
    start = time.process_time()
    for text in texts:
        parse_sections(text)
        extract_numeric_mentions(text)
        extract_metrics(text, 2023)
    spent = time.process_time() - start
    chars = sum(map(len, texts))
    print(
        f"speed: {len(texts) / spent:.0f} texts/s, {chars / spent / 1e6:.2f} M chars/s (CPU time, one core)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
