"""v_metrics, v_timeliness and v_coverage over hand-made loads."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from parsing.model import Region
from tests.test_warehouse_load import make_page, make_report
from warehouse.db import connect
from warehouse.load import load_discovered, load_fetches, load_regions, load_report_year, load_sources
from warehouse.metric_labels import METRIC_LABELS
from warehouse.views import refresh_views

SPEC = Path(__file__).resolve().parents[1] / ".." / "shared" / "spec" / "metrics.yaml"


@pytest.fixture
def con(tmp_path):
    connection = connect(tmp_path / "wh.duckdb")
    yield connection
    connection.close()


def test_timeliness_by_issuer_kind(con):
    pages = [
        # a government publishing 10 days after its 1 April deadline
        make_page(make_report(1, kind="government", publish_date="2024-04-11"), "https://a.example.cn/1"),
        # a department: its deadline is 1 March, so 1 March itself is on time
        make_page(make_report(2, kind="department", publish_date="2024-03-01"), "https://b.example.cn/2"),
        # party and government jointly: 1 April, early
        make_page(
            make_report(3, kind="party_government", publish_date="2024-01-15"), "https://c.example.cn/3"
        ),
        make_page(make_report(4, kind="department", publish_date="2024-03-02"), "https://d.example.cn/4"),
        make_page(make_report(5, kind="government", publish_date=None), "https://e.example.cn/5"),
    ]
    load_report_year(con, 2023, pages, refresh_search=False)
    rows = con.execute(
        "SELECT url, deadline::VARCHAR, days_late, on_time FROM v_timeliness ORDER BY url"
    ).fetchall()
    assert rows == [
        ("https://a.example.cn/1", "2024-04-01", 10, False),
        ("https://b.example.cn/2", "2024-03-01", 0, True),
        ("https://c.example.cn/3", "2024-04-01", 0, True),
        ("https://d.example.cn/4", "2024-03-01", 1, False),
        ("https://e.example.cn/5", "2024-04-01", None, None),
    ]


def test_metrics_view_has_labels_names_and_url(con):
    load_regions(con)
    report = make_report(1, cases=12, region=Region(name="德庆县", code="441226"))
    load_report_year(con, 2023, [make_page(report, "https://dq.example.cn/r.html")], refresh_search=False)
    rows = con.execute(
        "SELECT key, label, value, unit, province, prefecture, region_name, issuer, url"
        " FROM v_metrics ORDER BY key"
    ).fetchall()
    assert rows[1] == (
        "reconsideration_received", "收到/新收行政复议申请", 12.0, "件", "广东省", "肇庆市", "德庆县",
        "样例1县人民政府", "https://dq.example.cn/r.html",
    )  # fmt: skip
    assert rows[0][:3] == ("reconsideration_accepted", "受理行政复议案件", 10.0)


def test_coverage_counts_found_missing_blocked_failed(con):
    load_sources(con, [
        {"id": s, "name": f"{s}门户", "base_url": f"https://{s}.example.cn/", "adapter": "generic"}
        for s in ("has-report", "blocked", "silent")
    ])  # fmt: skip
    when = datetime(2024, 4, 3, tzinfo=UTC)
    links = [
        {"source_id": "has-report", "url": "https://has-report.example.cn/r.html", "report_year": 2023},
        {"source_id": "has-report", "url": "https://has-report.example.cn/news.html", "report_year": 2023},
        {"source_id": "blocked", "url": "https://blocked.example.cn/r.html", "report_year": 2023},
        {"source_id": "blocked", "url": "https://blocked.example.cn/s.html", "report_year": 2023},
        {"source_id": "blocked", "url": "https://blocked.example.cn/t.html", "report_year": 2023},
    ]
    load_discovered(con, 2023, links)
    fetch = {"status": 200, "outcome": "ok", "fetched_at": when}
    load_fetches(con, [
        fetch | {"url": links[0]["url"], "source_id": "has-report"},
        fetch | {"url": links[1]["url"], "source_id": "has-report"},
        # failed first, then blocked by a challenge page: the latest outcome counts
        fetch | {"url": links[2]["url"], "source_id": "blocked", "outcome": "failed", "status": 503},
        fetch | {"url": links[2]["url"], "source_id": "blocked", "outcome": "blocked",
                 "fetched_at": datetime(2024, 4, 4, tzinfo=UTC)},
        fetch | {"url": links[3]["url"], "source_id": "blocked", "outcome": "failed", "status": None},
    ])  # fmt: skip
    report = make_page(make_report(1), links[0]["url"], "has-report", when)
    news = make_page(make_report(2, doc_kind="news"), links[1]["url"], "has-report", when)
    load_report_year(con, 2023, [report, news], refresh_search=False)
    rows = con.execute(
        "SELECT source_id, discovered, fetched, found, missing, blocked, failed, not_fetched, other_pages"
        " FROM v_coverage WHERE report_year = 2023 ORDER BY source_id"
    ).fetchall()
    assert rows == [
        ("blocked", 3, 0, 0, True, 1, 1, 1, 0),
        ("has-report", 2, 2, 1, False, 0, 0, 0, 1),
        ("silent", 0, 0, 0, True, 0, 0, 0, 0),
    ]


def test_refresh_views_is_repeatable(con):
    refresh_views(con)
    refresh_views(con)
    assert con.execute("SELECT count(*) FROM metric_catalog").fetchone()[0] == len(METRIC_LABELS)


def test_shipped_labels_match_the_spec():
    if not SPEC.exists():
        pytest.skip("../shared/spec/metrics.yaml not present")
    import yaml

    catalog = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    spec = {
        key: (topic, e["zh"], e["unit"]) for topic, entries in catalog.items() for key, e in entries.items()
    }
    assert spec == METRIC_LABELS
