"""Title, report year and region of a page, from its furniture and the opening of its text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from parsing import region as regions
from parsing.classify import is_body_line
from parsing.dates import arabic_years, parse_date
from parsing.meta import is_info_line, parse_info_lines
from parsing.model import Region

_TITLE_WORDS = re.compile(
    r"报告|总结|汇报|通知|方案|要点|解读|意见|规划|计划|情况|公告|办法|安排|报表|年报|打算|决定|通报|纲要|指引|公布|白皮书|思路"
)
_TITLE_END = re.compile(
    r"(?:报告|总结|汇报|通知|方案|要点|解读|意见|规划|计划|情况|公告|办法|安排|报表|年报|打算|决定|通报|纲要|指引|白皮书|打算|思路)"
    r"(?:\([^)]{0,12}\))?$"
)
_NOT_TITLE = re.compile(
    r"^(?:当前位置|您的位置|您现在的位置|当前所在位置|首页|来源|发布|时间|日期|作者|浏览|点击|字号|分享|【|\[|"
    r"[\u4e00-\u9fff]{1,6}〔\d{4}〕|各[\u4e00-\u9fff(),、]{2,60}:$)"
)
_ORG_LINE = re.compile(r"(?:政府|委|委员会)$")
_JOINT_FIRST = re.compile(r"^中共[\u4e00-\u9fff]{1,20}(?:委|委员会)$")
_YEAR = re.compile(r"(?<![\d〔\-—~])((?:19|20)\d\d)年(?!\d{1,2}月)(?![〕\-—~])")
_RANGE = re.compile(r"(?:19|20)\d\d\s?[-—~至到]\s?(?:(?:19|20)\d\d)?年?")
_BOOK = re.compile(r"《[^》]{0,80}》")


@dataclass
class Furniture:
    """What a page says about itself outside its running text."""

    meta: dict[str, str] = field(default_factory=dict)
    info: dict[str, str] = field(default_factory=dict)
    titles: list[str] = field(default_factory=list)  # from meta/DETAIL/h1, most trusted first
    weak_titles: list[str] = field(default_factory=list)  # from <title>
    head_lines: list[str] = field(default_factory=list)  # normalised lines above the body
    text_lines: list[str] = field(default_factory=list)  # the first lines of the main text
    tail_lines: list[str] = field(default_factory=list)  # page lines just below the main text
    head_simplified: str = ""  # the page above the body, normalised (繁→简)
    head_printed: str = ""  # the same before 繁→简 (same length)
    detail_date: str | None = None


def header_lines(head: str, text: str) -> list[str]:
    """Lines that may carry title and date: the last lines of the page above the body (navigation
    sits further up), then the top of the text."""
    lines = [line.strip() for line in head.split("\n") if line.strip()][-20:]
    lines += [line.strip() for line in text.split("\n")[:25] if line.strip()]
    return lines


def info_block(lines: list[str]) -> dict[str, str]:
    return parse_info_lines(lines)


def title_from_lines(lines: list[str]) -> str | None:
    parts = title_parts(lines)
    return "".join(parts) if parts else None


def title_parts(lines: list[str]) -> list[str]:
    """The line(s) that read as a document title before the body starts (a title wrapped over two
    lines, or 「关于…」 under its issuing body's line, gives two parts)."""
    prev = None
    for i, raw in enumerate(lines[:25]):
        line = raw.strip(" •-*·?")
        tagged = _COLUMN_TAG.match(line)  # 「【年度报告】X区…报告」: a column tag before a title
        furniture = is_info_line(raw) or (len(line) <= 90 and (_NOT_TITLE.match(line) or ">" in line))
        if furniture and not tagged:
            prev = line
            continue
        if len(line) > 90 or "。" in line or "," in line or line.endswith(":"):
            embedded = _embedded_title(line) if len(line) > 90 else None  # the body has started
            return [embedded] if embedded else []
        if len(line) < 8:
            prev = line
            continue
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if (
            _WRAP_HEAD.search(line)
            and 0 < len(nxt) <= 30
            and _TITLE_END.search(nxt)
            and not _SENTENCE_MARK.search(nxt)
        ):
            # 「X人民政府关于2021年度法治政府」 / 「建设情况的报告」: a title broken inside a phrase.
            return [line, nxt]
        if (parse_date(line) and len(line) < 40) or not (
            _TITLE_WORDS.search(line) or line.startswith("关于")
        ):
            prev = line
            continue
        parts = [line]
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        wrapped = not _TITLE_END.search(line) and 0 < len(nxt) <= 30 and "。" not in nxt
        if wrapped and _TITLE_END.search(nxt):
            parts.append(nxt)
        if (
            prev
            and len(prev) <= 30
            and (
                (line.startswith("关于") and _ORG_LINE.search(prev))
                or (_YEAR_START.match(line) and _COVER_ORG.search(prev))
            )
        ):
            # 「中共X委 X人民政府 / 关于…的报告」, or a cover 「X局 / 2020年…工作总结」.
            parts.insert(0, prev)
            before = lines[i - 2].strip() if i >= 2 else ""
            if before != prev and _JOINT_FIRST.match(before) and _ORG_LINE.search(prev):
                parts.insert(0, before)  # the party committee on a line of its own above
        if not _YEAR_IN.search("".join(parts)):
            # A bare column name (「法治政府建设年度报告」) above the real title: prefer a title line
            # with a year a few lines further down.
            for later in lines[i + 1 : i + 4]:
                later = later.strip(" •-*·?")
                if later.startswith(line) or (
                    8 <= len(later) <= 90
                    and _YEAR_IN.search(later)
                    and _TITLE_END.search(later)
                    and not _SENTENCE_MARK.search(later)
                    and not is_info_line(later)
                ):
                    return [later]
        return parts
    return []


_YEAR_IN = re.compile(r"(?:19|20)\d\d年")
_WRAP_HEAD = re.compile(
    r"(?:关于|^)(?:19|20)\d\d年度?[\u4e00-\u9fff]{0,12}(?:法治政府|依法行政)[\u4e00-\u9fff]{0,4}$"
)
_COLUMN_TAG = re.compile(r"^【[^】]{2,8}】(?=[^\s【]{8,})(?!.*(?:字体|字号|打印|关闭|分享))")
_YEAR_START = re.compile(r"^(?:19|20)\d\d年")
_COVER_ORG = re.compile(r"(?:人民政府|政府|局|厅|委员会|办公室|办事处)$")
_SENTENCE_MARK = re.compile(r"[,。:]")


_EMBEDDED_TITLE = re.compile(
    r"(?:[\u4e00-\u9fff]{2,20}?(?:人民政府|局|厅|委员会))?关于(?:19|20)\d\d年度?[\u4e00-\u9fff]{2,24}?(?:报告|总结)"
)


def _embedded_title(line: str) -> str | None:
    """A title run together with site text and the body on one line (copies that lost their breaks)."""
    m = _EMBEDDED_TITLE.search(line[:150])
    return m.group(0) if m else None


def _plain_years(s: str) -> list[tuple[int, int]]:
    s = _BOOK.sub(lambda m: " " * len(m.group(0)), s)
    s = _RANGE.sub(lambda m: " " * len(m.group(0)), s)
    return [(m.start(), int(m.group(1))) for m in _YEAR.finditer(s)]


# Not across 及/和: 「现将全年工作情况及2021年工作思路报告如下」 names the next year's plan.
# The year inside the announcement itself: it ends at 如下 or the line, so the year of a heading or
# signature under 「现将有关情况报告如下:」 is not taken for it.
_ANNOUNCE_YEAR = re.compile(r"现将(?:(?!及|和|暨|如下)[^。\n]){0,40}?((?:19|20)\d\d)年")
_ABOUT_YEAR = re.compile(r"关于((?:19|20)\d\d)年度?")
_OPENING_YEAR = re.compile(r"(?m)^[ ?]{0,40}((?:19|20)\d\d)年(?:度|以来)?[,是在]")
_TOPIC_YEAR = re.compile(r"((?:19|20)\d\d)年度?(?:推进)?(?:法治政府|依法行政|法治建设)")


def report_year(title: str | None, text: str, publish: str | None) -> int | None:
    """The year reported on: the title's year, the year the text announces (现将…2023年…报告如下),
    the year that opens the body, the year tied to 法治政府建设; publish year - 1 as a last guess."""
    title = arabic_years(title) if title else title
    text = arabic_years(text[:3000])
    if title:
        years = _plain_years(title)
        if years:
            return years[0][1]
    opening = _RANGE.sub(
        lambda m: " " * len(m.group(0)), _BOOK.sub(lambda m: " " * len(m.group(0)), text[:3000])
    )
    for rx in (_ANNOUNCE_YEAR, _ABOUT_YEAR, _OPENING_YEAR, _TOPIC_YEAR):
        m = rx.search(opening)
        if m:
            return int(m.group(1))
    years = _plain_years(text[:3000])
    if years:
        counts: dict[int, int] = {}
        for _, y in years:
            counts[y] = counts.get(y, 0) + 1
        return max(counts, key=lambda y: (counts[y], -years[[v for _, v in years].index(y)][0]))
    if publish:
        # Reports come out in the first months of the next year; one published from October on is
        # (like 「今年以来」 reports written for a December deadline) about the same year.
        year, month = int(publish[:4]), int(publish[5:7] or 1)
        return year if month >= 10 else year - 1
    return None


# Voice of the text: 「我县」「全县」 say which level the reporting body is at.
_VOICE = {
    "province": re.compile(r"我省|全省|本省"),
    "prefecture": re.compile(r"我市|全市|我州|全州|我盟"),
    "county": re.compile(r"我县|全县|我区|全区|我旗|全旗"),
    "township": re.compile(r"我镇|全镇|我乡|全乡|我街道|全街道|本街道|本镇"),
}


_OWN_LEVEL = {"省": "province", "市": "prefecture", "州": "prefecture", "县": "county", "区": "county"}
# 「2023年,市市场监管局在…」: a department named by its level; 「我局在市委、市政府…领导下」: the level
# of the committee it answers to.
_DEPT_SUBJECT = re.compile(
    r"^[\s?]*(?:(?:19|20)\d\d年(?:度|以来)?|今年以来)?[,]?\s*(省|市|州|县|区)[\u4e00-\u9fff]{1,12}?(?:局|厅)"
)
_DEPT_SUPERIOR = re.compile(r"我局在(省|市|州|县|区)委")
# 「2020年,区政府在市委…」: the government named by its level is the subject.
_GOV_SUBJECT = re.compile(
    r"^[\s?]*(?:(?:19|20)\d\d年(?:度|以来)?|今年以来)[,]\s*(省|市|州|县|区)(?:人民)?政府(?!办)"
)


def _voice(opening: str) -> str | None:
    m = (
        _DEPT_SUBJECT.match(opening)
        or _DEPT_SUPERIOR.search(opening[:300])
        or _GOV_SUBJECT.match(_from_body_start(opening))
    )
    if m:
        return _OWN_LEVEL[m.group(1)]
    counts = {level: len(rx.findall(opening)) for level, rx in _VOICE.items()}
    level = max(counts, key=counts.get)
    return level if counts[level] else None


_CENTRAL_BODY = re.compile(
    r"^(?:国务院|中华人民共和国[\u4e00-\u9fff]{1,12}|[\u4e00-\u9fff]{1,10}(?:部|总局|总署|署|委员会))$"
)


def resolve_region(
    title: str | None, issuer: str | None, text: str, meta: dict[str, str], url: str | None
) -> Region:
    """The area a page's report covers; a central ministry's report covers the whole country."""
    if issuer and _CENTRAL_BODY.match(issuer) and not regions.find_areas(issuer):
        return Region(name="全国")
    site = None
    code = meta.get("siteidcode", "")
    if re.match(r"^\d{6}", code):
        site = regions.area_by_code(code)
    host = urlsplit(url).hostname if url else None
    host_province = regions.province_from_host(host)
    opening = text[:3000]
    mentions = regions.find_areas(opening)
    context = [a for _, _, areas, _ in mentions for a in areas if len(areas) == 1]

    def choose(found) -> regions.Area | None:
        best = None
        for _, _, areas, _exact in found:
            area = regions.pick(areas, context, site, host_province)
            if best is None or regions.rank(area) > regions.rank(best):
                best = area
        return best

    for source in (title, issuer):
        if not source:
            continue
        plain = _BOOK.sub("", source)
        town = regions.townships(plain)
        found = regions.find_areas(plain)
        area = choose(found)
        if town:
            parent = area or _county_near(town[0][1], context, site)
            return regions.to_region(parent, township=town[0][1])
        if area:
            return regions.to_region(area)

    first_lines = "\n".join(text.split("\n")[:6])[:600]
    town = regions.townships(first_lines)
    voice = _voice(opening[:1500])
    if town and voice in (None, "township"):
        return regions.to_region(_county_near(town[0][1], context, site), township=town[0][1])
    subject = _subject_area(_from_body_start(opening), context, site, host_province)
    if subject is not None:
        return regions.to_region(subject)
    if voice == "county" and (
        any(a.level == "province" and a.name.endswith("自治区") for a in context)
        or (_AUTONOMOUS_REGION.search(opening[:1500]) and not _DISTRICT_BODY.search(opening[:1500]))
    ):
        # 「我区」「全区」 of an autonomous region (自治区党委、政府), not of a city district.
        voice = "province"
    counts: dict[str, int] = {}
    for _, _name, areas, _exact in mentions:
        area = regions.pick(areas, context, site, host_province)
        counts[area.code] = counts.get(area.code, 0) + 1
    ordered = sorted(
        (
            (i, regions.pick(areas, context, site, host_province))
            for i, (_, _, areas, _) in enumerate(mentions)
        ),
        key=lambda t: (-counts[t[1].code], t[0]),
    )
    for _, area in ordered:
        if voice is None or _level_matches(area, voice):
            return regions.to_region(area)
    for _, _name, areas, _exact in mentions:
        area = regions.pick(areas, context, site, host_province)
        if voice == "province":
            prov = regions.find_areas(area.province, stems=False)
            if prov:
                return regions.to_region(prov[0][2][0])
    if site is not None:
        if voice and _LEVEL_RANK[voice] > regions.rank(site):
            # A county's report on a provincial portal: the site says only which province.
            return Region(level=voice, province=site.province)
        return regions.to_region(site)
    province = host_province or regions.province_from_doc_numbers(text)
    if province and voice == "province":
        return regions.to_region(regions.find_areas(province, stems=False)[0][2][0])
    if mentions and voice is None:
        return regions.to_region(regions.pick(mentions[0][2], context, site, host_province))
    return Region(level=voice, province=province)


_AUTONOMOUS_REGION = re.compile(r"自治区(?:党委|人民政府|政府)")
_DISTRICT_BODY = re.compile(r"区委、区政府|区人民政府|我县|全县|我市")
_LEVEL_RANK = {"province": 1, "prefecture": 2, "county": 3, "township": 4}


def _level_matches(area: regions.Area, voice: str) -> bool:
    # The four municipalities are provinces that speak as cities (我市/全市).
    return area.level == voice or (voice == "prefecture" and area.code in regions.MUNICIPALITIES)


_CLAUSE = re.compile(
    r"^[\s?]*(?:(?:19|20)\d\d年(?:度|以来)?|今年以来)[,]\s*(?:在[^,。]{0,60}?(?:领导|指导|监督|支持)[^,。]{0,12}下[,]?\s*)?"
)


def _from_body_start(text: str) -> str:
    """The text from its first running line on (title, date and info lines skipped)."""
    pos = 0
    for line in text.split("\n")[:30]:
        if is_body_line(line):
            return text[pos:]
        pos += len(line) + 1
    return text


def _subject_area(opening: str, context, site, host_province) -> regions.Area | None:
    """The area that is the grammatical subject of the opening (「2023年,西城区坚持…」) or of the
    announcement (「现将2018年上海市法治政府建设情况的报告公开如下」)."""
    m = _CLAUSE.match(opening)
    spots = [m.end()] if m else []
    a = re.search(r"现将(?:我[省市县区州])?(?:(?:19|20)\d\d年度?)?", opening[:1500])
    if a:
        spots.append(a.end())
    for pos in spots:
        found = regions.find_areas(opening[pos : pos + 24])
        if found and found[0][0] == 0:
            # 「北京市石景山区」: the last of a contiguous chain of names is the most specific.
            end, chosen = 0, None
            for start, name, areas, _ in found:
                if start != end:
                    break
                chosen, end = areas, start + len(name)
            return regions.pick(chosen, context, site, host_province)
    return None


def _county_near(
    township: str, context: list[regions.Area], site: regions.Area | None
) -> regions.Area | None:
    for area in context:
        if area.level == "county":
            return area
    if site is not None and site.level == "county":
        return site
    for area in context:
        if area.level == "prefecture":
            return area
    return None
