"""Words around a number that decide whether it is a figure of the reporting year at all.

Each pattern answers one question about the text before a number (its clause, its sentence);
the conventions they implement are those of spec/gold_format.md.
"""

from __future__ import annotations

import re

# Changes, not levels: 同比下降2.1个百分点, 增长20%, 比上年增加5件.
GROWTH_TAIL = re.compile(
    r"(?<!新)(?:增加|减少|增长|下降|上升|提高|降低|提升|回落|增|减|多|少)了?(?:约|近|达|超过)?$"
)
COMPARISON_CLAUSE = re.compile(r"\s*(?:较|比|同比|环比|与上年相比|相比)")
COMPARISON = re.compile(r"同比|环比|较|相比|比(?:上|去|前|\d)|与.{0,8}相比")
GROWTH_WORDS = re.compile(r"增幅|降幅|增长率|下降率|增速|百分点")
# A figure for comparison: "较上年的38件", "上年同期为38件", "同比(38件)".
PREVIOUS_YEAR_TAIL = re.compile(
    r"(?:上年|去年|上一年度?|上年度|前一年|上年同期|去年同期|同期)(?:同期)?(?:的|为|是)?$"
)
# "（上年1,608件）", "（较上年的62件增长19.4%）": the aside opens with the previous year.
PREVIOUS_YEAR_INSIDE = re.compile(
    r"\s*(?:较|比|同比)?\s*(?:上年|去年|上一年度?|上年度|上年同期|去年同期)(?:同期)?\s*(?:的|为|是|[:：])?\s*$"
)
# "（2023年为732件）": the aside names the earlier year its figure belongs to.
YEAR_INSIDE = re.compile(r"\s*(?:19|20)\d{2}\s*年度?(?:同期)?\s*(?:为|是|[:：])\s*$")
PREVIOUS_YEAR_ASIDE = re.compile(
    r"(?:(?:同比|上年|去年|同期|较|比)|(?:较|比|同比)\s*(?:19|20)\d{2}\s*年(?:同期)?)[(（]?$"
)
# A year named as the point of comparison ("较2022年增加") is not the period of later figures.
COMPARED_YEAR_BEFORE = re.compile(r"(?:较|比|与|同比|相比|对比|相较)\s*$")
# Totals over several years: 近三年累计, 2021年至2023年共, 五年来, 党的十八大以来.
MULTI_YEAR = re.compile(
    r"近[两二三四五六七八九十]年|[两二三四五六七八九十]年(?:来|间|以来|累计)"
    r"|(?:19|20)\d{2}\s*年?\s*(?:至|到|—|－|-|~)\s*(?:19|20)\d{2}"
    r"|历年|十[一二三四五]五[\u201d\u2019\x22]?(?:期间|以来|时期)|本届政府以来|成立以来|大以来|以来累计|累计以来"
    r"|[五六七八]五[\u201d\u2019\x22]?普法[\u4e00-\u9fff]{0,4}?(?:期间|以来|时期)|期间[,，]?\s*(?:全[省市县区])?累计"
)
SINCE = re.compile(r"\s*以来")
# "对2012年以来制发的248件文件进行清理": 以来 describes the objects counted, not the sentence's period.
SINCE_ATTRIBUTIVE = re.compile(r"\s*以来[\u4e00-\u9fff]{0,6}的")
# A parenthesis holds a breakdown or an aside ("(含上年结转3件)"), not the sentence's figure.
PARENTHESIS = re.compile(r"[(（][^()（）]{0,80}[)）]")
BREAKDOWN = re.compile(r"\s*其中\s*[:：]?")
# "受理行政复议案件741件(收到申请930件)": an aside that is a statement of its own, by its verb.
ASIDE_STATEMENT = re.compile(r"\s*(?:共|全年)?(?:收到|新收|接收|接到)")
# Book titles, document numbers and bracketed year ranges hide years that are not periods.
TITLES = re.compile(
    r"《[^》]{0,80}》|〔[^〕]{0,12}〕|\[[^\]]{0,12}\]"
    # (not "（2023年为732件）": an earlier year's figure given for comparison, read by the rules)
    r"|[(（](?!\s*(?:19|20)\d{2}\s*年度?(?:同期)?\s*(?:为|是|[:：])\s*\d)[^()（）]{0,20}(?:19|20)\d{2}[^()（）]{0,20}[)）]"
)
# A figure still to be reached ("计划开展…80场"); 按计划完成 and 计划生育 are no plans.
PLAN = re.compile(
    r"(?<!按)(?<!按照)(?<!年度)计划(?!生育|内)|拟(?:于|在|将|开展|组织)|力争|争取|预计|目标"
    r"|将(?:要|继续|进一步|持续|开展|组织|举办)|打算"
)
PLAN_START = re.compile(
    r"^(?:下一步|下步|明年|今后|(?:19|20)\d{2}\s*年[,，]?\s*(?:我|全|本)?[\u4e00-\u9fff]{0,3}将)"
)
RATE_TAIL = re.compile(
    r"(?:率|比例)(?:为|是|达|达到|均为|均达|均达到|保持在|稳定在|提高到|提升至|提高至|提升到|上升到|上升至)?$"
)
# A department of the reporting government acting as the subject: its figure is a sector's.
# A character of a place name: no enumeration (三是), pronoun (我镇), quantifier (全镇) or preposition.
_PLACE_CHAR = r"[^\W\d_a-zA-Z全各每本我该辖年是在和及与对为由经共其中]"
# "组织镇综合执法人员参加培训": a verb, then the township's own staff; no place is named.
_VERB_BEFORE_UNIT = r"组织|指导|督促|推动|带领|动员|协调|会同|联合|配合|要求|安排|召集"
SUB_UNIT = re.compile(
    r"(?:其中|^)[,，:：]?\s*(?P<org>(?:(?![全各每本我该])[\u4e00-\u9fff]{0,4}[省市县区州旗]|[\u4e00-\u9fff]{2,4}[省市县区])"
    r"[\u4e00-\u9fff]{1,8}?(?:局|委员会|监督管理局|支队|大队)"
    r"|(?!"
    + _VERB_BEFORE_UNIT
    + r")"
    + _PLACE_CHAR
    + r"{2,4}(?:街道|(?<!乡)镇|乡(?![镇村]))(?!政府|人民政府|党委)"
    # a unit of the township ("X街道综合行政执法大队") is not the township itself
    r"(?:[\u4e00-\u9fff]{1,10}?(?:大队|中队|委员会|工作室|调解室|服务中心|派出所|所|站))?)"
)
# "其中,交通运输执法大队调处纠纷157件": a unit named after 其中, with or without its area.
QIZHONG_UNIT = re.compile(r"其中[,，:：]?\s*(?P<org>[\u4e00-\u9fff]{2,10}?(?:大队|支队|中队))")
# "街道(地区)综合执法队实施处罚2.3万件" in a district's report: the townships' units together, a part
# (in a township's own report its 执法队 is its own; the caller checks the issuer's level).
LOWER_UNITS = re.compile(
    r"^\s*(?:各|全区|全县|全市)?(?:街道|乡镇|街乡|镇街|街镇|乡镇街道)(?:[(（][^)）]{0,6}[)）])?"
    r"[\u4e00-\u9fff]{0,8}?(?:执法队|执法大队|执法中队|司法所|派出所|调委会)"
)
# "法律顾问团由9名律师和5名专家组成": members counted by kind, the team's total not printed.
COMPOSED_OF = re.compile(
    r"由[^,，;；。]{0,24}\d[^,，;；。]{0,12}[和及与、][^,，;；。]{0,12}\d[^,，;；。]{0,16}组成"
)
# Offices that act for the government as a whole (its legal, reconsideration and petition work).
WHOLE_BODY_OFFICE = re.compile(r"司法|法制|复议|政府|依法治|信访")
GUIDED = re.compile(r"指导")
RESPONDENT = re.compile(r"被告|被申请人|被诉")
# Other service lines ("12348法律服务热线", "12315热线", "12348安徽法网、热线平台"): their 热线 is
# blanked so it never names the 12345 hotline as the subject.
OTHER_LINE = re.compile(r"(?<!\d)12(?!345)\d{3}(?!\d)[^,，。;；\d]{0,12}?(热线)")
# "个别地区超过20%", "部分乡镇持证率不足60%": a figure about some of the area, not the body's own.
PART_OF_AREA = re.compile(
    r"(?:个别|部分|少数|一些|有的)辖?(?:地区|地方|市县|县区|县市|(?:县|市|区)(?:[(（][^)）]{0,6}[)）])?|乡镇|街道|单位|部门|村)"
    r"|最(?:高|低)的(?:达到|达|为|是)?$"
)
# "仍有3个市州败诉率超过10%": a figure about a counted few of the area's units.
SOME_UNITS_COUNTED = re.compile(
    r"有[\d一二两三四五六七八九十]+个(?:市州|市县|县区|县市区|市|州|县|区|乡镇|街道|单位|部门)"
)
# "全省各级生态环境部门共办理…" beside "厅本级办理…": the area's figure, which the department only guides.
AREA_WIDE = re.compile(r"\s*(?:全年)?[,，]?\s*(?:全省|全市|全县|全区|全州|全盟)")
# "全省交通运输系统共发生行政诉讼案件236件" in a department's report: the sector it guides.
SYSTEM_WIDE = re.compile(r"\s*(?:全年)?[,，]?\s*全(?:省|市|县|区|州|盟|旗)[\u4e00-\u9fff]{0,12}?系统")
PARTY_DOCS = re.compile(r"[省市县区州旗]委(?!员会|托)|党委|党内|党组")
# A slice of the body's figure by subject matter ("涉企诉求1,200件", "重点领域信息"): not the total.
SUBSET = re.compile(r"涉企|涉农|涉疫|涉外|涉法涉诉|重点领域|涉及[\u4e00-\u9fff]{0,6}领域")
# "由上年的80%提高到95%": the new level takes the key of the old one.
CHANGED_TO = re.compile(r"(?:提高|提升|上升|增加|增长|下降|降低|减少|降|升)(?:到|至)$")
OWN_LEVEL = re.compile(r"(?<!政府)本级|全局|局机关|机关本级")
ALL_OF_THEM_NEXT = re.compile(
    r"\s*(?:均|全部|全都|都)(?:已|已经)?(?:按(?:规定|程序)?|由[\u4e00-\u9fff]{1,10}?)?(?:通过|参加|取得|经过|经|接受|进行)"
    # "文件4件,经厅法规处合法性审核后,全部报送备案": the review named by whom it was done
    # (the review is the whole clause: "经审查发现问题5件" is another statement)
    r"|\s*经(?:过)?[\u4e00-\u9fff]{0,12}?(?:审查|审核)(?:后|通过)?(?=[,，;；。]|$)"
)
# (after the means it was done by: "通过监督平台对…案件3,460件进行监督")
OBJECT_FIRST = re.compile(
    r"^(?:(?:通过|依托|利用|运用)[^,，;；。对]{1,20}?)?(?:并|又|还|共|先后|均|同时)?对(?:于)?"
)
# "其中1件胜诉,2件尚在审理": the count is the subject of the outcome verb after it.
OUTCOME_AFTER = re.compile(
    r"(?:已|均|被|经)?(?:胜诉|败诉|尚在|尚未|未审结|未结|未判决|正在审理|在审|审理中|维持|撤销|驳回|终止|审结|办结|结案|结转)"
)
# "对X文件进行合法性审核142件": the verb already stands before the number, so it is no object-first clause.
VERB_BEFORE = re.compile(r"进行|开展|实施|组织|作出|完成|(?:审查|审核|备案|报备|清理)(?:共计|共)?$")
# "案件12件,均胜诉": the whole count also gives a second key (gold_format: 均胜诉 → litigation_won).
ALL_OF_THEM: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "litigation_cases",
        # "…案件1件,已胜诉", "…1件,已审结,镇政府胜诉" (no count of its own follows: "胜诉3件" is a part)
        re.compile(
            r"^[,，]?(?:[^,，;；。\d一二两三四五六七八九十]{1,8}[,，])?"
            r"[^,，;；。\d一二两三四五六七八九十]{0,6}?(?:均|全部|全都|已|获)?(?:已|获)?胜诉(?!率)"
            r"(?![^,，;；。]{0,4}[\d一二两三四五六七八九十])"
        ),
        "litigation_won",
    ),
    # "被告的行政诉讼案件1件,目前法院尚未判决": the whole count still pending
    (
        "litigation_cases",
        re.compile(
            r"^[,，]?[^,，;；。\d一二两三四五六七八九十]{0,8}?(?:均|全部|都)?(?:尚未判决|尚未审结|尚在审理|正在审理|仍在审理|未审结)"
            r"(?![^,，;；。]{0,4}[\d一二两三四五六七八九十])"
        ),
        "litigation_pending",
    ),
    # "被申请人的行政复议案件7件,经复议均维持": every case upheld
    # "…案件7件,经复议均维持" / "…案件1件,经审理维持" (no count of its own follows)
    (
        "reconsideration_received",
        re.compile(
            r"^[,，]?[^,，;；。\d]{0,6}?(?:均|全部|全都)?(?:被|予以|得到|获)?维持(?![^,，;；。]{0,6}\d)"
        ),
        "reconsideration_upheld",
    ),
    (
        "normative_docs_reviewed",
        # "均报送备案" in the same clause, or "全部进行审查,并报县政府备案" in the next one
        re.compile(
            # "7件规范性文件全部经过审查": the counted noun may stand between number and 全部
            r"^[,，]?\s*(?:[^,，;；。\d]{0,10}?文件)?(?:[^,，;；。\d]{0,14}?后[,，]?)?(?:且|并)?(?:均|全部|全都)"
            r"(?:[^,，;；。]{0,24}(?:报送|报)?|[^,，;；。]{0,18}[,，]\s*(?:且|并)[^,，;；。]{0,8}?(?:报送|报)[^,，;；。]{0,14}?)"
            r"(?:备案|报备)"
        ),
        "normative_docs_filed",
    ),
)
# "出台规范性文件11件,全部报送省政府备案": documents issued, every one of them filed.
FILED_NEXT = re.compile(
    r"\s*(?:且|并)?(?:均|全部|全都)(?:已|已经)?(?:按(?:规定|程序|要求)|依法|及时)?(?:在[^,，;；。]{0,8}?内)?"
    r"(?:报送|报)[^,，;；。]{0,16}?(?:备案|报备)"
)
ISSUED_DOCS = re.compile(r"规范性文件|规章")
# "已审结3件,均胜诉": the cases decided, all won.
ALL_WON_NEXT = re.compile(r"\s*(?:均|全部|全都)(?:已|获)?胜诉")
DECIDED = re.compile(r"审结|判决|结案|办结")
# "其中,州政府收到复议申请96件": after 其中 the reporting government's own figure, not a sector's part.
OWN_GOVERNMENT_PART = re.compile(
    r"^\s*其中\s*[,，:：]?\s*[省市县区州旗盟](?:人民)?政府(?!门户|网站|各?(?:工作)?部门|所属|直属)"
)
OWN_BODY_PART = re.compile(
    r"^\s*其中\s*[,，:：]?\s*(?:[省市县区州旗盟](?:人民)?政府|(?:[省市县区州旗盟局厅])?本级)"
)
# "凯里市受理复议案件87件" in the prefecture's report: a county of the area as the subject.
SUB_AREA = re.compile(
    r"^(?:其中)?[,，:：]?\s*(?:[一二三四五六七八九十]{1,2}是[,，]?)?(?P<org>"
    + _PLACE_CHAR
    + r"{2,6}?[市县区旗])"
    r"(?<![省市县区州旗乡镇]{3})"  # "县市区、乡镇" are levels, not a place
    # followed by another place of a list ("兰州市、天水市…"), or by its verb
    r"(?=、"
    + _PLACE_CHAR
    + r"{2,6}?[市县区旗]|(?:(?:人民)?政府)?(?:共|全年|受理|收到|新收|办理|审结|办结|调解|调处|排查|化解"
    r"|作出|开展|发放|主动公开|聘请|培训|举办|组织|负责人|行政机关|各级|人民调解|12345))"
)
# "全市…出庭应诉率99.1%" in a district's report: a larger area than the reporting body's.
AREA_WORD = re.compile(r"\s*(?:全年)?[,，]?\s*全(?P<area>国|省|自治区|市|州|盟|区|县|旗)")
_AREA_RANK = {"国": 4, "省": 3, "自治区": 3, "市": 2, "州": 2, "盟": 2, "区": 1, "县": 1, "旗": 1}
_ISSUER_LEVEL = re.compile(r"自治区|省|自治州|州|盟|地区|市|区|县|旗|街道|镇|乡")
_ISSUER_RANK = {"自治区": 3, "省": 3, "自治州": 2, "州": 2, "盟": 2, "地区": 2, "市": 2}
# words in body names that hold a level character without naming a level
_NOT_LEVEL = re.compile(r"市场|城乡|乡村|区域|社区|镇街")


def issuer_rank(issuer: str) -> int | None:
    """3 province, 2 prefecture (also a county-level 市: its 全市 is itself), 1 county/district,
    0 township: the lowest level the body's name reaches ("长沙市雨花区人民政府" → 1)."""
    levels = _ISSUER_LEVEL.findall(_NOT_LEVEL.sub("", issuer))
    if not levels:
        return None
    last = levels[-1]
    return _ISSUER_RANK.get(last, 1 if last in ("区", "县", "旗") else 0)


def area_rank(area: str) -> int:
    return _AREA_RANK[area]


# A count of bodies ("22个社区调委会共调解纠纷687件"), not of cases.
ORG_COUNTED = re.compile(
    r"^[\u4e00-\u9fff]{0,6}?(?:社区|村|乡镇|街道|部门|单位|委员会|调委会|组织|中心|站|所|室|平台|窗口)"
)
# Those who passed an examination are a part of those who sat it.
PASSED = re.compile(r"合格|通过考试|考试通过")
# "收到、受理、审结行政复议案件分别为52件、48件、45件": one cue per number, in order.
RESPECTIVELY = re.compile(r"分别(?:为|是|达|达到|有|占)?$")
LIST_SEPARATOR = re.compile(r"[、和及与]")
# "13个乡镇", "十件惠民实事": a classifier followed by the noun it counts, which is not a case.
CASE_UNITS = frozenset({"件", "宗", "起", "例", "个", "件次"})
COUNTED_NOUN = re.compile(r"[\u4e00-\u9fff]")
# What may follow a count without being the noun it counts: particles, adverbs and verbs.
FUNCTION_START = re.compile(
    r"[已均其同较比占涉依按并且和及都共为是在中左以上下余多增减降提环、被给]"
    r"|进行|予以|作出|得到|获得|实现|纳入|报送|提请|通过|完成|办理|处理|移送|转交|转办|全部|经"
    r"|有所|略有|明显|大幅|稍有"
    r"|胜诉|败诉|尚在|尚未|未审结|未结|未判决|正在|在审|维持|撤销|驳回|终止|审结|办结|结案|结转"
)
# 个 counts whatever noun stands before it ("服务点35个", "调解委员会560个"): only a case-like
# noun makes it a count of cases, requests or calls.
CASE_NOUN_BEFORE = re.compile(
    r"(?:案件|案|申请|诉求|工单|纠纷|事项|来电|电话|件)[\s\u3000]*(?:共|共计|达|为|有)?$"
)
CASE_NOUN = re.compile(
    r"^(?:的)?[\u4e00-\u9fff]{0,8}?(?:案|申请|纠纷|诉求|工单|文件|投诉|事项|信访|来信|来访|信息)"
)
QUAL_BEFORE = (
    ("more_than", re.compile(r"(?:超过|超出|超|逾|多于|高于)了?$")),
    ("approx", re.compile(r"(?:约|大约|近|将近|接近|近乎)$")),
    ("at_least", re.compile(r"(?:不少于|不低于|至少|不下)$")),
    ("less_than", re.compile(r"(?:不足|不到|少于|低于|未满|未超过)$")),
)
QUAL_AFTER = (
    ("at_least", re.compile(r"^(?:及|或)?以上")),
    ("approx", re.compile(r"^(?:左右|上下)")),
)
# Cheap test that a sentence can hold a figure at all (most sentences of a report do not).
ANY_NUMBER = re.compile(
    r"[0-9０-９]|百分之|[零〇一二两三四五六七八九十百千][余多万亿]?"
    r"[件宗起例人名位次场份册本个条]"
)


def blank_other_lines(s: str) -> str:
    """Blank (same length) the 热线 of service lines other than 12345."""
    if "热线" not in s:
        return s
    return OTHER_LINE.sub(lambda m: m.group()[: m.start(1) - m.start()] + "　　", s)


def blank_titles(s: str) -> str:
    """Blank out (same length) book titles, document numbers and bracketed year ranges."""
    return TITLES.sub(lambda m: "　" * len(m.group()), s)


def qualifier(pre: str, post: str, more: bool) -> str:
    """exact | approx | more_than | at_least | less_than, from the words around the number."""
    if more:
        return "more_than"
    tail = pre[-6:]
    for name, pattern in QUAL_BEFORE:
        if pattern.search(tail):
            return name
    for name, pattern in QUAL_AFTER:
        if pattern.search(post):
            return name
    return "exact"
