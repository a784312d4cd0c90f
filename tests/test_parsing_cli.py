import json
from pathlib import Path

from click.testing import CliRunner

from parsing.cli import evaluate, parse
from tests.support.parsing_pages import REPORT_BODY, TITLE, trs_page


def test_parse_prints_one_json_line_per_file_in_order(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(trs_page(), encoding="utf-8")
    text = tmp_path / "report.txt"
    text.write_text(f"{TITLE}\n{REPORT_BODY}", encoding="utf-8")
    result = CliRunner().invoke(parse, ["--url", "http://www.example.gov.cn/a.html", str(page), str(text)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.strip().split("\n")]
    assert [d["title"] for d in lines] == [TITLE, TITLE]
    assert set(lines[0]) >= {"doc_kind", "region", "issuer", "metrics", "sections", "publish_date"}
    assert "德庆县" in result.output  # ensure_ascii=False


def test_parse_reports_unreadable_and_unparsable_files_and_continues(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(f"{TITLE}\n{REPORT_BODY}", encoding="utf-8")
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    missing = tmp_path / "missing.html"
    result = CliRunner().invoke(parse, [str(missing), str(doc), str(good)])
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.strip().split("\n")]
    assert out[0]["file"] == str(missing) and "cannot read" in out[0]["error"]
    assert "UnsupportedFormatError" in out[1]["error"]
    assert out[2]["doc_kind"] == "annual_report"
    assert "cannot read" in result.stderr


def test_parse_reads_stdin():
    result = CliRunner().invoke(parse, ["-"], input=f"{TITLE}\n{REPORT_BODY}".encode())
    assert result.exit_code == 0
    assert json.loads(result.output)["report_year"] == 2024


def test_evaluate_on_a_small_gold_file(tmp_path: Path):
    gold = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": "x1",
            "url": None,
            "text": f"{TITLE}\n{REPORT_BODY}",
            "text_is_excerpt": False,
            "doc_kind": "annual_report",
            "title": TITLE,
            "report_year": 2024,
            "region": {"name": "德庆县"},
            "issuer": "肇庆市德庆县人民政府",
            "publish_date": None,
            "metrics": [
                {
                    "key": "reconsideration_received",
                    "value": 42,
                    "unit": "件",
                    "qualifier": "exact",
                    "period_year": 2024,
                }
            ],
        },
        {"id": "x2", "text": "本报讯 近日,某县召开法治政府建设推进会。", "doc_kind": "news"},
        {"kind": "list", "url": "http://127.0.0.1/index.html"},
    ]
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = CliRunner().invoke(evaluate, [str(gold), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)["summary"]
    assert summary["pages"] == 2 and summary["skipped_lines"] == 1
    assert summary["doc_kind_accuracy"] == 1.0
    assert summary["issuer_accuracy"] == 1.0  # the leading prefecture name is ignored
    assert summary["region_accuracy"] == 1.0
    human = CliRunner().invoke(evaluate, [str(gold)])
    assert "annual_report_precision" in human.output
