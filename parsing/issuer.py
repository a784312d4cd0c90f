"""The body whose work a report covers, and its kind (government / department / party_government).

Sources in order: an organisation that opens the title (「X县人民政府关于…」「中共X市委 X市人民政府」),
one named where the text announces the report (「现将X人民政府2023年…报告如下」), and the subject of
the opening sentence (「2023年,X省委、省政府坚持…」「2020年,我局在市委…」). The page's 发布机构
is the publisher (often the 司法局 or the portal office), not the issuer, and is not used.
"""

from __future__ import annotations

import re

from parsing.region import find_areas
from parsing.region_data import ETHNIC

_AREA_SUFFIX = r"(?:省|市|县|区|州|盟|旗|镇|乡|街道|自治区)"
_ORG_TAIL = (
    r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办|政府|街道办事处|办事处|管理委员会|管委会|委员会|"
    r"行政公署|行署|局|厅|部|署|办公室|中心)"
)
_ORG = r"[\u4e00-\u9fff]{2,24}?" + _ORG_TAIL
_PARTY = r"中共[\u4e00-\u9fff]{2,15}?(?:委员会|委)"
_TITLE_ORG = re.compile(
    r"^(?:\([^)]{0,12}\)|【[^】]{1,8}】)?[ ]?((?:"
    + _PARTY
    + r"[ 、和]{0,2})?"
    + _ORG
    + r")[a-z ]{0,4}(?=关于|\d{4}|公布|年度|法治)"
)
_ANNOUNCED_ORG = re.compile(r"现将(" + _ORG + r")(?:\d{4}|关于|年度|法治)")
# The opening clause: 「2023年,」「今年以来,」 optionally followed by 「在…领导下,」, possibly after a
# short first sentence (「2021年是"十四五"开局之年。一年来,…」).
_OPENING = re.compile(
    r"^[\s?]*(?:[^。\n]{0,40}。\s*)?(?:(?:19|20)\d\d年(?:度|以来)?|今年以来|一年来)[,]\s*"
    r"(?:在[^,。]{0,60}?(?:领导|指导|监督|支持)[^,。]{0,12}下[,]?\s*)?"
)
# The name before 党委 is an area's: 「X市人民政府在自治区党委、政府…领导下」 is not a joint subject.
_JOINT_VERBATIM = re.compile(r"^((?:(?!政府|在)[\u4e00-\u9fff]){2,15}?党委[、和]政府)")


def _joint_committee(clause: str, region_name: str) -> str | None:
    """「铁岭县委、县政府坚持…」「中共X市委、X市人民政府…」: the party committee and the government
    together as the subject. Returns the committee's name: 「中共铁岭县委」, or 「中共攸县县委」 for a
    county whose one-character stem is written with its level twice."""
    for lead in (region_name, "中共" + region_name):
        doubled = lead + region_name[-1] + "委" if len(region_name) == 2 else None
        for committee in (lead + "委", lead + "党委", doubled):
            if committee and clause.startswith(committee):
                if "政府" not in clause[len(lead) : len(lead) + 16]:
                    return None
                printed = region_name + region_name[-1] if committee == doubled else region_name
                return f"中共{printed}委"
    return None


_OWN_GOV = re.compile(r"^([\u4e00-\u9fff]{2,15}?)(?:人民)?政府")
_OWN_ORG = re.compile(
    r"^(" + _ORG + r")(?=[^\u4e00-\u9fff]|坚持|深入|认真|在|以|全面|紧紧|紧扣|紧盯|始终|按照|围绕|积极|持续|"
    r"不断|扎实|着力|切实|牢固|坚决|大力|聚焦|立足|对标|主动|全力|强化|进一步|严格|贯彻|加强|加快|高度)"
)
_LEVEL_GOV = re.compile(r"^(省|市|县|区|州|盟|旗)(?:人民)?政府(?!办|工作报告)")
_LEVEL_CHAR = {
    "省": "province",
    "市": "prefecture",
    "州": "prefecture",
    "盟": "prefecture",
    "县": "county",
    "区": "county",
    "旗": "county",
}
_MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
_SPEAKER = re.compile(r"我(局|厅|委|办|县|市|区|镇|乡|街道|省|州|旗)")

# Department types by the work a bureau's report describes; used only when the text says 我局
# without naming itself. Each needs clear dominance to be used.
_DEPARTMENT_CUES = {
    "生态环境局": ("生态环境", "污染", "环境质量", "空气质量", "排污", "环评"),
    "市场监督管理局": (
        "市场监管",
        "市场主体",
        "食品安全",
        "企业开办",
        "特种设备",
        "知识产权",
        "反垄断",
        "计量",
    ),
    "行政审批局": ("行政审批", "政务服务", "审批服务", "一网通办", "政务大厅"),
    "人力资源和社会保障局": ("社会保险", "就业", "劳动", "人社"),
    "税务局": ("税务", "纳税", "税收", "减税"),
    "公安局": ("公安", "警务", "治安"),
    "交通运输局": ("交通运输", "道路运输", "公路"),
    "自然资源局": ("自然资源", "国土空间", "土地", "矿产"),
    "应急管理局": ("应急管理", "安全生产"),
    "教育局": ("教育", "学校", "教师"),
}
# Short forms of a body's name, written out as the body names itself (a 地区's 行署 is its 行政公署).
_ABBREVIATIONS = {
    "市场监管局": "市场监督管理局",
    "人社局": "人力资源和社会保障局",
    "环保局": "环境保护局",
    "行署": "行政公署",
    "政府办": "人民政府办公室",
}


# The committee that governs a zone (开发区/高新区/新区/园区 管委会) is its government; a committee
# that is a department (国有资产监督管理委员会) is not.
_ZONE_COMMITTEE = re.compile(r"管委会$|[区园城港岛]管理委员会$")


def issuer_kind(name: str | None, speaker: str | None = None) -> str | None:
    if name:
        if name.startswith("中共") or "党委" in name or re.search(r"委[、和 ]", name):
            return "party_government"
        if re.search(
            r"(?:人民政府|政府|办事处|人民政府办公室|政府办公室|人民政府办公厅|行政公署|行署)$", name
        ) or _ZONE_COMMITTEE.search(name):
            return "government"
        return "department"
    if speaker in {"局", "厅", "委", "办"}:
        return "department"
    if speaker:
        return "government"
    return None


def _gov_name(area: str) -> str:
    return area + ("办事处" if area.endswith("街道") else "人民政府")


def _expand(name: str, region_name: str | None) -> str:
    for short, full in _ABBREVIATIONS.items():
        if name.endswith(short):
            name = name[: -len(short)] + full
    if region_name and name.startswith("地区") and region_name.endswith("地区"):
        name = region_name + name[2:]  # 「地区行署」 of 阿勒泰地区
    elif region_name and name[:1] in "市县区省镇州盟旗" and region_name.endswith(name[0]):
        if re.match(r"^.(?:人民)?政府$", name):
            return _gov_name(region_name)
        office = re.match(r"^.(?:人民)?政府办公(室|厅)$", name)
        if office:  # 「县政府办公室」: the office of the area's government
            return region_name + "人民政府办公" + office.group(1)
        if not re.match(r"^.(?:委|政府)", name):
            name = region_name + name[1:]
    # 「海沧区政府」 -> 「海沧区人民政府」
    name = re.sub(_AREA_SUFFIX + r"政府$", lambda m: m.group(0)[:-2] + "人民政府", name)
    return name


def with_area(name: str, region_name: str | None) -> str:
    """「市司法局」 in a title gets the name of the area it serves: 「X市司法局」."""
    return _expand(name, region_name) if region_name else name


def with_printed_area(name: str, opening: str) -> str:
    """「高新区管委会」 in a title that the text calls 「玉溪高新区管委会」: the name with its area."""
    leading = find_areas(name[:4])
    if leading and leading[0][0] == 0:
        return name  # already starts with an area
    for m in re.finditer(re.escape(name), opening[:1500]):
        before = opening[max(0, m.start() - 8) : m.start()]
        touching = [start for start, area, _, _ in find_areas(before) if start + len(area) == len(before)]
        if touching:
            return before[touching[-1] :] + name
    return name


_JOINED = re.compile(r"^(中共[\u4e00-\u9fff]{1,20}?委(?:员会)?)(?=[^、\s][\u4e00-\u9fff]{1,20}政府$)")


def title_issuer(title: str | None) -> str | None:
    if not title:
        return None
    m = _TITLE_ORG.match(title)
    if not m:
        return None
    # 「中共X市委 X市人民政府」 printed on two lines or with a space: one joint name, 、-separated.
    name = re.sub(r"(委(?:员会)?)[ ]+(?=\S)", r"\1、", _expand(m.group(1), None).strip())
    # The same run together, as two heading lines join: 「中共X市委X市人民政府」.
    return _JOINED.sub(r"\1、", name)


def _department_guess(text: str) -> str | None:
    counts = sorted(
        ((sum(text.count(c) for c in cues), name) for name, cues in _DEPARTMENT_CUES.items()), reverse=True
    )
    (best, name), (second, _) = counts[0], counts[1]
    return name if best >= 3 and best >= 2 * second else None


def body_issuer(
    opening: str,
    region_name: str | None,
    region_level: str | None,
    area_only_title: bool,
    preamble: str = "",
) -> tuple[str | None, str | None]:
    """(issuer, speaker) from the opening of the body."""
    m = _ANNOUNCED_ORG.search(opening[:1500])
    if m:
        return _expand(m.group(1), region_name), None
    speaker_m = _SPEAKER.search(preamble[:600]) or _SPEAKER.search(opening[:400])
    speaker = speaker_m.group(1) if speaker_m else None
    head = _OPENING.match(opening)
    clause = opening[head.end() : head.end() + 60] if head else ""
    m = _JOINT_VERBATIM.match(clause)
    if m:
        return m.group(1), speaker
    committee = _joint_committee(clause, region_name) if region_name else None
    if committee:
        return f"{committee}、{_gov_name(region_name)}", speaker
    m = _OWN_ORG.match(clause)
    if m and not m.group(1).endswith("政府"):
        return _expand(m.group(1), region_name), speaker
    m = _OWN_GOV.match(clause)
    if m and region_name and not clause.startswith(("在", "全")):
        # 「伊犁州人民政府坚持…」「淄博市政府…」: the government as printed (政府 -> 人民政府).
        printed = m.group(1)
        if _AREA_NAME.fullmatch(printed) and printed.startswith(_stem(region_name)) and "在" not in printed:
            return _expand(printed + "人民政府", region_name), speaker
        return _gov_name(region_name), speaker
    m = _LEVEL_GOV.match(clause)
    municipal = m is not None and m.group(1) == "市" and region_name in _MUNICIPALITIES
    if m and region_name and (_LEVEL_CHAR.get(m.group(1)) == region_level or municipal):
        # 「省政府坚持…」: the government of the area, named by its level only.
        return _gov_name(region_name), speaker
    if speaker in {"局", "厅"}:
        named = _named_department(opening[:800], region_name)
        if named:
            return named, speaker
        guess = _department_guess(opening)
        if guess and region_name:
            return region_name + guess, speaker
        return None, speaker
    if not region_name:
        return None, speaker
    if speaker and speaker not in {"委", "办"}:
        return _gov_name(region_name), speaker
    if region_level == "province" and area_only_title:
        # 「X省2024年度法治政府建设情况报告」 whose text speaks for the whole province: no one body.
        return None, speaker
    if (
        (clause and clause.startswith((region_name[:-1], _stem(region_name))))
        or _whole_area_voice(clause, region_level)
        or region_level == "township"
        or _announced_area(opening, region_name)
    ):
        return _gov_name(region_name), speaker
    return None, speaker


_AREA_NAME = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:省|市|州|县|区|旗|盟|地区)")
_AREA_END = re.compile(r"(?:自治区|自治州|自治县|自治旗|特别行政区|地区|省|市|州|县|区|旗|盟)$")


# 「伊犁哈萨克自治州」 names the people without 族.
_ETHNIC_TAIL = re.compile("(?:" + ETHNIC.pattern.removesuffix("族") + ")+(?=自治)")


def _stem(region_name: str) -> str:
    """「化隆回族自治县」 -> 「化隆」: the form a text uses in 「化隆县在…」."""
    stem = _AREA_END.sub("", _ETHNIC_TAIL.sub("", ETHNIC.sub("", region_name)))
    if len(stem) < 2:
        stem = _AREA_END.sub("", region_name).removesuffix("族")  # 「东乡族自治县」 -> 「东乡」
    return stem if len(stem) >= 2 else region_name


_WHOLE_AREA = {"province": "省", "prefecture": "市州盟", "county": "县区旗"}


def _whole_area_voice(clause: str, region_level: str | None) -> bool:
    """「2017年,全县各级各部门在县委、县政府…」: the whole area at the report's level speaks."""
    chars = _WHOLE_AREA.get(region_level or "")
    return bool(chars and len(clause) >= 2 and clause[0] == "全" and clause[1] in chars)


def _named_department(opening: str, region_name: str | None) -> str | None:
    """「我局…邵东县国土资源局全年…」: a text that speaks as 我局 names itself with its area."""
    if not region_name:
        return None
    m = re.search(
        re.escape(_stem(region_name)) + r"(?:省|市|县|区|州|旗|盟)?[\u4e00-\u9fff]{2,12}?(?:局|厅)", opening
    )
    return _expand(m.group(0), region_name) if m else None


def _announced_area(opening: str, region_name: str) -> bool:
    """「现将2018年上海市法治政府建设情况的报告公开如下」: the report announced for an area."""
    m = re.search(r"现将.{0,12}?" + re.escape(region_name), opening[:1500])
    return m is not None
