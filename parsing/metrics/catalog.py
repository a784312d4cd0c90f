"""Which words make a number one of the catalog's metrics (spec/metrics.yaml).

Each rule names a key, the units a number needs to carry to be that key, and cue words:
  cue      the verb or noun that says what is counted; the cue nearest to the number wins
  domain   the subject the sentence is about (行政复议, 12345 热线, …); it may stand clauses before
           the number ("收到行政复议申请11件,受理10件,审结9件": the subject carries over)
  needs    words the number's own phrase must contain (e.g. 执法人员 for trained persons)
  exclude  words that make the phrase a different count (知识测试 is not training)
  around   also look for the cue in the noun phrase after the number ("1000余名执法人员参加培训")
Rules are tried together; order only breaks ties between cues at the same distance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CASES = frozenset({"件", "宗", "起", "例", "个", "件次"})
PERCENT = frozenset({"%"})
PERSONS = frozenset({"人", "名", "人次", "位"})


@dataclass(frozen=True)
class Rule:
    key: str
    unit: str  # the normalised unit of the catalog
    units: frozenset[str]  # units as printed that can carry this key
    cue: re.Pattern[str]
    domain: re.Pattern[str] | None = None
    needs: re.Pattern[str] | None = None
    exclude: re.Pattern[str] | None = None
    around: bool = False
    weak: bool = False  # a bare subject noun, used only when no verb cue is found
    near: int | None = None  # the cue must end at most this many characters before the number


def _re(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


def rule(
    key: str,
    unit: str,
    units: frozenset[str],
    cue: str,
    *,
    domain: str | None = None,
    needs: str | None = None,
    exclude: str | None = None,
    around: bool = False,
    weak: bool = False,
    near: int | None = None,
) -> Rule:
    return Rule(key, unit, units, re.compile(cue), _re(domain), _re(needs), _re(exclude), around, weak, near)


# Subjects a sentence can be about. Kept as plain alternations: they are searched once per sentence.
RECONSIDERATION = r"复议"
# 行政案件 alone is also a police or market regulator's own case load ("受理行政案件4,862起").
LITIGATION = r"诉讼|应诉|被告|起诉|(?:一审|二审|法院[\u4e00-\u9fff]{0,6}?)行政案件"
MEDIATION = r"纠纷|矛盾|人民调解|调解组织"
# Other service lines (12348 法律服务, 12315 消费者, 12369 …) are not the 12345 hotline.
HOTLINE = r"12345|(?<![\d])(?<!法律服务)热线(?!日)|接诉即办"
NORMATIVE = r"规范性文件|文件"
_SIX_INTO = r"法律[六七八]?进|[六七八]进|送法"  # 法律进乡村/社区/学校…: the 普法 campaign
PUBLICITY = (
    r"普法|法治宣传|法制宣传|宣讲|送法|法治讲座|法律讲座|宪法|宣传活动|宣传日|宣传月|法治文化"
    r"|以案释法|尊法|全民守法|法治教育|" + _SIX_INTO
)

# Consultations given ("提供法律咨询200余次") are no 普法 events; a list naming them is ("讲座、咨询等活动").
_CONSULTING = r"(?:提供|接受|解答)[^,，、]{0,8}咨询|咨询服务"
_PENDING = (
    r"未审结|未办结|未结案|未结|尚在审理|正在审理|审理中|在审|待审"
    r"|结转(?:至|到)?下(?:一)?年|转入下(?:一)?年"  # carried into next year: still pending
    r"|未判决|尚未判决|未宣判|尚未宣判"
)
_OUTCOME_LIST = r"撤回|纠错|等"
# "纠正问题文件5件": the documents found wanting, not those reviewed, filed or cleaned.
_FOUND_WANTING = r"纠正|问题|退回"
_ONE_LEADER = (
    r"[省市县区州旗镇乡]长|局长|书记|主任|厅长|本人|亲自|带头"  # 带头出庭: one leader leading by example
    r"|(?:[省市县区州旗镇乡局厅委办]|政府|街道|办事处)主要(?:负责人|领导)"
)

RULES: tuple[Rule, ...] = (
    # 行政复议
    rule("reconsideration_correction_rate", "%", PERCENT, r"纠错率", domain=RECONSIDERATION),
    rule("reconsideration_fulfillment_rate", "%", PERCENT, r"履行率", domain=RECONSIDERATION),
    rule("reconsideration_pending", "件", CASES, _PENDING, domain=RECONSIDERATION),
    rule(
        "reconsideration_concluded",
        "件",
        CASES,
        r"审结|办结|结案|已结|作出(?:行政)?(?:复议)?决定",
        domain=RECONSIDERATION,
        exclude=_PENDING + r"|调解|和解|纠错",
    ),
    # Outcomes name the decision right before the count ("撤销原具体行政行为5件"); a list ending in
    # 等 counts all corrections together, not one outcome.
    rule(
        "reconsideration_revoked",
        "件",
        CASES,
        r"撤销",
        domain=RECONSIDERATION,
        exclude=_OUTCOME_LIST,
        near=10,
    ),
    rule(
        "reconsideration_upheld", "件", CASES, r"维持", domain=RECONSIDERATION, exclude=_OUTCOME_LIST, near=10
    ),
    rule(
        "reconsideration_confirmed_illegal",
        "件",
        CASES,
        r"确认(?:.{0,6})违法",
        domain=RECONSIDERATION,
        exclude=_OUTCOME_LIST,
        near=10,
    ),
    rule(
        "reconsideration_dismissed",
        "件",
        CASES,
        r"驳回",
        domain=RECONSIDERATION,
        exclude=_OUTCOME_LIST,
        near=10,
    ),
    rule(
        "reconsideration_accepted",
        "件",
        CASES,
        r"受理|办理|立案",
        domain=RECONSIDERATION,
        exclude=r"不予受理|不受理|未受理|" + _PENDING,
    ),
    rule(
        "reconsideration_received",
        "件",
        CASES,
        r"收到|新收|接收|收案|接到",
        domain=RECONSIDERATION,
        exclude=r"撤回|终止|调解|和解|不予",
    ),
    rule(
        "reconsideration_received",
        "件",
        CASES,
        r"申请|复议案件|复议",
        domain=RECONSIDERATION,
        # "被复议纠错3件" counts decisions corrected, not applications
        exclude=r"撤回|终止|调解|和解|不予|驳回|维持|撤销|确认|纠错|纠正",
        weak=True,
    ),
    # 行政诉讼 / 应诉
    rule("leader_court_appearance_rate", "%", PERCENT, r"出庭(?:应诉)?(?:率|比例)"),
    rule(
        "leader_court_appearances",
        "次",
        frozenset({"次", "人次", "场", "场次"}),
        r"出庭",
        exclude=_ONE_LEADER + r"|旁听",
    ),
    # "负责人出庭应诉案件45件": cases with an appearance, counted as appearances.
    rule(
        "leader_court_appearances",
        "次",
        CASES,
        r"出庭",
        needs=r"负责人|首长",
        exclude=_ONE_LEADER + r"|旁听|率|比例",
    ),
    rule("litigation_loss_rate", "%", PERCENT, r"败诉率"),
    rule("litigation_lost", "件", CASES, r"败诉", exclude=r"败诉率"),
    rule("litigation_won", "件", CASES, r"胜诉", exclude=r"胜诉率"),
    rule("litigation_pending", "件", CASES, _PENDING, domain=LITIGATION),
    rule(
        "litigation_cases",
        "件",
        CASES,
        r"被告|被诉|起诉|收案|新收|受理|应诉",
        domain=LITIGATION,
        exclude=r"刑事|民事|调解|撤诉|复议|出庭|" + _PENDING,
    ),
    rule(
        "litigation_cases",
        "件",
        CASES,
        r"诉讼|行政案件|案件",
        domain=LITIGATION,
        exclude=r"刑事|民事|调解|撤诉|复议|审结|结案|办结|判决|出庭|" + _PENDING,
        weak=True,
    ),
    # 规范性文件与合法性审查
    rule(
        "normative_docs_cleaned",
        "件",
        CASES | {"份", "部", "篇"},
        r"清理",
        domain=NORMATIVE,
        exclude=_FOUND_WANTING,
    ),
    rule(
        "normative_docs_reviewed",
        "件",
        CASES | {"份", "部", "篇"},
        r"审查|审核",
        domain=NORMATIVE,
        # the review of draft regulations and laws is 立法 work, not a document review
        exclude=r"合同|协议|决策事项|行政行为|执法决定|重大行政决策|公平竞争|意见|建议|(?:规章|法规)草案的?(?:审查|审核)"
        + r"|"
        + _FOUND_WANTING,
    ),
    rule(
        "normative_docs_filed",
        "件",
        CASES | {"份", "部", "篇"},
        r"备案|报备",
        domain=NORMATIVE,
        # "接收报备规范性文件583件", "审查部门报备的文件31件", "备案审查22件": documents others
        # filed with the body, which it reviews
        exclude=_FOUND_WANTING
        + r"|接收|收到|备案审查|审查备案|备案审核|审核备案|(?:审查|审核)[^,，;；。]{0,16}(?:报备|备案)的",
    ),
    # 政务公开
    rule(
        "info_disclosed_proactively",
        "条",
        frozenset({"条", "件", "个", "篇"}),
        r"主动公开|(?:发布|公开)(?:各类|各项)?(?:政府|政务)信息|网站\S{0,4}?(?:发布|公开)(?:各类|各项)?信息",
        exclude=r"微信|微博|公众号|新媒体|头条|抖音|重点领域|七公示|双公示|信用|解读|申请",
    ),
    rule(
        "disclosure_requests",
        "件",
        frozenset({"件", "个", "人次", "条", "份", "宗"}),
        r"依申请公开|申请公开|公开申请",
    ),
    # 人民调解 / 矛盾纠纷化解
    rule(
        "mediation_success_rate",
        "%",
        PERCENT,
        r"调解成功率|化解成功率|调处成功率|成功率|化解率",
        domain=MEDIATION,
    ),
    rule(
        "mediation_resolved",
        "件",
        CASES,
        r"调解成功|成功调解|调处成功|成功调处|化解成功|成功化解|(?<!排查)(?<!调处)化解|调成|达成(?:调解)?协议",
        domain=MEDIATION,
        exclude=r"刑事|上访|信访",
    ),
    rule(
        "mediation_disputes",
        "件",
        CASES,
        r"调解|调处|排查|摸排|受理",
        domain=MEDIATION,
        # "培训调解员…" is no dispute count; "1,200名调解员调解纠纷5,671件" is; complaints and reports
        # received ("受理消费投诉举报8,650件") are no disputes unless the clause calls them so
        exclude=r"刑事|上访|信访|成功|调解员(?![共全]?[\u4e00-\u9fff]{0,2}?(?:调解|调处|化解|排查))"
        r"|(?<!纠纷)(?:投诉|举报)(?![^,，;；。]{0,10}纠纷)",
    ),
    # 信访
    rule(
        "petitions_total",
        "件次",
        frozenset({"件次", "件", "批次", "人次", "批", "宗"}),
        r"信访总量|信访量|信访(?:事项|案件|件)|来信来访|群众来访|受理信访",
        exclude=r"包案",
    ),
    # 12345 热线
    rule("hotline_satisfaction_rate", "%", PERCENT, r"满意率|满意度", domain=HOTLINE),
    rule("hotline_resolution_rate", "%", PERCENT, r"办结率|办理率|结办率|按时办结率", domain=HOTLINE),
    rule("hotline_resolved", "件", CASES | {"条", "单"}, r"办结|办理完成|办理完毕|办复|解决", domain=HOTLINE),
    rule(
        "hotline_received",
        "件",
        CASES | {"条", "单", "次", "通"},
        r"受理|接听|接收|收到|接到|诉求|工单|来电|话务|热线|接件|来件|受理量|转办",
        domain=HOTLINE,
    ),
    # 行政执法
    rule(
        "enforcement_personnel_trained",
        "人",
        PERSONS,
        r"培训|轮训|集训|训练|参训",
        needs=r"执法",
        exclude=r"知识测试|知识考试|测试|竞赛|考法|学法考试|学法用法考试|申领|资格考试|参考|考试",
        around=True,
    ),
    rule(
        "enforcement_personnel_certified",
        "人",
        PERSONS,
        r"执法证|执法资格|资格考试|执法证件|持证|申领|换领|换发|考试合格|通过考试",
        needs=r"执法",
        # "持证执法人员达到186名" is the stock of certified staff, not this year's new certificates
        exclude=r"知识测试|知识考试|测试|竞赛|考法|学法|共有|现有|总数|持证率|持证比例"
        r"|(?<!新增)持证[\u4e00-\u9fff]{0,4}人员(?:总数)?(?:达到|达|共|共计|为|仅|有|只有)"
        # a clause that is nothing but the stock: ",持证执法人员一千二百余人"
        r"|^\s*持证[\u4e00-\u9fff]{0,4}人员(?:总数)?\|",
        around=True,
    ),
    # "组织执法资格考试2次,1,076人参加考试": the sitters of that examination
    rule(
        "enforcement_personnel_certified",
        "人",
        PERSONS,
        r"参加考试|参考(?!率)",
        needs=r"资格考试|执法资格",
        exclude=r"知识测试|知识考试|测试|竞赛|考法|学法",
        around=True,
    ),
    rule(
        "enforcement_personnel_certified",
        "人",
        frozenset({"个", "张", "本"}),
        r"执法证",
        around=True,
        exclude=r"知识测试|知识考试|测试|竞赛|考法|学法",
    ),
    rule(
        "enforcement_penalty_cases",
        "件",
        CASES,
        # 立案处罚: a 执法队's penalty cases (立案查处 alone is the wider case load, not penalties)
        r"行政处罚|处罚案件|作出处罚|实施处罚|处罚决定|立案处罚",
        exclude=r"不予处罚|免罚|轻微",
    ),
    rule(
        "enforcement_complaints",
        "件",
        CASES,
        r"投诉",
        needs=r"执法",
        # "通过12345热线受理行政执法投诉12件": the channel, the complaints still about enforcement
        exclude=r"(?:服务|窗口|热线|12345|营商|消费)(?![^,，;；。]{0,24}执法投诉)",
    ),
    # 法律顾问
    rule(
        "legal_advisers",
        "名",
        frozenset({"名", "人", "位"}),
        r"法律顾问",
        around=True,
        # the government's own advisers; those of its departments or villages are counted apart
        # (政府及其部门, 各级政府和部门: all of them together)
        exclude=r"村|社区|居委|律师事务所|(?<!及其)(?<!政府和)(?<!政府及)部门",
    ),
    rule(
        "legal_adviser_coverage_rate",
        "%",
        PERCENT,
        r"覆盖",
        needs=r"法律顾问",
        around=True,
        exclude=r"村|社区|居委",  # village advisers are the 普法/公共法律服务 network, not the government's
    ),
    # 普法
    rule(
        "publicity_events",
        "场",
        frozenset({"场", "场次"}),
        r"宣讲|宣传|讲座|普法|送法|活动|授课|法治课",
        domain=PUBLICITY,
        exclude=_CONSULTING + r"|培训|学法|学习|会议|考试|讲堂|常务会|庭审",
    ),
    rule(
        "publicity_events",
        "场",
        frozenset({"次", "期"}),
        r"(?:普法|法治宣传|法制宣传|宣讲|" + _SIX_INTO + r")\S{0,8}?活动|普法宣传|法治宣传|送法",
        domain=PUBLICITY,
        exclude=_CONSULTING + r"|培训|学法|学习|会议|考试|讲堂|常务会|庭审|讲座",
    ),
    rule(
        "publicity_participants",
        "人",
        PERSONS,
        r"参加|参与|覆盖|受众|受益|惠及|听众|群众|人数|观看|参学|受教育|现场",
        domain=PUBLICITY,
        exclude=r"干部|执法人员|公务员|领导|宣讲员|明白人|志愿者|律师|调解员|工作人员|考试|参考|测试|咨询|培养",
    ),
    rule(
        "publicity_materials",
        "份",
        frozenset({"份", "册", "本", "张", "件"}),
        r"发放|派发|分发|赠送|发送|散发|印发|印制|发出",
        needs=r"资料|册|宣传品|材料|读本|宣传单|传单|折页|宣传页|法律书籍|书籍|法治|普法|宣传",
        around=True,
        exclude=r"海报|横幅|标语",
    ),
)

KEYS: frozenset[str] = frozenset(r.key for r in RULES)
