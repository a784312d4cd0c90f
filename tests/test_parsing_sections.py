"""Heading tree and report parts, on report skeletons written for these tests."""

from __future__ import annotations

from parsing.sections import classify_part, parse_sections, part_at, part_index

REPORT = """某县人民政府关于某年度法治政府建设情况的报告
一、主要举措和成效
(一)强化组织保障
全年召开专题会议4次。
(二)规范行政决策。本年度审查重大决策事项9件,均按程序办理。
1.完善决策程序。一是健全目录管理。制定决策事项目录。二是落实听证制度,听证3次。
2、加强合法性审查
(1)建立审查台账
（2）落实审查意见
二、存在的不足和原因
部分单位重视不够。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人专题研究法治工作。
四、下一年度推进法治政府建设的主要安排
(一)继续加强普法。
"""


def test_levels_numbers_and_headings():
    secs = parse_sections(REPORT)
    got = [(s.level, s.number, s.heading) for s in secs]
    assert got == [
        (1, "一", "主要举措和成效"),
        (2, "一", "强化组织保障"),
        (2, "二", "规范行政决策"),
        (3, "1", "完善决策程序"),
        (5, "一是", "健全目录管理"),
        (5, "二是", "落实听证制度,听证3次"),
        (3, "2", "加强合法性审查"),
        (4, "1", "建立审查台账"),
        (4, "2", "落实审查意见"),
        (1, "二", "存在的不足和原因"),
        (1, "三", "党政主要负责人履行推进法治建设第一责任人职责情况"),
        (1, "四", "下一年度推进法治政府建设的主要安排"),
        (2, "一", "继续加强普法"),
    ]
    for s in secs:
        assert REPORT[s.start : s.end].endswith(s.heading)


def test_top_level_parts():
    tops = [s.part for s in parse_sections(REPORT) if s.level == 1]
    assert tops == ["achievements", "shortcomings", "leader_duties", "next_year"]


def test_part_at_offsets():
    assert part_at(REPORT, REPORT.index("全年召开")) == "achievements"
    assert part_at(REPORT, REPORT.index("部分单位")) == "shortcomings"
    assert part_at(REPORT, REPORT.index("主要负责人专题")) == "leader_duties"
    assert part_at(REPORT, REPORT.index("继续加强普法")) == "next_year"
    assert part_at(REPORT, 0) is None


def test_mixed_heading_with_explicit_subheadings():
    text = (
        "一、工作成效\n办理案件。\n二、存在问题和下一步打算\n"
        "1.主要问题。人手不足。\n2.下一步打算。继续推进。\n"
    )
    index = part_index(text)
    assert index.part_at(text.index("人手不足")) == "shortcomings"
    assert index.part_at(text.index("继续推进")) == "next_year"


def test_numbered_list_inside_paragraph_does_not_break_the_sequence():
    text = "一、主要工作\n内容。\n三、这一行跳号,是正文中的列举\n二、存在问题\n内容。\n"
    tops = [(s.number, s.part) for s in parse_sections(text) if s.level == 1]
    assert tops == [("一", "achievements"), ("二", "shortcomings")]


def test_restart_and_thematic_headings():
    text = "一、加强组织领导\n正文。\n二、深化体制改革\n正文。\n三、存在问题\n正文。\n一、附件说明\n"
    parts = [(s.number, s.part) for s in parse_sections(text) if s.level == 1]
    assert parts == [("一", "achievements"), ("二", "achievements"), ("三", "shortcomings"), ("一", "other")]


def test_heading_naming_no_part_continues_the_achievements():
    text = "一、“放管服”改革不断深化\n正文。\n二、营商环境持续优化\n正文。\n三、下一步打算\n"
    assert [s.part for s in parse_sections(text)] == ["achievements", "achievements", "next_year"]


def test_first_child_written_like_a_top_heading():
    text = "一、2023年主要措施\n一、强化领导责任\n正文。\n二、存在问题\n正文。\n"
    got = [(s.level, s.number, s.part) for s in parse_sections(text)]
    assert got == [(1, "一", "achievements"), (2, "一", None), (1, "二", "shortcomings")]


def test_out_of_sequence_heading_that_names_a_part_is_kept():
    text = "一、主要成效\n正文。\n二、依法行政\n正文。\n二、下一步工作安排\n计划。\n"
    assert [s.part for s in parse_sections(text) if s.level == 1][-1] == "next_year"


def test_unnumbered_plan_line_sets_next_year():
    text = "全年办理复议案件。\n2024年工作打算\n组织培训。\n"
    assert part_at(text, text.index("组织培训")) == "next_year"


def test_classify_part_wordings():
    assert classify_part("下一步工作计划") == "next_year"
    assert classify_part("2024年工作打算") == "next_year"
    assert classify_part("2023年重点工作推进情况") == "achievements"
    assert classify_part("今后工作计划") == "next_year"
    assert classify_part("存在的问题和不足") == "shortcomings"
    assert classify_part("取得的成效") == "achievements"
    assert classify_part("附则") == "other"
    assert classify_part("附则", explicit_only=True) is None


def test_full_width_brackets_and_dots():
    text = "（三）加强执法监督\n3．规范执法程序\n"
    assert [(s.level, s.number) for s in parse_sections(text)] == [(2, "三"), (3, "3")]


def test_empty_text():
    assert parse_sections("") == []
    assert part_at("", 0) is None
