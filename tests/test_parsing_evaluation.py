"""The parser against the shared gold corpus: the project's accuracy targets."""

from pathlib import Path

import pytest

from parsing.evaluation import evaluate_files, issuer_key, region_key

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def test_scoring_rules():
    assert region_key("德庆县") == region_key("德庆") == "德庆"
    assert region_key("广西壮族自治区") == "广西壮族"
    assert issuer_key("厦门市海沧区人民政府") == issuer_key("海沧区人民政府")
    assert issuer_key("中共铁岭县委 铁岭县人民政府") == issuer_key("中共铁岭县委、铁岭县人民政府")


def test_corpus_targets():
    files = [CORPUS / "dev.jsonl", CORPUS / "seeds_gold.jsonl"]
    if not all(f.exists() for f in files):
        pytest.skip("../shared/corpus is not available")
    summary = evaluate_files(files).summary()
    assert summary["parse_errors"] == 0
    assert summary["annual_report_precision"] >= 0.98
    assert summary["annual_report_recall"] >= 0.95
    assert summary["report_year_accuracy"] >= 0.97
    assert summary["region_accuracy"] >= 0.95
    assert summary["issuer_accuracy"] >= 0.90
    assert summary["publish_date_accuracy"] >= 0.97
