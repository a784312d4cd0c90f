"""Metric facts from sentences written for these tests (one convention of gold_format.md per case)."""

from __future__ import annotations

import pytest

from parsing.metrics import extract_metrics

YEAR = 2023


def facts(text: str, year: int | None = YEAR, **kw: str) -> set[tuple[str, float, int | None]]:
    return {(f.key, f.value, f.period_year) for f in extract_metrics(text, year, **kw)}


def qualified(text: str) -> dict[str, str]:
    return {f.key: f.qualifier for f in extract_metrics(text, YEAR)}


def test_several_facts_in_one_sentence_share_the_subject():
    got = facts("本年度本县收到行政复议申请64件,受理58件,审结51件,尚未审结7件。")
    assert got == {
        ("reconsideration_received", 64, YEAR),
        ("reconsideration_accepted", 58, YEAR),
        ("reconsideration_concluded", 51, YEAR),
        ("reconsideration_pending", 7, YEAR),
    }


def test_reconsideration_outcomes_and_rates():
    got = facts("行政复议决定中维持原行政行为31件,撤销5件,驳回复议申请8件,确认违法3件,纠错率14.5%。")
    assert got == {
        ("reconsideration_upheld", 31, YEAR),
        ("reconsideration_revoked", 5, YEAR),
        ("reconsideration_dismissed", 8, YEAR),
        ("reconsideration_confirmed_illegal", 3, YEAR),
        ("reconsideration_correction_rate", 14.5, YEAR),
    }
    assert facts("本市行政复议决定的履行率达到99.5%。") == {("reconsideration_fulfillment_rate", 99.5, YEAR)}


def test_a_list_of_corrections_is_not_one_outcome():
    got = facts("各行政复议机构作出撤销、变更、确认违法等纠错决定共计86件,纠错率11.2%。")
    assert ("reconsideration_confirmed_illegal", 86, YEAR) not in got
    assert ("reconsideration_correction_rate", 11.2, YEAR) in got


def test_respondent_counts_as_received_and_defendant_as_litigation():
    assert facts("以区政府作为被申请人的行政复议案件17件。") == {("reconsideration_received", 17, YEAR)}
    assert facts("以区政府为被告的行政诉讼案件26件,败诉1件。") == {
        ("litigation_cases", 26, YEAR),
        ("litigation_lost", 1, YEAR),
    }


def test_all_won_gives_the_case_count():
    assert facts("本年度本局作为被告的行政诉讼案件共5件,均胜诉。") == {
        ("litigation_cases", 5, YEAR),
        ("litigation_won", 5, YEAR),
    }


def test_litigation_rates_and_appearances():
    got = facts("全县行政机关负责人出庭应诉134人次,出庭应诉率达到100%,行政诉讼败诉率为6.3%。")
    assert got == {
        ("leader_court_appearances", 134, YEAR),
        ("leader_court_appearance_rate", 100, YEAR),
        ("litigation_loss_rate", 6.3, YEAR),
    }
    assert {f.unit for f in extract_metrics("行政机关负责人出庭应诉134人次。", YEAR)} == {"次"}


def test_one_leaders_own_appearances_are_not_the_bodys_count():
    assert facts("本年度区长亲自出庭应诉2次。") == set()
    assert facts("县政府主要负责人出庭应诉1次。") == set()


def test_later_subject_takes_over():
    got = facts("本年度办理行政复议案件210件,法院受理行政诉讼案件95件。")
    assert got == {("reconsideration_accepted", 210, YEAR), ("litigation_cases", 95, YEAR)}


def test_years_in_the_sentence():
    got = facts("2023年受理行政复议申请84件,2022年为69件。")
    assert got == {("reconsideration_accepted", 84, 2023), ("reconsideration_accepted", 69, 2022)}
    got = facts("行政诉讼败诉率从2021年的9.1%、2022年的7.4%降至2023年的5.2%。")
    assert {(k, v, y) for k, v, y in got} >= {
        ("litigation_loss_rate", 9.1, 2021),
        ("litigation_loss_rate", 7.4, 2022),
    }


def test_previous_year_figure_for_comparison():
    got = facts("共收到行政复议申请90件,较上年的75件增长20%。")
    assert got == {("reconsideration_received", 90, YEAR), ("reconsideration_received", 75, YEAR - 1)}


def test_changes_and_growth_rates_give_no_fact():
    assert facts("信访总量同比下降12.4%。") == set()
    assert facts("行政诉讼败诉率较上年下降2.5个百分点。") == set()
    assert facts("行政处罚案件较上年增加40件。") == set()


def test_multi_year_totals_give_no_fact():
    assert facts("近三年累计受理行政复议申请412件。") == set()
    assert facts("2020年至2023年共调解矛盾纠纷9000余件。") == set()
    assert facts("2020年以来,累计聘请法律顾问85名。") == set()


def test_words_without_numbers_give_no_fact():
    assert facts("全年未发生行政诉讼败诉案件,村居法律顾问实现全覆盖。") == set()


def test_next_year_plan_is_not_reported():
    assert facts("计划开展普法宣传活动80场次。") == set()
    text = (
        "一、主要工作成效\n全年开展普法宣传活动66场次。\n"
        "二、下一年度工作安排\n组织开展普法宣传活动100场次,培训行政执法人员2000人。\n"
    )
    assert facts(text) == {("publicity_events", 66, YEAR)}


def test_plan_under_a_mixed_heading():
    text = (
        "一、工作成效\n办结行政复议案件12件。\n二、存在问题及下一步打算\n"
        "1.存在问题。行政复议案件12件中纠错较少。\n"
        "2.下一步打算。组织执法人员培训500人。\n"
    )
    assert ("enforcement_personnel_trained", 500, YEAR) not in facts(text)


def test_sub_unit_figures_are_not_the_bodys():
    assert facts("其中,县交通运输局办理行政处罚案件230件。") == set()
    assert facts("全县办理行政处罚案件1,560件,其中县市场监督管理局办理行政处罚案件400件。") == {
        ("enforcement_penalty_cases", 1560, YEAR)
    }


def test_department_own_level_beside_guided_area():
    text = "局机关本级收到行政复议申请21件;指导全市复议机构收到行政复议申请318件。"
    assert facts(text, issuer="某市司法局", issuer_kind="department") == {
        ("reconsideration_received", 21, YEAR)
    }


def test_issued_documents_are_not_filings():
    assert facts("全年制发行政规范性文件9件。") == set()
    got = facts("审核规范性文件14件,按规定报送备案14件,对11件部门规范性文件进行了备案审查。")
    assert got == {
        ("normative_docs_reviewed", 14, YEAR),
        ("normative_docs_filed", 14, YEAR),
        ("normative_docs_reviewed", 11, YEAR),
    }
    assert facts("开展规范性文件专项清理,清理规范性文件203件。") == {("normative_docs_cleaned", 203, YEAR)}


def test_disclosure():
    got = facts("全年主动公开政府信息4,518条,办理依申请公开申请73件。")
    assert got == {("info_disclosed_proactively", 4518, YEAR), ("disclosure_requests", 73, YEAR)}
    assert facts("在政务微信公众号发布各类信息900条。") == set()


def test_mediation_and_its_rates():
    got = facts("各级人民调解组织排查调处矛盾纠纷3,311件,调解成功3,250件,调解成功率98.2%。")
    assert got == {
        ("mediation_disputes", 3311, YEAR),
        ("mediation_resolved", 3250, YEAR),
        ("mediation_success_rate", 98.2, YEAR),
    }
    assert facts("矛盾纠纷化解率97.5%,调解率100%。") == {("mediation_success_rate", 97.5, YEAR)}


def test_a_petition_subset_is_not_mediation():
    assert facts("领导包案化解信访积案20件,化解率80%。") == set()


def test_hotline():
    got = facts("12345政务服务热线全年受理群众诉求8.6万件,办结8.5万件,办结率98.8%,群众满意率97.3%。")
    assert got == {
        ("hotline_received", 86000, YEAR),
        ("hotline_resolved", 85000, YEAR),
        ("hotline_resolution_rate", 98.8, YEAR),
        ("hotline_satisfaction_rate", 97.3, YEAR),
    }
    assert facts("政务服务中心办件满意率达99.9%。") == set()


def test_enforcement_training_certification_and_tests():
    assert facts("举办执法业务培训班8期,培训行政执法人员1,200人次。") == {
        ("enforcement_personnel_trained", 1200, YEAR)
    }
    assert facts("组织600余名一线执法人员参加执法能力提升培训。") == {
        ("enforcement_personnel_trained", 600, YEAR)
    }
    assert facts("新申领行政执法证件的人员共158人。") == {("enforcement_personnel_certified", 158, YEAR)}
    assert facts("组织行政执法人员法律知识测试,参加测试人员900人。") == set()


def test_complaints_about_services_are_not_enforcement_complaints():
    assert facts("受理行政执法投诉举报31件,全部办结。") == {("enforcement_complaints", 31, YEAR)}
    assert facts("受理政务服务窗口投诉8件。") == set()


def test_legal_advisers():
    assert facts("市政府共聘请法律顾问16名。") == {("legal_advisers", 16, YEAR)}
    assert facts("三级政府法律顾问覆盖率达到100%。") == {("legal_adviser_coverage_rate", 100, YEAR)}


def test_publicity_with_chinese_numerals_and_wan():
    got = facts("开展法治宣传进社区活动一百五十场次,覆盖群众三万余人次,发放普法宣传册1.2万份。")
    assert got == {
        ("publicity_events", 150, YEAR),
        ("publicity_participants", 30000, YEAR),
        ("publicity_materials", 12000, YEAR),
    }
    assert facts("开展普法培训60场次,培训干部4000人次。") == set()


def test_qualifiers():
    assert qualified("受理行政复议申请约120件。") == {"reconsideration_accepted": "approx"}
    assert qualified("调解各类矛盾纠纷2000余件。") == {"mediation_disputes": "more_than"}
    assert qualified("负责人出庭应诉率超过90%。") == {"leader_court_appearance_rate": "more_than"}
    assert qualified("负责人出庭应诉率达到95%以上。") == {"leader_court_appearance_rate": "at_least"}
    assert qualified("受理行政复议申请不足50件。") == {"reconsideration_accepted": "less_than"}
    assert qualified("办理行政处罚案件300件左右。") == {"enforcement_penalty_cases": "approx"}


def test_rate_without_percent_sign():
    assert facts("负责人出庭应诉率达到88以上。") == {("leader_court_appearance_rate", 88, YEAR)}


def test_full_width_text_and_units_normalised():
    got = extract_metrics("收到行政复议申请１８宗，受理１５宗。", YEAR)
    assert {(f.key, f.value, f.unit) for f in got} == {
        ("reconsideration_received", 18, "件"),
        ("reconsideration_accepted", 15, "件"),
    }


def test_classifier_nouns_are_not_case_counts():
    assert facts("在全县12个乡镇设立诉讼服务站,建成人民调解组织8个工作站。") == set()


def test_evidence_is_the_sentence_span():
    text = "前言。\n2023年,全区主动公开政府信息2,001条;依申请公开申请9件。\n"
    got = extract_metrics(text, YEAR)
    assert got
    for f in got:
        assert text[f.start : f.end] == f.evidence
        assert "。" not in f.evidence[:-1]
    assert got[0].evidence == "2023年,全区主动公开政府信息2,001条;"


def test_report_year_unknown():
    assert facts("受理行政复议申请33件。", year=None) == {("reconsideration_accepted", 33, None)}


@pytest.mark.parametrize("text", ["", "。。。", "\n\n", "12345", "一二三四五六七八九十件"])
def test_degenerate_input(text: str):
    extract_metrics(text, YEAR)


def test_respectively_maps_items_to_numbers_in_order():
    got = facts("本年度收到、受理、审结行政复议案件分别为61件、57件、50件。")
    assert got == {
        ("reconsideration_received", 61, YEAR),
        ("reconsideration_accepted", 57, YEAR),
        ("reconsideration_concluded", 50, YEAR),
    }
    got = facts("12345热线按时办结率、回访满意率分别为98.1%、96.4%。")
    assert got == {("hotline_resolution_rate", 98.1, YEAR), ("hotline_satisfaction_rate", 96.4, YEAR)}


def test_previous_year_figure_in_brackets():
    got = facts("受理行政复议申请66件,同比(51件)增长29.4%。")
    assert got == {("reconsideration_accepted", 66, YEAR), ("reconsideration_accepted", 51, YEAR - 1)}


def test_other_asides_in_brackets_are_not_figures():
    assert facts("审结行政复议案件40件(含上年结转案件6件)。") == {("reconsideration_concluded", 40, YEAR)}


def test_compared_year_is_not_the_period_of_later_figures():
    assert facts("行政处罚案件较2022年增加30件,达到410件。") == {("enforcement_penalty_cases", 410, YEAR)}


def test_year_ranges_in_titles_are_not_multi_year_totals():
    assert facts("对照法治政府建设规划(2021-2025年),全年受理行政复议申请31件。") == {
        ("reconsideration_accepted", 31, YEAR)
    }
    assert facts("依据《某某规划(2021—2025年)》,全年新收行政复议申请19件。") == {
        ("reconsideration_received", 19, YEAR)
    }


def test_subject_from_earlier_in_the_paragraph():
    text = "在行政复议方面,全年新收案件85件;审结79件,其中维持51件、撤销7件。"
    assert facts(text) == {
        ("reconsideration_received", 85, YEAR),
        ("reconsideration_concluded", 79, YEAR),
        ("reconsideration_upheld", 51, YEAR),
        ("reconsideration_revoked", 7, YEAR),
    }


def test_a_new_level_takes_the_key_of_the_old_one():
    got = facts("负责人出庭应诉率由上年的76%提升至93%。")
    assert got == {("leader_court_appearance_rate", 76, YEAR - 1), ("leader_court_appearance_rate", 93, YEAR)}


def test_a_slice_by_subject_matter_is_not_the_total():
    assert facts("12345热线受理涉企诉求2,400件。") == set()


def test_a_year_in_another_statement_does_not_govern_the_figure():
    assert facts("继2020年被评为法治政府建设示范县后,本年度受理行政复议申请44件。") == {
        ("reconsideration_accepted", 44, YEAR)
    }
    assert facts("截至2023年底,全县共聘请法律顾问41名。") == {("legal_advisers", 41, YEAR)}


def test_pdf_line_wraps_do_not_end_a_sentence():
    text = (
        "一、主要成效\n本年度全县共收到行政复议申请73件,依法受理66件,审结5\n"
        "9件,其中维持40件。\n二、存在问题\n"
    )
    got = extract_metrics(text, YEAR)
    assert {(f.key, f.value) for f in got} == {
        ("reconsideration_received", 73),
        ("reconsideration_accepted", 66),
        ("reconsideration_concluded", 59),
        ("reconsideration_upheld", 40),
    }
    assert all(text[f.start : f.end] == f.evidence for f in got)
    assert not any(f.evidence.startswith("一、") for f in got)


def test_all_of_them_passed_the_qualification_exam():
    assert facts("本年度新增行政执法人员214名,均通过行政执法资格考试。") == {
        ("enforcement_personnel_certified", 214, YEAR)
    }


def test_ge_counts_the_noun_before_it():
    assert facts("新设行政复议便民服务点28个,热线专席15个。") == set()
    assert facts("12345热线全年接听来电41.6万个。") == {("hotline_received", 416000, YEAR)}


def test_later_years_are_plans_except_a_stock_as_of_early_next_year():
    assert facts("2024年全县聘请法律顾问不少于30名。") == set()
    assert facts("截至2024年1月,全县共聘请法律顾问36名。") == {("legal_advisers", 36, YEAR + 1)}


def test_what_a_person_count_needs_may_stand_earlier_in_the_sentence():
    assert facts("举办行政执法人员专题培训班4期,培训人员380人次。") == {
        ("enforcement_personnel_trained", 380, YEAR)
    }


def test_section_heading_names_the_subject():
    text = (
        "一、主要成效\n(三)行政复议工作\n全年收到申请37件,受理35件。\n"
        "(四)12345热线\n全年受理诉求6.2万件,办结率98.9%。\n"
    )
    assert facts(text) == {
        ("reconsideration_received", 37, YEAR),
        ("reconsideration_accepted", 35, YEAR),
        ("hotline_received", 62000, YEAR),
        ("hotline_resolution_rate", 98.9, YEAR),
    }


def test_object_first_across_a_comma_and_with_the_verb_before():
    text = "对各乡镇人民政府,县直各部门报送备案的17件规范性文件进行了审查。"
    assert facts(text) == {("normative_docs_reviewed", 17, YEAR)}
    assert facts("对全县行政执法人员开展轮训,共培训650人次。") == {
        ("enforcement_personnel_trained", 650, YEAR)
    }


def test_done_according_to_plan_is_no_plan():
    assert facts("按计划完成行政执法人员培训920人次。") == {("enforcement_personnel_trained", 920, YEAR)}


def test_party_committee_documents_count_only_in_a_joint_report():
    text = "全年对市委文件进行合法性审查41件,对市政府文件进行合法性审查37件。"
    assert facts(text, issuer_kind="government") == {("normative_docs_reviewed", 37, YEAR)}
    assert facts(text, issuer_kind="party_government") == {
        ("normative_docs_reviewed", 41, YEAR),
        ("normative_docs_reviewed", 37, YEAR),
    }
