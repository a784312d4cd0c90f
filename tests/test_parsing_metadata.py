from parsing.metadata import report_year, title_from_lines, title_parts


def test_title_skips_breadcrumbs_info_lines_and_dates():
    lines = [
        "当前位置:首页 > 政务公开",
        "• 索引号:123/2024-1",
        "• 文号:",
        "某县司法局2023年法治政府建设工作总结",
        "发布时间:2024-01-05",
        "2023年,我局坚持依法行政,各项工作取得成效。",
    ]
    assert title_from_lines(lines) == "某县司法局2023年法治政府建设工作总结"


def test_no_title_when_the_excerpt_starts_with_the_body():
    assert title_from_lines(["2023年,我县坚持依法行政,法治政府建设取得新成效。", "一、主要做法"]) is None
    assert title_from_lines(["根据上级要求,现将我局2023年度法治政府建设情况报告如下:"]) is None


def test_two_line_titles():
    assert title_parts(
        ["中共某市委 某市人民政府", "关于2023年度法治政府建设情况的报告", "正文,开始了。"]
    ) == [
        "中共某市委 某市人民政府",
        "关于2023年度法治政府建设情况的报告",
    ]
    assert title_from_lines(["关于印发某县2024年度法治政府建设", "工作安排的通知", "各乡镇:"]) == (
        "关于印发某县2024年度法治政府建设工作安排的通知"
    )


def test_column_name_above_the_title_is_passed_over():
    lines = ["法治政府建设年度报告", "某县人民政府2023年度法治政府建设情况报告", "2023年,我县坚持依法行政。"]
    assert title_from_lines(lines) == "某县人民政府2023年度法治政府建设情况报告"


def test_embedded_title_in_a_run_together_line():
    line = (
        "某某文库www.example.com某省人民政府关于2023年度法治政府建设情况的报告2023年,省政府坚持依法行政" * 2
    )
    assert title_from_lines([line]) == "某省人民政府关于2023年度法治政府建设情况的报告"


def test_report_year_sources():
    assert report_year("某县2023年度法治政府建设情况报告", "", None) == 2023
    assert report_year(None, "根据要求,现将我县2022年度法治政府建设情况报告如下:", None) == 2022
    assert (
        report_year(None, "2021年,我市深入推进依法行政,《法治政府建设实施纲要(2015-2020年)》……", None) == 2021
    )
    assert report_year(None, "一、2020年度推进法治政府建设的主要举措\n正文", None) == 2020
    assert report_year(None, "今年以来,我局持续推进依法行政。", "2024-02-20") == 2023
    # A plan's year inside 《》 and a range are not the year reported on.
    assert (
        report_year(None, "落实《2025年法治政府建设工作要点》和(2021—2025年)纲要,2024年工作扎实推进", None)
        == 2024
    )


def test_year_in_parentheses_and_publish_month_fallback():
    assert report_year("法治政府建设年度报告(2023年度)", "", None) == 2023
    assert report_year(None, "今年以来,我局持续推进依法行政。", "2024-03-01") == 2023
    assert report_year(None, "今年以来,我局持续推进依法行政。", "2024-12-10") == 2024


def test_report_year_in_chinese_numerals():
    text = "二〇二二年,某县坚持依法行政。现将二〇二二年度法治政府建设情况报告如下:"
    assert report_year(None, text, None) == 2022
    assert report_year("某县二〇二三年法治政府建设情况报告", "", None) == 2023


def test_yearbook_titles():
    assert title_parts(["首页 > 数据发布", "丽水市2022年度行政执法数据统计年报", "发布时间:2023-01-20"]) == [
        "丽水市2022年度行政执法数据统计年报"
    ]


def test_party_committee_and_government_on_two_heading_lines():
    lines = [
        "中共钦州市委",
        "钦州市人民政府",
        "关于2022年度法治政府建设情况的报告",
        "2022年,市委、市政府坚持依法行政。",
    ]
    assert "".join(title_parts(lines)) == "中共钦州市委钦州市人民政府关于2022年度法治政府建设情况的报告"


def test_year_of_the_announcement_stops_at_its_line():
    text = "2022年,我镇推进法治政府建设。现将有关情况报告如下:\n一、主要做法\n\n某镇人民政府\n2023年1月10日"
    assert report_year(None, text, "2023-01-10") == 2022
