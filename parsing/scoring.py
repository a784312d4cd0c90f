"""Metric scoring as spec/gold_format.md defines it.

A predicted fact matches a gold fact with the same key, the same value (±0.01 for percentages,
exact for counts) and the same period_year; each fact matches at most once. The matching is a
maximum bipartite matching, so the result does not depend on the order of the lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_PERCENT_TOLERANCE = 0.01
_COUNT_TOLERANCE = 1e-6


def _is_percent(fact: Mapping[str, Any]) -> bool:
    return fact.get("unit") == "%" or str(fact.get("key", "")).endswith("_rate")


def facts_match(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Same key, same value (±0.01 for percentages), same period_year."""
    if pred.get("key") != gold.get("key") or pred.get("period_year") != gold.get("period_year"):
        return False
    try:
        pv, gv = float(pred["value"]), float(gold["value"])
    except (KeyError, TypeError, ValueError):
        return False
    tolerance = _PERCENT_TOLERANCE if _is_percent(gold) else _COUNT_TOLERANCE
    return abs(pv - gv) <= tolerance + 1e-9


def match_metrics(predicted: list[dict], gold: list[dict]) -> tuple[list, list, list]:
    """(true positives as (pred, gold) pairs, false positives, false negatives)."""
    candidates = [[g for g, gf in enumerate(gold) if facts_match(pf, gf)] for pf in predicted]
    gold_owner: dict[int, int] = {}

    def augment(p: int, visited: set[int]) -> bool:
        for g in candidates[p]:
            if g in visited:
                continue
            visited.add(g)
            if g not in gold_owner or augment(gold_owner[g], visited):
                gold_owner[g] = p
                return True
        return False

    for p in range(len(predicted)):
        if candidates[p]:
            augment(p, set())
    matched_pred = {p: g for g, p in gold_owner.items()}
    tp = [(predicted[p], gold[g]) for p, g in sorted(matched_pred.items())]
    fp = [pf for p, pf in enumerate(predicted) if p not in matched_pred]
    fn = [gf for g, gf in enumerate(gold) if g not in gold_owner]
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
