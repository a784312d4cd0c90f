"""Rules found on long whole reports (held-out batch fifteen, m201-m206); sentences written for the tests."""

from __future__ import annotations

from parsing.metrics import extract_metrics

YEAR = 2023


def facts(text: str, year: int | None = YEAR, **kw: str) -> set[tuple[str, float, int | None]]:
    return {(f.key, f.value, f.period_year) for f in extract_metrics(text, year, **kw)}


def test_an_earlier_years_figure_in_brackets_takes_that_year():
    got = facts("全县共办理政府信息公开申请58件，同比增长12%（2022年为52件），均按期答复。")
    assert got == {("disclosure_requests", 58, YEAR), ("disclosure_requests", 52, 2022)}
    # the year inside the aside, not simply the year before
    got = facts("全年信访总量2,310件次（2021年为2,980件次）。")
    assert got == {("petitions_total", 2310, YEAR), ("petitions_total", 2980, 2021)}
    # a bracketed year range in a title stays blanked
    assert facts("制定《普法规划（2021—2025年）》，开展普法活动36场。") == {("publicity_events", 36, YEAR)}


def test_an_appendix_after_the_plan_is_read_again():
    text = (
        "一、主要成效\n全年收到行政复议申请85件。\n"
        "二、下一步工作安排\n力争明年行政诉讼败诉率控制在5%以内。\n"
        "附表：主要指标\n指标　　2022年　　2023年\n行政诉讼一审案件（件）　　60　　71\n"
    )
    got = facts(text, issuer="某市人民政府", issuer_kind="government")
    assert ("litigation_cases", 60, 2022) in got and ("litigation_cases", 71, YEAR) in got
    assert not any(k == "litigation_loss_rate" for k, _v, _y in got)


def test_decisions_corrected_on_review_are_no_applications():
    assert facts("全年行政行为被复议纠错6件，较上年有所减少。") == set()
    assert facts("全年行政复议被纠正案件4件。") == set()


def test_a_channel_named_before_enforcement_complaints_keeps_them_enforcement_complaints():
    got = facts("通过12345热线和门户网站受理行政执法投诉45件，均已办结。")
    assert ("enforcement_complaints", 45, YEAR) in got
    # the service complaints of a window stay out
    got = facts("受理政务服务窗口投诉45件，涉及执法事项。")
    assert not any(k == "enforcement_complaints" for k, _v, _y in got)


def test_a_county_government_named_in_a_city_report_is_a_part():
    got = facts(
        "其中，市政府本级收到行政复议申请208件，临湖县政府收到63件。",
        issuer="某某市人民政府",
        issuer_kind="government",
    )
    assert got == {("reconsideration_received", 208, YEAR)}


def test_a_verb_before_the_townships_staff_names_no_other_place():
    got = facts(
        "组织镇执法人员参加市里举办的执法培训31人次。", issuer="青石镇人民政府", issuer_kind="government"
    )
    assert got == {("enforcement_personnel_trained", 31, YEAR)}


def test_documents_issued_are_not_reviewed_by_a_mechanism_named_before():
    got = facts("健全规范性文件合法性审查机制，县政府制发规范性文件8件，全部报市政府备案。")
    assert got == {("normative_docs_filed", 8, YEAR)}
    # 出台的 describes the documents; the review after them is still counted
    got = facts("县政府出台的5件规范性文件全部经过合法性审查，并报县人大常委会备案。")
    assert ("normative_docs_reviewed", 5, YEAR) in got


def test_cases_overseen_are_not_cases_handled():
    assert facts("依托执法监督系统对全市行政处罚案件1,250件进行网上巡查。") == set()
    assert facts("对各部门报送的规范性文件12件进行备案审查。") == {("normative_docs_reviewed", 12, YEAR)}


def test_er_ci_is_a_second_time_not_a_count():
    assert facts("12345热线对不满意工单二次派单，限时重办。") == set()
    assert facts("12345热线受理诉求两万余件。") == {("hotline_received", 20000, YEAR)}


def test_the_sector_a_department_guides_is_not_its_own_once_its_own_is_stated():
    text = "以市水务局为被告的行政诉讼案件6件。全市水务系统共发生行政诉讼案件41件。"
    got = facts(text, issuer="某市水务局", issuer_kind="department")
    assert got == {("litigation_cases", 6, YEAR)}


# --- found on m207, written after the rules above as a blind check -------------------------------


def test_the_new_level_after_a_change_takes_the_report_year():
    got = facts("行政机关负责人出庭应诉率由2022年的88.5%提升至97.2%。")
    assert got == {("leader_court_appearance_rate", 88.5, 2022), ("leader_court_appearance_rate", 97.2, YEAR)}


def test_places_listed_at_the_opening_of_a_sentence_are_sub_areas():
    gov = {"issuer": "某某省人民政府", "issuer_kind": "government"}
    assert facts("临江市、白河市行政诉讼败诉率分别为6.2%、7.9%。", **gov) == set()
    # levels listed are no place: the whole area's figure stays
    got = facts(
        "县市区、乡镇两级调解组织共调解纠纷3,400件。", issuer="某某市人民政府", issuer_kind="government"
    )
    assert got == {("mediation_disputes", 3400, YEAR)}


def test_the_governments_portal_after_qizhong_is_a_part():
    got = facts(
        "全市主动公开政府信息5.2万条，其中市政府门户网站发布9,800条。",
        issuer="某某市人民政府",
        issuer_kind="government",
    )
    assert got == {("info_disclosed_proactively", 52000, YEAR)}


def test_a_rate_of_a_counted_few_units_is_not_the_areas():
    assert (
        facts("全市仍有2个县区行政复议纠错率高于20%。", issuer="某某市人民政府", issuer_kind="government")
        == set()
    )


def test_advisers_of_governments_and_departments_together_are_counted():
    got = facts("全市各级政府和部门共聘请法律顾问820名。", issuer="某某市人民政府", issuer_kind="government")
    assert got == {("legal_advisers", 820, YEAR)}


def test_complaints_received_under_a_disputes_heading_are_no_disputes():
    text = "（五）化解矛盾纠纷\n通过12315平台受理消费投诉举报2,340件，办结率99%。"
    assert not any(k.startswith("mediation") for k, _v, _y in facts(text))
    # disputes arising from complaints are still disputes
    got = facts("（五）化解矛盾纠纷\n受理投诉引发的消费纠纷410件，调解成功395件。")
    assert ("mediation_disputes", 410, YEAR) in got


def test_an_attachment_line_before_the_plan_does_not_open_the_plan():
    text = (
        "关于报送2023年度法治政府建设情况的报告\n附件：2023年度法治政府建设情况报告\n"
        "一、主要成效\n全年收到行政复议申请85件。\n"
        "二、下一步工作安排\n全年开展普法活动60场，败诉率控制在5%以内。\n"
    )
    got = facts(text, issuer="某市人民政府", issuer_kind="government")
    assert got == {("reconsideration_received", 85, YEAR)}
