"""The metric catalog (keys of spec/metrics.yaml with their Chinese labels and units), shipped with the
package because ../shared is not there at run time. Keep in step with spec/metrics.yaml
(tests/test_warehouse_views.py compares them when the spec is present)."""

from __future__ import annotations

# key -> (topic, Chinese label, unit)
METRIC_LABELS: dict[str, tuple[str, str, str]] = {
    "reconsideration_received": ("reconsideration", "收到/新收行政复议申请", "件"),
    "reconsideration_accepted": ("reconsideration", "受理行政复议案件", "件"),
    "reconsideration_concluded": ("reconsideration", "审结/办结行政复议案件", "件"),
    "reconsideration_pending": ("reconsideration", "未审结/在审行政复议案件", "件"),
    "reconsideration_revoked": ("reconsideration", "撤销(原具体行政行为)", "件"),
    "reconsideration_upheld": ("reconsideration", "维持", "件"),
    "reconsideration_confirmed_illegal": ("reconsideration", "确认违法", "件"),
    "reconsideration_dismissed": ("reconsideration", "驳回", "件"),
    "reconsideration_correction_rate": ("reconsideration", "行政复议纠错率", "%"),
    "reconsideration_fulfillment_rate": ("reconsideration", "行政复议决定履行率", "%"),
    "litigation_cases": ("litigation", "行政诉讼(应诉)案件数/收到行政起诉状", "件"),
    "litigation_won": ("litigation", "胜诉", "件"),
    "litigation_lost": ("litigation", "败诉", "件"),
    "litigation_pending": ("litigation", "未审结行政诉讼案件", "件"),
    "litigation_loss_rate": ("litigation", "行政诉讼败诉率", "%"),
    "leader_court_appearance_rate": ("litigation", "行政机关负责人出庭应诉率", "%"),
    "leader_court_appearances": ("litigation", "行政机关负责人出庭应诉次数", "次"),
    "normative_docs_filed": ("normative_documents", "规范性文件报送备案", "件"),
    "normative_docs_reviewed": ("normative_documents", "规范性文件/政府文件合法性审查、备案审查", "件"),
    "normative_docs_cleaned": ("normative_documents", "规范性文件清理", "件"),
    "info_disclosed_proactively": ("disclosure", "主动公开政府信息", "条"),
    "disclosure_requests": ("disclosure", "依申请公开政府信息申请", "件"),
    "mediation_disputes": ("mediation", "调解/排查矛盾纠纷", "件"),
    "mediation_resolved": ("mediation", "调解成功/化解纠纷", "件"),
    "mediation_success_rate": ("mediation", "调解成功率/化解率", "%"),
    "petitions_total": ("petitions", "信访总量", "件次"),
    "hotline_received": ("hotline", "热线受理诉求", "件"),
    "hotline_resolved": ("hotline", "热线办结", "件"),
    "hotline_resolution_rate": ("hotline", "热线办结率", "%"),
    "hotline_satisfaction_rate": ("hotline", "热线满意率", "%"),
    "enforcement_personnel_trained": ("enforcement", "培训行政执法人员", "人"),
    "enforcement_personnel_certified": ("enforcement", "新申领执法证/参加执法资格考试人员", "人"),
    "enforcement_penalty_cases": ("enforcement", "行政处罚案件", "件"),
    "enforcement_complaints": ("enforcement", "行政执法投诉", "件"),
    "legal_advisers": ("legal_advisers", "政府法律顾问人数", "名"),
    "legal_adviser_coverage_rate": ("legal_advisers", "法律顾问覆盖率", "%"),
    "publicity_events": ("publicity", "普法宣传/宣讲活动场次", "场"),
    "publicity_participants": ("publicity", "普法活动参加人数", "人"),
    "publicity_materials": ("publicity", "发放宣传资料", "份"),
}
