"""The extractor on whole reports written and annotated by hand (tests/data/heldout_metrics.jsonl).

h001-h020: twenty reports, 2016-2025, in styles that differ from the seeds and from each other: provinces,
prefectures, counties, a district, a township and a 街道; governments, 党委和政府 jointly, and 司法
局/厅, 市场监管, 生态环境, 公安, 农业农村 and 应急管理 departments; one PDF-wrapped with a flattened
table. They were written in six batches; each batch's gold was committed before the extractor ran
on it, and rules were then generalised from its failures. So this guards against regressions; the
first-run figures of each batch (in the commit history) are the measure on unseen reports.
m101-m143 (43 more, batches seven to thirteen): batch seven (m101-m112: a 州, a 街道 in 接诉即办
style, a year-column indicator table, numbered data lists with (上年…) figures, a 省市场监管局 beside
its system) was first run at F1 0.916 (P 0.973, R 0.866; tp 214, fp 6, fn 33) before the rules it prompted;
batch eight (m113-m118) at F1 0.958 (P 0.966, R 0.950; tp 114, fp 4, fn 6) with those rules;
batch nine (m119-m124) at F1 0.947 (P 0.982, R 0.915; tp 108, fp 2, fn 10) with batch eight's;
batch ten (m125-m130) at F1 0.960 (P 0.956, R 0.964; tp 108, fp 5, fn 4) with batch nine's;
batch eleven (m131-m134) at F1 0.981 (P 0.987, R 0.975; tp 78, fp 1, fn 2) with batch ten's;
batch twelve (m135-m139) at F1 0.976 (P 0.976, R 0.976; tp 82, fp 2, fn 2) with batch eleven's;
batch thirteen (m140-m143) at F1 0.943 (P 1.0, R 0.892; tp 66, fp 0, fn 8: one two-column table);
batch fourteen (m144-m145) at F1 0.987 (P 0.975, R 1.0; tp 39, fp 1, fn 0).
Pooled over the 45 m-reports, first looks: P 0.975, R 0.926, F1 0.950 (the extractor as it was
before batch seven: F1 0.937).
Batch fifteen (m201-m206) are whole reports of real length (about 5,000 characters each, the earlier
ones 1,500-4,000) with the traps long reports bring: a 省厅 beside the 全省系统 it guides, a city
with counties named after 其中 and an appended indicator table, a county with 存在的不足 counts and an
附件 list, a 县司法局 separating 局本级 from what it guides, a 镇, a district with (2023年为…) asides and
a two-year indicator table after the plan (188 facts). First look F1 0.960 (P 0.963, R 0.957; tp 180,
fp 7, fn 8; per report F1 m201 0.947, m202 0.975, m203 0.985, m204 0.984, m205 0.976, m206 0.901);
after its rules (tests/test_parsing_metrics_long_reports.py) P = R = 1.0 on it, the 65 before unchanged.
m207 (a province, 5,000 characters, 32 facts) was written after those rules as a blind check: first
look F1 0.909 (P 0.882, R 0.938; tp 30, fp 4, fn 2), so long reports still hold traps the set lacks.
m208 (a district 市场监管局, 18 facts as first annotated), a second blind check after m207's rules:
first look F1 0.914 (P 0.941, R 0.889; tp 16, fp 1, fn 2); both misses were the annotator's (立案查处
taken as penalty decisions against the set's convention; corrected, named in its notes), so against
the corrected gold P 0.941, R 1.0.
`bench/eval_metrics.py --gold tests/data/heldout_metrics.jsonl` lists the remaining misses.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from parsing.metrics import extract_metrics
from parsing.scoring import match_metrics, prf

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout_metrics.jsonl"


def _records() -> list[dict]:
    return [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_heldout_gold_is_well_formed():
    records = _records()
    assert len(records) >= 20
    for rec in records:
        # m201 on are whole reports of real length (5,000-9,000 characters), the earlier ones short
        longest = 9000 if rec["id"] >= "m201" else 4000
        assert 1500 <= len(rec["text"]) <= longest, rec["id"]
        assert rec["doc_kind"] == "annual_report" and not rec["text_is_excerpt"]
        for m in rec["metrics"]:
            assert m["evidence"] in rec["text"], (rec["id"], m["key"])


def test_heldout_f1_at_least_0_95():
    if not HELDOUT.is_file():
        pytest.skip("held-out gold missing")
    tp = fp = fn = 0
    for rec in _records():
        pred = [
            asdict(m)
            for m in extract_metrics(
                rec["text"], rec["report_year"], issuer=rec["issuer"], issuer_kind=rec["issuer_kind"]
            )
        ]
        for m in pred:
            assert rec["text"][m["start"] : m["end"]] == m["evidence"]
        matched, false_pos, false_neg = match_metrics(pred, rec["metrics"])
        tp, fp, fn = tp + len(matched), fp + len(false_pos), fn + len(false_neg)
    precision, recall, f1 = prf(tp, fp, fn)
    # measured 0.997 (P 0.997, R 0.998) over all 73; the margin allows a rule change to trade a fact or two
    assert f1 >= 0.95, (tp, fp, fn)
    assert precision >= 0.93 and recall >= 0.93, (tp, fp, fn)
