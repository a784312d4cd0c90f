"""A whole report written for this test, annotated by hand per gold_format.md's conventions.

Besides the catalog figures it carries the usual distractors: meetings, study sessions, 网上可办率,
contracts reviewed by advisers, a knowledge test, a sector's penalty cases, a single leader's court
appearance, a petition subset, legal aid, new-media posts, legal consultations, a multi-year total,
growth rates, percentage-point changes and a next-year plan.
"""

from __future__ import annotations

from parsing.metrics import extract_metrics

REPORT = """\
某某县人民政府关于2023年度法治政府建设情况的报告
县人大常委会:
2023年,在县委的坚强领导下,我县深入学习贯彻习近平法治思想,全面落实《法治政府建设实施纲要(2021-2025年)》,现将有关情况报告如下。
一、2023年度推进法治政府建设的主要举措和成效
(一)坚持党的领导,压实法治建设责任
县政府召开常务会议23次,专题研究法治政府建设工作4次,组织县政府常务会议会前学法12次。举办领导干部法治专题讲座3期,参训干部560人次。
(二)依法全面履行政府职能
深化“放管服”改革,全县政务服务事项1,326项实现“一网通办”,网上可办率达98.6%。12345政务服务便民热线全年受理群众诉求6.3万件,办结6.28万件,按时办结率99.3%,群众满意率97.8%。新增市场主体5,412户。
(三)健全依法决策机制
严格落实重大行政决策程序,全年作出重大行政决策7项。县政府法律顾问全年审查合同协议146份,出具法律意见书58份。县本级聘请政府法律顾问9名,全县政府法律顾问覆盖率达100%。全年审核县政府规范性文件11件,全部按时报县人大常委会备案;对部门报送备案的规范性文件16件进行了审查。开展规范性文件专项清理,清理规范性文件87件,废止9件。
(四)严格规范公正文明执法
组织全县行政执法人员开展专题培训6期,培训执法人员1,450人次。新增行政执法证件持证人员112名。组织行政执法人员公共法律知识考试,参考人员1,380人,合格率99.2%。全县行政执法部门共办理行政处罚案件2,876件,同比增长8.5%,其中县市场监督管理局办理行政处罚案件640件。受理行政执法投诉举报18件,均已办结。
(五)化解社会矛盾纠纷
全年县政府收到行政复议申请94件,受理86件,审结80件,其中维持52件、撤销7件、确认违法3件、驳回申请9件,直接纠错率12.5%,行政复议决定履行率100%;尚未审结6件,收案数较上年的71件增长32.4%。全县发生一审行政诉讼案件58件,其中以县政府为被告的案件11件;审结49件,败诉3件,败诉率6.1%,较上年下降2.4个百分点。全县行政机关负责人出庭应诉率达到100%,出庭应诉87人次,县长出庭应诉1次。
全县各级人民调解组织共排查调处矛盾纠纷3,256件,调解成功3,198件,调解成功率98.2%,涉及金额4,560万元。全县信访总量1,208件次,同比下降11.3%。县领导包案化解信访积案14件。全县法律援助中心办理法律援助案件412件。
(六)推进政务公开
全年主动公开政府信息8,126条,其中重点领域信息2,035条;收到政府信息公开申请37件,均按期答复。政务微信公众号发布信息1,100条。
(七)加强普法宣传
深入实施“八五”普法规划,开展“宪法宣传周”等普法宣传活动320余场次,受教育群众12万余人次,发放普法宣传资料4.6万份,接受群众法律咨询2,300人次。组织法治文艺演出15场。近三年累计开展送法下乡活动900场次。
二、存在的不足和原因
一是部分行政执法人员能力不足。二是基层法治力量薄弱,全县14个乡镇中有5个司法所仅有1名工作人员。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县政府主要负责人主持召开专题会议5次,研究解决法治建设重大问题11个。
四、2024年推进法治政府建设的主要安排
计划培训行政执法人员1,600人次。开展普法宣传活动350场次。力争行政机关负责人出庭应诉率保持100%。
某某县人民政府
2024年3月20日
"""

EXPECTED = {
    ("hotline_received", 63000, 2023),
    ("hotline_resolved", 62800, 2023),
    ("hotline_resolution_rate", 99.3, 2023),
    ("hotline_satisfaction_rate", 97.8, 2023),
    ("legal_advisers", 9, 2023),
    ("legal_adviser_coverage_rate", 100, 2023),
    ("normative_docs_reviewed", 11, 2023),
    ("normative_docs_filed", 11, 2023),
    ("normative_docs_reviewed", 16, 2023),
    ("normative_docs_cleaned", 87, 2023),
    ("enforcement_personnel_trained", 1450, 2023),
    ("enforcement_personnel_certified", 112, 2023),
    ("enforcement_penalty_cases", 2876, 2023),
    ("enforcement_complaints", 18, 2023),
    ("reconsideration_received", 94, 2023),
    ("reconsideration_accepted", 86, 2023),
    ("reconsideration_concluded", 80, 2023),
    ("reconsideration_upheld", 52, 2023),
    ("reconsideration_revoked", 7, 2023),
    ("reconsideration_confirmed_illegal", 3, 2023),
    ("reconsideration_dismissed", 9, 2023),
    ("reconsideration_correction_rate", 12.5, 2023),
    ("reconsideration_fulfillment_rate", 100, 2023),
    ("reconsideration_pending", 6, 2023),
    ("reconsideration_received", 71, 2022),
    ("litigation_cases", 58, 2023),
    ("litigation_cases", 11, 2023),
    ("litigation_lost", 3, 2023),
    ("litigation_loss_rate", 6.1, 2023),
    ("leader_court_appearance_rate", 100, 2023),
    ("leader_court_appearances", 87, 2023),
    ("mediation_disputes", 3256, 2023),
    ("mediation_resolved", 3198, 2023),
    ("mediation_success_rate", 98.2, 2023),
    ("petitions_total", 1208, 2023),
    ("info_disclosed_proactively", 8126, 2023),
    ("disclosure_requests", 37, 2023),
    ("publicity_events", 320, 2023),
    ("publicity_participants", 120000, 2023),
    ("publicity_materials", 46000, 2023),
}


def test_every_catalog_figure_and_nothing_else():
    got = extract_metrics(REPORT, 2023, issuer="某某县人民政府", issuer_kind="government")
    assert {(f.key, f.value, f.period_year) for f in got} == EXPECTED
    assert len(got) == len(EXPECTED)
    for f in got:
        assert REPORT[f.start : f.end] == f.evidence


def test_qualifiers_and_units_in_the_report():
    got = {(f.key, f.value): f for f in extract_metrics(REPORT, 2023)}
    assert got[("publicity_events", 320)].qualifier == "more_than"
    assert got[("publicity_events", 320)].unit == "场"
    assert got[("publicity_participants", 120000)].unit == "人"
    assert got[("leader_court_appearances", 87)].unit == "次"
    assert got[("reconsideration_received", 94)].qualifier == "exact"
