from parsing.classify import classify
from parsing.listing import is_listing

_TITLES = [f"江山市{y}年度法治政府建设情况报告" for y in (2022, 2021, 2020)]


def test_entries_with_dates_before_after_or_in_chinese():
    assert is_listing(
        "\n".join(
            f"[{y + 1}-03-2{i}] {t}" for i, (y, t) in enumerate(zip((2022, 2021, 2020), _TITLES, strict=True))
        )
    )
    assert is_listing("年度报告\n" + "\n".join(f"{t}　2023年03月2{i}日" for i, t in enumerate(_TITLES)))
    assert is_listing("法治政府\n" + "\n".join(f"{t} 03-2{i}" for i, t in enumerate(_TITLES)))


def test_entries_without_dates_name_their_years():
    page = "年度报告专栏\n" + "\n".join(_TITLES) + "\n更多>>"
    assert is_listing(page)
    assert classify(_TITLES[0], page) == "other"


def test_search_results_with_cut_snippets_and_links():
    page = "搜索结果\n找到约 12 条结果\n"
    for t in _TITLES:
        page += (
            f"{t}\n2022年,江山市人民政府坚持依法行政,扎实推进法治政府建设,现将有关情况报告如下……\n"
            "https://www.jiangshan.gov.cn/art/2023/3/20/art_1.html 2023-03-20\n"
        )
    assert is_listing(page)
    assert classify(_TITLES[0], page) == "other"


def test_a_report_with_related_titles_is_not_a_list():
    page = (
        f"标题:{_TITLES[0]}\n{_TITLES[0]}\n发布日期:2023-03-20\n"
        "2022年,江山市人民政府坚持依法行政,扎实推进法治政府建设。现将有关情况报告如下:\n一、主要举措\n"
        f"相关阅读:\n{_TITLES[1]}\n{_TITLES[2]}"
    )
    assert not is_listing(page)
    assert classify(_TITLES[0], page) == "annual_report"
    # A report's outline headings are not entries.
    outline = "一、2022年工作总结\n二、2023年工作计划\n三、2023年度重点方案"
    assert not is_listing(outline)
