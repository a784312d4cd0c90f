"""Metric matching as gold_format.md defines it."""

from __future__ import annotations

from parsing.scoring import facts_match, match_metrics, prf


def fact(key: str, value: float, year: int | None = 2023, unit: str = "件") -> dict:
    return {"key": key, "value": value, "period_year": year, "unit": unit}


def test_same_key_value_and_year_match():
    assert facts_match(fact("litigation_cases", 12), fact("litigation_cases", 12.0))
    assert not facts_match(fact("litigation_cases", 12), fact("litigation_won", 12))
    assert not facts_match(fact("litigation_cases", 12), fact("litigation_cases", 13))
    assert not facts_match(fact("litigation_cases", 12), fact("litigation_cases", 12, 2022))


def test_percentages_allow_one_hundredth():
    assert facts_match(
        fact("mediation_success_rate", 99.355, unit="%"), fact("mediation_success_rate", 99.35, unit="%")
    )
    assert not facts_match(
        fact("mediation_success_rate", 99.37, unit="%"), fact("mediation_success_rate", 99.35, unit="%")
    )
    assert not facts_match(fact("legal_advisers", 10.005), fact("legal_advisers", 10))


def test_one_to_one_matching_counts_duplicates_as_false_positives():
    gold = [fact("reconsideration_received", 11)]
    pred = [fact("reconsideration_received", 11), fact("reconsideration_received", 11)]
    tp, fp, fn = match_metrics(pred, gold)
    assert len(tp) == 1 and len(fp) == 1 and fn == []
    assert tp[0] == (pred[0], gold[0])


def test_matching_is_maximal_whatever_the_order():
    # The first prediction could take either gold fact; a greedy pass taking the wrong one would
    # leave the second prediction unmatched.
    rate = "hotline_satisfaction_rate"
    gold = [fact(rate, 92.00, unit="%"), fact(rate, 92.02, unit="%")]
    pred = [fact(rate, 92.01, unit="%"), fact(rate, 91.995, unit="%")]
    tp, fp, fn = match_metrics(pred, gold)
    assert len(tp) == 2 and fp == [] and fn == []


def test_misses_and_prf():
    gold = [fact("a", 1), fact("b", 2), fact("c", 3)]
    pred = [fact("a", 1), fact("b", 5)]
    tp, fp, fn = match_metrics(pred, gold)
    assert (len(tp), len(fp), len(fn)) == (1, 1, 2)
    p, r, f = prf(len(tp), len(fp), len(fn))
    assert (round(p, 3), round(r, 3), round(f, 3)) == (0.5, 0.333, 0.4)
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert match_metrics([], []) == ([], [], [])
