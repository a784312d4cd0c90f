"""Figures in tables flattened to text (tables written for these tests)."""

from __future__ import annotations

from parsing.metrics import extract_metrics
from parsing.metrics.tables import has_table, table_figures


def facts(text: str, year: int = 2023) -> set[tuple[str, float, int | None]]:
    return {(f.key, f.value, f.period_year) for f in extract_metrics(text, year)}


def test_header_over_a_labelled_row():
    text = "(三)行政复议\n表2 全县行政复议案件情况\n项目 收案数 受理数 审结数\n数量(件) 48 45 41\n"
    assert facts(text) == {
        ("reconsideration_received", 48, 2023),
        ("reconsideration_accepted", 45, 2023),
        ("reconsideration_concluded", 41, 2023),
    }


def test_rows_per_year_take_their_year_and_rates_their_sign():
    text = (
        "表3 12345热线办理情况(单位:件)\n"
        "年度 受理量 办结量 满意率\n"
        "2023年 51200 50950 96.1%\n"
        "2022年 47800 47500 95.0%\n"
    )
    got = facts(text)
    assert ("hotline_received", 51200, 2023) in got
    assert ("hotline_received", 47800, 2022) in got
    assert ("hotline_satisfaction_rate", 95.0, 2022) in got


def test_evidence_is_the_row():
    text = "行政复议案件统计\n项目 收案数 审结数 纠错数\n数量(件) 20 18 3\n"
    f = next(f for f in extract_metrics(text, 2023) if f.key == "reconsideration_received")
    assert f.evidence == "数量(件) 20 18 3"
    assert text[f.start : f.end] == f.evidence


def test_numbers_without_unit_or_header_give_nothing():
    assert facts("项目 收案数 审结数\n合计 20 18\n") == set()  # no unit anywhere
    assert facts("2023 2022\n58 41\n") == set()  # no header row
    assert not has_table("全年收到申请58件。")


def test_multi_year_caption_gives_nothing():
    text = "2019-2023年行政复议案件(件)\n项目 收案数 审结数\n合计 200 190\n"
    assert list(table_figures(text, 2023, lambda _pos: "")) == []


def test_indicator_rows_under_year_columns():
    text = (
        "二、主要指标\n指标\t2023年\t2022年\n行政复议收案数（件）\t412\t380\n"
        "行政机关负责人出庭应诉率（%）\t98.5\t96\n主动公开政府信息（条）\t3,210\t2,980\n"
    )
    assert facts(text) == {
        ("reconsideration_received", 412, 2023),
        ("reconsideration_received", 380, 2022),
        ("leader_court_appearance_rate", 98.5, 2023),
        ("leader_court_appearance_rate", 96, 2022),
        ("info_disclosed_proactively", 3210, 2023),
        ("info_disclosed_proactively", 2980, 2022),
    }


def test_rows_naming_their_year_under_a_caption_over_two_years():
    text = (
        "近两年行政复议案件办理情况如下：\n年度 收案数 审结数 纠错率\n"
        "2023年 326 301 9.6%\n2022年 214 207 12.1%\n"
    )
    assert facts(text) == {
        ("reconsideration_received", 326, 2023),
        ("reconsideration_concluded", 301, 2023),
        ("reconsideration_correction_rate", 9.6, 2023),
        ("reconsideration_received", 214, 2022),
        ("reconsideration_concluded", 207, 2022),
        ("reconsideration_correction_rate", 12.1, 2022),
    }


def test_a_two_column_indicator_table_with_units_in_the_labels():
    text = (
        "一、主要指标完成情况\n指标　数值\n行政复议新收案件（件）　215\n行政机关负责人出庭应诉率（%）　100\n"
        "主动公开政府信息（条）　12,800\n二、主要工作\n全年召开会议（次）　5\n"
    )
    assert facts(text) == {
        ("reconsideration_received", 215, 2023),
        ("leader_court_appearance_rate", 100, 2023),
        ("info_disclosed_proactively", 12800, 2023),
    }
