"""One case per general rule added while measuring on held-out reports (sentences written for these tests)."""

from __future__ import annotations

from parsing.metrics import extract_metrics
from parsing.metrics.numbers import iter_numbers

YEAR = 2022


def facts(text: str, year: int | None = YEAR, **kw: str) -> set[tuple[str, float, int | None]]:
    return {(f.key, f.value, f.period_year) for f in extract_metrics(text, year, **kw)}


# --- numbers -------------------------------------------------------------------------------------


def test_chinese_numeral_with_wan_inside():
    assert [(t.value, t.unit, t.more) for t in iter_numbers("印发手册三万五千余册")] == [(35000, "册", True)]


def test_one_person_is_a_count_but_idioms_stay_out():
    assert [(t.value, t.unit) for t in iter_numbers("聘请专职法律顾问一名,")] == [(1, "名")]
    assert iter_numbers("推行一件事一次办,一名一策") == []


# --- vocabulary ----------------------------------------------------------------------------------


def test_other_service_lines_are_not_the_12345_hotline():
    assert facts("12348法律服务热线解答群众咨询8,800人次,满意度99.1%。") == set()
    assert facts("12315热线接收消费投诉来电6,500个,办结率98%。") == set()
    assert facts("12345热线受理诉求8,800件,满意率99.1%。") == {
        ("hotline_received", 8800, YEAR),
        ("hotline_satisfaction_rate", 99.1, YEAR),
    }


def test_cases_carried_into_next_year_are_pending():
    got = facts("行政复议案件:收案40件,结案35件,结转下年5件。")
    assert ("reconsideration_pending", 5, YEAR) in got
    assert ("reconsideration_concluded", 35, YEAR) in got


def test_undecided_lawsuits_are_pending():
    assert ("litigation_pending", 3, YEAR) in facts("行政应诉案件11件,胜诉8件,3件未判决。")


def test_successfully_settled_disputes_with_verb_after_success():
    assert facts("全镇排查矛盾纠纷八十起,成功调处七十六起。") == {
        ("mediation_disputes", 80, YEAR),
        ("mediation_resolved", 76, YEAR),
    }


def test_stock_of_certified_staff_is_no_new_certification():
    assert facts("全局持证执法人员达到95名。") == set()
    assert facts("新增取得行政执法资格人员9名。") == {("enforcement_personnel_certified", 9, YEAR)}


def test_a_department_head_in_court_is_one_leader():
    assert facts("局主要负责人出庭应诉3次。") == set()


def test_departments_legal_advisers_are_not_the_governments():
    assert facts("县政府聘请法律顾问6名,县直各部门聘请法律顾问共31名。") == {("legal_advisers", 6, YEAR)}


def test_documents_found_wanting_are_not_reviews_or_filings():
    got = facts("对各乡镇报送的规范性文件全部进行备案审查,纠正问题文件4件。")
    assert got == set()


def test_quoted_campaign_name_is_no_exclusion_and_shouwfa_names_publicity():
    got = facts("(六)推进全民守法\n举办“学法守法用法”主题活动120场次,受众达5万人次。")
    assert got == {("publicity_events", 120, YEAR), ("publicity_participants", 50000, YEAR)}


# --- subjects and parts --------------------------------------------------------------------------


def test_some_areas_and_the_highest_are_parts_of_the_area():
    assert facts("部分县区行政复议纠错率偏高,个别地区超过25%。") == set()
    assert facts("部分县(市、区)纠错率偏高,最高的达到19.5%。") == set()


def test_sub_unit_opening_a_sentence_governs_all_its_figures():
    text = "12345热线受理诉求9万件。其中,城东街道受理诉求1.2万件,按时办结率100%。"
    assert facts(text) == {("hotline_received", 90000, YEAR)}


def test_department_own_level_beside_the_whole_area():
    text = "全省各级文旅部门共办理行政处罚案件1,260件;厅本级办理行政处罚案件17件。"
    assert facts(text, issuer_kind="department") == {("enforcement_penalty_cases", 17, YEAR)}


def test_later_part_of_the_same_figure_in_one_sentence():
    got = facts("组织240名执法人员参加执法资格考试,其中合格221人。")
    assert got == {("enforcement_personnel_certified", 240, YEAR)}
    got = facts("清理规范性文件310件,继续有效264件,废止46件。")
    assert got == {("normative_docs_cleaned", 310, YEAR)}


def test_body_as_respondent_after_qizhong_stays():
    got = facts("全县一审行政诉讼案件40件,其中以县政府为被告的案件6件。")
    assert got == {("litigation_cases", 40, YEAR), ("litigation_cases", 6, YEAR)}


# --- verbs and clauses ---------------------------------------------------------------------------


def test_verb_before_the_number_in_a_dui_clause():
    got = facts("对市政府拟出台的规范性文件进行合法性审核57件,报送规范性文件备案22件。")
    assert got == {("normative_docs_reviewed", 57, YEAR), ("normative_docs_filed", 22, YEAR)}


def test_all_of_them_reviewed_and_then_filed_in_the_next_clause():
    got = facts("区政府制定规范性文件8件,均经区司法局合法性审查,并报区人大常委会备案。")
    assert got == {("normative_docs_reviewed", 8, YEAR), ("normative_docs_filed", 8, YEAR)}
    got = facts("出台规范性文件5件,全部经合法性审核并在规定时限内报送备案。")
    assert got == {("normative_docs_reviewed", 5, YEAR), ("normative_docs_filed", 5, YEAR)}


def test_all_upheld():
    got = facts("以本局为被申请人的行政复议案件4件,经复议均维持。")
    assert got == {("reconsideration_received", 4, YEAR), ("reconsideration_upheld", 4, YEAR)}


def test_outcome_verb_after_the_count():
    got = facts("以本局为被告的行政诉讼案件5件,其中3件胜诉,2件尚在审理。")
    assert got == {
        ("litigation_cases", 5, YEAR),
        ("litigation_won", 3, YEAR),
        ("litigation_pending", 2, YEAR),
    }


def test_list_item_after_the_number_is_no_exclusion():
    got = facts("行政复议案件中维持20件、驳回5件、申请人撤回3件。")
    assert ("reconsideration_dismissed", 5, YEAR) in got


def test_bracketed_aside_after_the_number_is_no_exclusion():
    got = facts("受理行政复议申请30件(不予受理2件)。")
    assert got == {("reconsideration_accepted", 30, YEAR)}


def test_bracketed_breakdown_gives_figures():
    got = facts("受理行政复议案件15件(其中:维持10件,撤销2件)。")
    assert got == {
        ("reconsideration_accepted", 15, YEAR),
        ("reconsideration_upheld", 10, YEAR),
        ("reconsideration_revoked", 2, YEAR),
    }


# --- years ---------------------------------------------------------------------------------------


def test_a_list_of_years_gives_each_number_its_year():
    got = facts("2022年、2021年行政复议纠错率分别为9.8%、12.1%。")
    assert got == {
        ("reconsideration_correction_rate", 9.8, 2022),
        ("reconsideration_correction_rate", 12.1, 2021),
    }


def test_since_describing_the_objects_is_no_multi_year_total():
    got = facts("对2015年以来制发的120件规范性文件进行清理。")
    assert got == {("normative_docs_cleaned", 120, YEAR)}
    assert facts("2015年以来共清理规范性文件120件。") == set()


def test_comparison_year_named_before_a_bracket():
    got = facts("审核规范性文件18件,比2021年(12件)增加6件。")
    assert got == {("normative_docs_reviewed", 18, YEAR), ("normative_docs_reviewed", 12, 2021)}


# --- layout --------------------------------------------------------------------------------------


def test_wrapped_line_of_a_run_in_heading_paragraph():
    text = (
        "(五)依法化解社会矛盾。全市人民调解组织受理矛盾纠纷1.9万件,调解成功率为\n"
        "97.4%。全市信访总量同比下降5.4%。\n"
    )
    assert facts(text) == {("mediation_disputes", 19000, YEAR), ("mediation_success_rate", 97.4, YEAR)}


# --- rules from the third held-out batch ---------------------------------------------------------


def test_administrative_cases_alone_are_no_lawsuits():
    assert facts("全年共受理行政案件1,520起,查处违法行为人1,100人。") == set()
    assert facts("全市法院受理一审行政案件860件。") == {("litigation_cases", 860, YEAR)}


def test_exam_takers_are_not_trained():
    assert facts("组织行政执法人员公共法律知识培训考试,参考人员2,100人。") == set()


def test_campaign_period_totals_are_multi_year():
    assert facts("“七五”普法期间,全市累计开展法治宣传活动6,000余场次。") == set()


def test_verb_of_its_own_stops_the_subject_carrying_over():
    assert facts("对行政处罚案件全部实行法制审核,退回补充调查案件12起。") == set()


def test_sentence_opening_with_qizhong_breaks_down_the_one_before():
    text = "全年办理行政处罚案件900起;其中食品安全处罚案件210起。"
    assert facts(text) == {("enforcement_penalty_cases", 900, YEAR)}


def test_all_of_them_after_a_comparison_clause():
    got = facts("全年出台规范性文件10件,较上年的13件减少3件,全部经合法性审查。")
    assert got == {("normative_docs_reviewed", 10, YEAR), ("normative_docs_reviewed", 13, YEAR - 1)}


def test_part_of_the_area_with_a_bracketed_list():
    assert facts("部分辖市(区)直接纠错率超过20%。") == set()


# --- rules from the fourth held-out batch --------------------------------------------------------


def test_receiving_filings_is_no_filing():
    got = facts("办理规范性文件备案审查,接收报备规范性文件210件。")
    assert got == {("normative_docs_reviewed", 210, YEAR)}


def test_other_service_line_named_beside_the_word_hotline():
    assert facts("12348法网、热线平台融合运行,群众满意率达到99%以上。") == set()


def test_village_legal_adviser_coverage_is_not_the_governments():
    assert facts("全县村(社区)法律顾问覆盖率达100%。") == set()
    assert facts("全市乡镇(街道)法律顾问覆盖率100%。") == {("legal_adviser_coverage_rate", 100, YEAR)}


def test_own_level_paragraph_sentences_about_the_whole_area():
    text = (
        "局本级作出行政处罚决定25件。指导全市执法机构开展专项行动,全市共查办处罚案件400件。"
        "全市新增执法证件申领人员30名。"
    )
    assert facts(text, issuer_kind="department") == {("enforcement_penalty_cases", 25, YEAR)}


def test_consultations_given_are_no_events_but_a_list_naming_them_is():
    assert facts("开展“送法进企业”活动,提供法律咨询150余次。") == set()
    assert facts("开展普法讲座、法律咨询等活动60场。") == {("publicity_events", 60, YEAR)}


def test_single_case_upheld():
    got = facts("以本局为被申请人的行政复议案件1件,经审理维持。")
    assert got == {("reconsideration_received", 1, YEAR), ("reconsideration_upheld", 1, YEAR)}
    got = facts("行政复议案件9件,维持6件。")
    assert ("reconsideration_upheld", 9, YEAR) not in got


def test_verb_before_a_list_governs_its_items():
    got = facts("全年审查政府规章草案5件、规范性文件27件。")
    assert got == {("normative_docs_reviewed", 27, YEAR)}


def test_all_reviewed_by_an_office_and_filed_within_the_time_limit():
    got = facts("州政府制定规范性文件6件,均由法制办进行合法性审查,并在规定时间内报省政府备案。")
    assert got == {("normative_docs_reviewed", 6, YEAR), ("normative_docs_filed", 6, YEAR)}


def test_a_leader_leading_by_example_in_court_is_one_leader():
    assert facts("市政府主要负责人主持召开专题会议4次,带头出庭应诉1次。") == set()


def test_all_filed_after_a_comparison_clause():
    got = facts("审查区政府规范性文件11件,较上年减少3件,审查通过后全部按规定报送市政府备案。")
    assert got == {("normative_docs_reviewed", 11, YEAR), ("normative_docs_filed", 11, YEAR)}


def test_a_named_committee_after_qizhong_is_a_part_not_the_total():
    text = "全年化解各类矛盾纠纷480件,化解率达到99.1%。其中,东区人民调解委员会调处纠纷37件。"
    facts = {(m.key, m.value) for m in extract_metrics(text, 2023)}
    assert ("mediation_resolved", 480) in facts
    assert not any(key == "mediation_disputes" for key, _ in facts)


def test_an_area_wide_committee_figure_stays_the_total():
    facts = {(m.key, m.value) for m in extract_metrics("全县人民调解委员会调处纠纷300件。", 2023)}
    assert ("mediation_disputes", 300) in facts


def test_a_unit_of_the_reporting_township_is_not_the_township():
    text = "全年化解各类矛盾纠纷212件。其中,南湖街道综合行政执法大队调处纠纷25件。"
    facts = {(m.key, m.value) for m in extract_metrics(text, 2024, issuer="南湖街道办事处")}
    assert ("mediation_resolved", 212) in facts
    assert not any(key == "mediation_disputes" for key, _ in facts)


# --- held-out batch seven (m101-m112): general rules -----------------------------------------------


def test_one_case_after_an_outcome_verb_is_a_count():
    assert [(t.value, t.unit) for t in iter_numbers("维持两件、撤销一件")] == [(2, "件"), (1, "件")]
    assert iter_numbers("推动办成一件事") == []


def test_an_adverb_after_a_compared_count_is_no_counted_noun():
    assert facts("全年排查化解矛盾纠纷540件,较上年的602件明显减少。") == {
        ("mediation_disputes", 540, YEAR),
        ("mediation_disputes", 602, YEAR - 1),
    }


def test_generic_townships_after_a_preposition_are_no_named_sub_unit():
    assert facts("对乡镇报送的规范性文件进行备案审查15件。") == {("normative_docs_reviewed", 15, YEAR)}


def test_totals_since_a_publicity_plan_began_are_multi_year():
    assert facts("“七五”普法启动以来,全县累计举办法治讲座900余场。") == set()


def test_a_township_leader_in_court_is_one_leader():
    assert facts("街道主要领导出庭应诉1次。", issuer="东湖街道办事处") == set()


def test_mediators_as_the_subject_of_a_dispute_count():
    assert facts("全镇86名调解员共调处纠纷310件,调处成功305件。") == {
        ("mediation_disputes", 310, YEAR),
        ("mediation_resolved", 305, YEAR),
    }


def test_advisers_of_governments_and_their_departments_together():
    assert facts("全市各级政府及其部门聘请法律顾问860名。", issuer="某市人民政府") == {
        ("legal_advisers", 860, YEAR)
    }


def test_cases_registered_for_penalty_but_not_every_case_investigated():
    assert facts("执法中队全年立案处罚违法行为215起。") == {("enforcement_penalty_cases", 215, YEAR)}
    assert facts("全年立案查处违法案件41件。") == set()


def test_sitters_of_the_enforcement_qualification_examination():
    got = facts("组织行政执法资格考试3场,640人参加考试。")
    assert got == {("enforcement_personnel_certified", 640, YEAR)}
    assert facts("组织执法人员参加法律知识考试,640人参加考试。") == set()


def test_previous_year_named_inside_the_bracket():
    assert facts("新收行政复议申请320件(上年286件),审结301件。") == {
        ("reconsideration_received", 320, YEAR),
        ("reconsideration_received", 286, YEAR - 1),
        ("reconsideration_concluded", 301, YEAR),
    }
    assert facts("一审行政诉讼案件50件(较上年的41件增长22%)。") == {
        ("litigation_cases", 50, YEAR),
        ("litigation_cases", 41, YEAR - 1),
    }


def test_a_breakdown_in_brackets_of_the_same_figure_gives_parts():
    assert facts("县政府聘请法律顾问8名(其中律师5名、法学教授3名)。") == {("legal_advisers", 8, YEAR)}


def test_a_part_after_qizhong_takes_the_verb_of_its_total():
    assert facts("审核各类文件、合同和决策事项412件,其中规范性文件37件。") == {
        ("normative_docs_reviewed", 37, YEAR)
    }
    assert facts("审核文件412件,其中规范性文件37件。") == {("normative_docs_reviewed", 412, YEAR)}


def test_documents_issued_and_all_filed():
    assert facts("年内制定规范性文件4件,均及时报送市政府备案。") == {("normative_docs_filed", 4, YEAR)}
    assert facts("年内制定规范性文件4件。") == set()
    assert facts("制定的5件规范性文件全部经过合法性审核,并于30日内报县人大常委会备案。") == {
        ("normative_docs_reviewed", 5, YEAR),
        ("normative_docs_filed", 5, YEAR),
    }


def test_cases_decided_and_all_won():
    assert facts("以县政府为被告的案件9件,已审结6件,均胜诉。") == {
        ("litigation_cases", 9, YEAR),
        ("litigation_won", 6, YEAR),
    }


def test_the_government_itself_after_qizhong_is_its_own_figure():
    text = "全市各级复议机构收到复议申请1,200件。其中,市政府本级收到复议申请310件。"
    got = facts(text, issuer="某市人民政府")
    assert got == {("reconsideration_received", 1200, YEAR), ("reconsideration_received", 310, YEAR)}


def test_a_county_of_the_area_as_subject_is_a_part():
    assert facts("江北区受理行政复议案件56件。", issuer="重庆市人民政府") == set()
    assert facts("醴陵市受理行政复议案件56件。", issuer="醴陵市人民政府") == {
        ("reconsideration_accepted", 56, YEAR)
    }
    # an enumeration and the body's own area are no county's name
    assert facts("三是全年全市共收到行政复议申请82件。", issuer="某市人民政府") == {
        ("reconsideration_received", 82, YEAR)
    }


def test_a_larger_area_than_the_reporting_body_is_another_body():
    district = "某市某区人民政府"
    assert facts("据统计,全市行政机关负责人出庭应诉率为97%。", issuer=district) == set()
    assert facts("全区行政机关负责人出庭应诉率为100%。", issuer=district) == {
        ("leader_court_appearance_rate", 100, YEAR)
    }
    assert facts("全市行政机关负责人出庭应诉率为97%。", issuer="某市人民政府") == {
        ("leader_court_appearance_rate", 97, YEAR)
    }
    got = facts("全市法院审结以区政府为被告的案件45件。", issuer=district)
    assert got == {("litigation_cases", 45, YEAR)}


def test_a_count_of_committees_is_no_count_of_disputes():
    assert facts("全区14个街道调委会共调解纠纷2,300件。") == {("mediation_disputes", 2300, YEAR)}


# --- held-out batch eight (m113-m118) ------------------------------------------------------------


def test_drafts_of_regulations_are_no_documents_reviewed():
    text = "(二)规范性文件管理\n全年完成省政府规章草案审查9件。审核规范性文件38件。"
    assert facts(text) == {("normative_docs_reviewed", 38, YEAR)}


def test_filings_of_others_reviewed_are_reviews():
    assert facts("对市级政府报备的规范性文件审查备案216件,纠正问题文件11件。") == {
        ("normative_docs_reviewed", 216, YEAR)
    }
    assert facts("审查各乡镇报备的规范性文件31件。") == {("normative_docs_reviewed", 31, YEAR)}
    assert facts("对部门报送备案的规范性文件12件进行了审查。") == {("normative_docs_reviewed", 12, YEAR)}


def test_villages_and_townships_together_are_no_township_name():
    assert facts("依托乡村两级调解组织,全年共排查矛盾纠纷68起,调处成功66起。") == {
        ("mediation_disputes", 68, YEAR),
        ("mediation_resolved", 66, YEAR),
    }


def test_a_table_row_does_not_run_into_the_next_line():
    text = (
        "表1　2022年行政复议案件办理情况\n项目　收案数　受理数　审结数　纠错数\n"
        "数量（件）　168　152　141　17\n"
        "县政府作为被告的一审行政诉讼案件39件,败诉2件。"
    )
    assert facts(text) == {
        ("reconsideration_received", 168, YEAR),
        ("reconsideration_accepted", 152, YEAR),
        ("reconsideration_concluded", 141, YEAR),
        ("litigation_cases", 39, YEAR),
        ("litigation_lost", 2, YEAR),
    }


def test_a_table_row_with_folded_blanks_does_not_run_on_either():
    text = (
        "表1 2022年行政复议案件办理情况\n项目 收案数 受理数 审结数 纠错数\n数量(件) 168 152 141 17\n"
        "县政府作为被告的一审行政诉讼案件39件,败诉2件。"
    )
    assert ("litigation_cases", 39, YEAR) in facts(text)
    assert ("reconsideration_accepted", 39, YEAR) not in facts(text)


def test_a_place_as_subject_is_kept_when_the_issuer_is_unknown():
    assert facts("九江市受理行政复议案件56件。") == {("reconsideration_accepted", 56, YEAR)}


# --- held-out batch nine (m119-m124) -------------------------------------------------------------


def test_the_review_named_by_whom_before_all_were_filed():
    assert facts("年内制定规范性文件4件,经局法制科合法性审核后,全部报送市政府备案。") == {
        ("normative_docs_reviewed", 4, YEAR),
        ("normative_docs_filed", 4, YEAR),
    }


def test_one_case_already_won():
    assert facts("以本局为被告的行政诉讼案件1件,已胜诉。") == {
        ("litigation_cases", 1, YEAR),
        ("litigation_won", 1, YEAR),
    }
    assert ("litigation_won", 6, YEAR) not in facts("行政诉讼案件6件,已胜诉3件。")


def test_those_who_passed_are_a_part_of_the_sitters():
    got = facts("组织980名执法人员参加行政执法资格考试,考试合格860人。")
    assert got == {("enforcement_personnel_certified", 980, YEAR)}


def test_people_trained_as_legal_helpers_are_no_publicity_audience():
    assert facts("开展普法活动30场。各村“法律明白人”实现全覆盖,共培养215名。") == {
        ("publicity_events", 30, YEAR)
    }


# --- held-out batch ten (m125-m130) --------------------------------------------------------------


def test_a_department_own_level_clause_inside_an_area_sentence():
    text = "全市共办理政府信息公开申请1,086件,其中本级办理政府信息公开申请97件。"
    assert facts(text, issuer="某市人民政府办公室", issuer_kind="department") == {
        ("disclosure_requests", 97, YEAR)
    }


def test_the_whole_count_still_pending():
    assert facts("以本局为被告的行政诉讼案件1件,目前法院尚未判决。") == {
        ("litigation_cases", 1, YEAR),
        ("litigation_pending", 1, YEAR),
    }
    assert ("litigation_pending", 59, YEAR) not in facts("共收到行政起诉状59件,目前尚有四件未审结。")
    assert ("litigation_won", 6, YEAR) not in facts("行政诉讼案件6件,其中3件已胜诉。")


def test_a_count_carried_into_next_year():
    assert facts("以本局为被告的行政诉讼案件2件,1件胜诉,1件结转至下一年度。") == {
        ("litigation_cases", 2, YEAR),
        ("litigation_won", 1, YEAR),
        ("litigation_pending", 1, YEAR),
    }


def test_the_stock_of_certified_staff_without_a_verb():
    assert facts("全旗共有执法主体四十二个,持证执法人员一千二百余人。") == set()


def test_company_staff_reached_are_an_audience():
    assert facts("开展“法治进企业”普法活动168场,覆盖企业员工4.3万人次。") == {
        ("publicity_events", 168, YEAR),
        ("publicity_participants", 43000, YEAR),
    }


def test_regulations_are_no_normative_documents():
    got = facts("开展规章和规范性文件清理,共清理省政府规章112件、规范性文件1,583件。")
    assert got == {("normative_docs_cleaned", 1583, YEAR)}
    got = facts("审查规范性文件61件,向国务院报送备案规章8件、规范性文件47件。")
    assert got == {("normative_docs_reviewed", 61, YEAR), ("normative_docs_filed", 47, YEAR)}


# --- the imitation truth (generator phrasing the held-out sets had not used) ----------------------


def test_the_government_own_level_is_not_the_department_own_level():
    text = "市人民政府本级受理行政复议案件56件。全市346个人民调解组织共调解矛盾纠纷6,330件。"
    got = facts(text, issuer="某市司法局", issuer_kind="department")
    assert ("mediation_disputes", 6330, YEAR) in got


def test_a_statement_in_brackets_gives_its_own_figure():
    assert facts("市政府本级受理行政复议案件741件(收到申请930件),已审结739件。") == {
        ("reconsideration_accepted", 741, YEAR),
        ("reconsideration_received", 930, YEAR),
        ("reconsideration_concluded", 739, YEAR),
    }
    assert facts("收到行政复议申请52件(收到申请中有3件为邮寄)。") == {("reconsideration_received", 52, YEAR)}


def test_an_enumeration_before_the_whole_township_is_no_township_name():
    text = "三是全街道709个人民调解组织共排查调解矛盾纠纷229件,调解成功225件。"
    assert facts(text, issuer="新华街道办事处") == {
        ("mediation_disputes", 229, YEAR),
        ("mediation_resolved", 225, YEAR),
    }
    assert facts("四是我镇及所属单位共聘请法律顾问4名。", issuer="某镇人民政府") == {
        ("legal_advisers", 4, YEAR)
    }


def test_one_case_still_open():
    assert ("litigation_pending", 1, YEAR) in facts("共收到行政起诉状12件,目前尚有一件未审结。")


def test_a_brigade_after_qizhong_is_a_part():
    text = "全年化解各类矛盾纠纷5575件,化解率达到98.6%。其中,交通运输执法大队调处纠纷157件。"
    assert facts(text, issuer="某市司法局", issuer_kind="department") == {
        ("mediation_resolved", 5575, YEAR),
        ("mediation_success_rate", 98.6, YEAR),
    }


# --- held-out batch eleven (m131-m134) -----------------------------------------------------------


def test_a_list_item_is_judged_by_its_own_object():
    got = facts("聘请常年法律顾问2名,全年审查合同协议38份、规范性文件5件。")
    assert got == {("legal_advisers", 2, YEAR), ("normative_docs_reviewed", 5, YEAR)}


def test_a_single_case_decided_and_won_after_a_clause():
    assert facts("镇政府作为被告的行政诉讼案件1件,已审结,镇政府胜诉。") == {
        ("litigation_cases", 1, YEAR),
        ("litigation_won", 1, YEAR),
    }
    assert ("litigation_won", 20, YEAR) not in facts("行政诉讼案件20件,审结18件,胜诉15件。")


def test_a_city_of_the_province_as_subject_of_a_rate():
    got = facts("哈尔滨市负责人出庭应诉率达到81%。", issuer="黑龙江省人民政府")
    assert got == set()
    assert facts("通过县政府门户网站主动公开政府信息217条。", issuer="某县人民政府") == {
        ("info_disclosed_proactively", 217, YEAR)
    }


def test_the_government_own_level_inside_the_sentence_is_its_figure_a_bureau_level_a_part():
    text = "全市共办理政府信息公开申请1,086件,其中市政府办公室本级办理政府信息公开申请97件。"
    assert facts(text, issuer="某市人民政府办公室", issuer_kind="government") == {
        ("disclosure_requests", 1086, YEAR),
        ("disclosure_requests", 97, YEAR),
    }
    text = "组织执法人员业务轮训3期,共培训执法人员410人次,其中局本级执法人员95人次。"
    assert facts(text, issuer="某市应急管理局", issuer_kind="department") == {
        ("enforcement_personnel_trained", 410, YEAR)
    }


# --- held-out batch twelve (m135-m139) -----------------------------------------------------------


def test_our_bureau_handling_the_governments_cases_is_no_own_level_contrast():
    text = (
        "市政府行政复议案件由我局承办,全年收到行政复议申请104件。"
        "全市行政机关应诉案件56件,负责人出庭应诉率100%。"
    )
    got = facts(text, issuer="某市司法局", issuer_kind="department")
    assert ("litigation_cases", 56, YEAR) in got
    assert ("leader_court_appearance_rate", 100, YEAR) in got


def test_the_townships_units_together_are_a_part_of_a_district():
    text = "全区作出行政处罚决定8.1万件。街道(地区)综合执法队实施处罚2.3万件。"
    assert facts(text, issuer="某区人民政府") == {("enforcement_penalty_cases", 81000, YEAR)}
    assert facts("街道综合执法队全年立案处罚1,126起。", issuer="某街道办事处") == {
        ("enforcement_penalty_cases", 1126, YEAR)
    }


def test_a_team_composed_of_counted_kinds_prints_no_total():
    assert facts("市政府法律顾问团由9名律师和5名高校专家组成。") == set()
    assert facts("市政府法律顾问团由15名专家学者和执业律师组成。") == {("legal_advisers", 15, YEAR)}


# --- held-out batch fourteen (m144-m145) ---------------------------------------------------------


def test_an_item_of_a_respectively_list_is_judged_by_its_own_words():
    text = "行政复议案件收到、受理分别为238件、219件,综合纠错率、调解和解率分别为10.7%、27.4%。"
    assert facts(text) == {
        ("reconsideration_received", 238, YEAR),
        ("reconsideration_accepted", 219, YEAR),
        ("reconsideration_correction_rate", 10.7, YEAR),
    }
