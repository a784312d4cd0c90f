import asyncio
import json
from datetime import UTC, date, datetime

import pytest

from crawlers.adapters import DiscoveryError, gkmlpt
from crawlers.adapters.gkmlpt import article_date, categories, index_url
from crawlers.model import Column, Source
from tests.support.fake_fetcher import FakeFetcher, Page, collect

HOST = "http://www.example-gd.gov.cn"
INDEX = f"{HOST}/sub/gkmlpt/index"
TREE = [
    {"id": 100, "name": "政务动态", "children": [{"id": 2571, "name": "法治政府建设", "children": []}]},
    {"id": 7, "name": "外链", "jump_url": "http://x/", "children": []},
]
INDEX_HTML = f"<html><script>window._CONFIG = {{SID:'756001', TREE:{json.dumps(TREE, ensure_ascii=False)}, SERVICE_AREA_ID: 1}};</script></html>"  # noqa: E501


def epoch(day: str) -> int:
    return int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp())


def article(n: int, title: str, day: str) -> dict:
    return {
        "id": n,
        "title": title,
        "url": f"{HOST}/sub/gkmlpt/content/0/{n // 1000}/post_{n}.html",
        "first_publish_time": epoch(day),
        "date": epoch(day),
    }


def api(articles: list[dict], total: int) -> Page:
    return Page(
        json.dumps({"articles": articles, "total": total, "classify": {"post_count": total}}),
        content_type="application/json",
    )


def src(url: str) -> Source:
    return Source(id="gd", name="示例", base_url=HOST + "/", adapter="gkmlpt", columns=(Column(url),))


def test_index_and_category_from_the_column_address():
    assert index_url(f"{HOST}/sub/gkmlpt/index#2571") == INDEX
    assert categories(f"{INDEX}#2571", INDEX_HTML) == ["2571"]
    assert categories(INDEX, INDEX_HTML) == ["2571"]  # no fragment: the rule-of-law category of the TREE
    assert article_date({"first_publish_time": epoch("2024-03-05")}) == date(2024, 3, 5)
    assert article_date({"created_at": "2023-02-01 10:00:00"}) == date(2023, 2, 1)


def test_pages_the_json_api_until_total():
    f = FakeFetcher(
        {
            INDEX: INDEX_HTML,
            f"{HOST}/sub/gkmlpt/api/all/2571?page=1&sid=756001": api(
                [
                    article(5001, "示例市2024年法治政府建设年度报告", "2025-03-10"),
                    article(5000, "示例市法治政府建设工作要点解读", "2025-01-10"),
                ],
                3,
            ),
            f"{HOST}/sub/gkmlpt/api/all/2571?page=2&sid=756001": api(
                [article(4000, "示例市2023年法治政府建设年度报告", "2024-03-10")], 3
            ),
        }
    )
    found = asyncio.run(
        collect(gkmlpt.discover(Column(f"{INDEX}#2571"), src(f"{INDEX}#2571"), f, range(2019, 2025)))
    )
    assert [c.report_year for c in found] == [2024, 2023]
    assert found[0].listed_date == date(2025, 3, 10)
    assert len(f.calls) == 3


def test_missing_sid_is_a_clear_error():
    f = FakeFetcher({INDEX: "<html>no config</html>"})
    with pytest.raises(DiscoveryError, match="SID"):
        asyncio.run(collect(gkmlpt.discover(Column(f"{INDEX}#1"), src(f"{INDEX}#1"), f, range(2023, 2024))))
