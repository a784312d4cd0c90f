"""Chinese full-text search (jieba + fts) and the `fazhi sql` / `fazhi search` commands."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pipelines.cli import main
from tests.test_warehouse_load import make_page, make_report
from warehouse.db import connect
from warehouse.load import load_report_year
from warehouse.search import refresh_search_index, search

OTHER_TEXT = (
    "一、年度工作成效\n全面推行证明事项告知承诺制，清理证明材料三十项。\n"
    "二、存在的不足\n普法宣传形式较为单一。"
)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "wh.duckdb"
    with connect(path) as con:
        pages = [
            make_page(make_report(1), "https://one.example.cn/r.html"),
            make_page(
                make_report(2, text=OTHER_TEXT, metrics=[], fingerprint="fp-other"),
                "https://two.example.cn/r.html",
            ),
        ]
        load_report_year(con, 2023, pages)
    return path


def test_search_finds_a_chinese_phrase_with_its_sentences(db):
    with connect(db, read_only=True) as con:
        hits = search(con, "行政复议 体制改革")
        assert [h.url for h in hits] == ["https://one.example.cn/r.html"]
        assert hits[0].sentences[0].startswith("本年度县政府共收到行政复议申请40件")  # metric evidence first
        assert any("体制改革" in s for s in hits[0].sentences)
        other = search(con, "告知承诺制")
        assert [h.url for h in other] == ["https://two.example.cn/r.html"]
        assert other[0].sentences == ["全面推行证明事项告知承诺制，清理证明材料三十项。"]
        assert search(con, "卫星发射") == []
        assert search(con, "，。") == []


def test_index_follows_reloads(db):
    with connect(db) as con:
        changed = make_report(
            2, text=OTHER_TEXT.replace("告知承诺制", "容缺受理"), metrics=[], fingerprint="fp-2b"
        )
        load_report_year(con, 2023, [make_page(changed, "https://two.example.cn/r.html")])
        assert search(con, "告知承诺制") == []
        assert [h.url for h in search(con, "容缺受理")] == ["https://two.example.cn/r.html"]
        refresh_search_index(con)  # nothing changed: still consistent
        assert con.execute("SELECT count(*) FROM report_search").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM evidence_search").fetchone()[0] == 0


def test_sql_users_can_query_the_fts_index(db):
    with connect(db, read_only=True) as con:
        rows = con.execute(
            "SELECT r.urls[1] FROM (SELECT report_id,"
            " fts_main_report_search.match_bm25(report_id, ?) AS score FROM report_search) AS s"
            " JOIN reports AS r USING (report_id) WHERE s.score IS NOT NULL",
            ["行政 复议 行政复议"],
        ).fetchall()
    assert rows == [("https://one.example.cn/r.html",)]


def test_cli_sql_formats(db):
    runner = CliRunner()
    query = "SELECT report_year, title FROM reports ORDER BY title"
    as_json = runner.invoke(main, ["sql", query, "--db", str(db), "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert [r["report_year"] for r in json.loads(as_json.output)] == [2023, 2023]
    as_csv = runner.invoke(main, ["sql", query, "--db", str(db), "--format", "csv"])
    assert as_csv.output.splitlines()[0] == "report_year,title"
    table = runner.invoke(main, ["sql", "SELECT count(*) AS n FROM v_metrics", "--db", str(db)])
    assert table.exit_code == 0 and "2" in table.output
    markup = runner.invoke(main, ["sql", "SELECT '[/bold] [red]x' AS t", "--db", str(db)])
    assert markup.exit_code == 0 and "[/bold] [red]x" in markup.output
    refused = runner.invoke(main, ["sql", "DELETE FROM reports", "--db", str(db)])
    assert refused.exit_code != 0 and "read-only" in refused.output


def test_cli_search_and_missing_db(db, tmp_path, monkeypatch):
    runner = CliRunner()
    found = runner.invoke(main, ["search", "行政复议 体制改革", "--db", str(db), "--limit", "5"])
    assert found.exit_code == 0 and "https://one.example.cn/r.html" in found.output
    assert "体制改革" in found.output
    monkeypatch.setenv("FAZHI_DB", str(tmp_path / "absent.duckdb"))
    missing = runner.invoke(main, ["search", "行政复议"])
    assert missing.exit_code != 0 and "does not exist" in missing.output
