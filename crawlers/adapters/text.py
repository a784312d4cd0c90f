"""Reading titles and dates the way list pages write them.

Discovery is recall-oriented: a title is kept when it speaks of rule-of-law government, says report,
situation or summary (报告/情况/总结/年报), and does not plainly name another genre (a notice, a plan,
an interpretation, a meeting). The parser decides what is a report."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_TOPIC = re.compile(r"法治政府|依法行政|法治建设|法治.{1,3}建设")
_REPORT_WORDS = re.compile(r"报告|報告|情况|情況|总结|總結|年报|年報")
# Interpretations and illustrated explainers quote the report's title but are not the report.
_NEVER = re.compile(r"解读|解讀|读懂|讀懂|图解|圖解|图说|圖說|一张图|一張圖|答记者问|答記者問|问答|問答")
# Titles ending in these genres are something else, unless they also announce a report
# ("…情况报告及2024年工作计划"), which the report words below catch.
_OTHER_GENRE_END = re.compile(
    r"(通知|方案|要点|要點|计划|計劃|意见|意見|办法|辦法|规定|規定|通报|通報|公示|公告|纪要|紀要|决定|決定|函|安排|打算|思路"
    r"|会|會|会议|會議|培训班|講座|讲座)$"
)
_PLAN_END = re.compile(r"(计划|計劃|安排|打算|思路)$")
_TRAILING_NOISE = re.compile(
    r"(\s|[（(【\[][^（(【\[]*[）)】\]]|\.(pdf|docx?|wps|ofd)|[。．.…：:]|-+|—+)+$", re.I
)

_CN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_YEAR_IN_TITLE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_CN_YEAR = re.compile(r"([〇零○一二三四五六七八九]{4})\s*年")


def normalise(text: str) -> str:
    """NFKC (full-width digits and letters become ASCII) and collapsed whitespace."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


_TRUNCATED = re.compile(r"(\.{2,}|·{2,})$")  # after NFKC: … and ．．． read as dots
_TRUNCATED_OTHER = re.compile(
    r"通知|方案|要点|要點|计划|計劃|意见|意見|办法|辦法|规定|規定|通报|通報|公示|公告|纪要|紀要|决定|決定|会议|會議|培训|講座|讲座|考核|督察|部署"
)


def looks_like_report(title: str) -> bool:
    """Could this link title be a 法治政府建设 annual report (or its PDF)? Recall first."""
    t = normalise(title)
    if _NEVER.search(t):
        return False
    if not _TOPIC.search(t):
        # the cut fell inside the topic words (「…2023年度法治政...」): what is left begins them
        core = _TRAILING_NOISE.sub("", t)
        return bool(_TRUNCATED.search(t)) and _ends_in_topic(core) and _truncated_report(core)
    core = _TRAILING_NOISE.sub("", t)
    if not _REPORT_WORDS.search(core):
        # Lists cut long titles to a fixed width ("…2023年法治政府建设年度..."): a cut title that
        # names a year after the topic and no other genre before the cut may still be the report.
        return bool(_TRUNCATED.search(t)) and _truncated_report(core)
    return not _OTHER_GENRE_END.search(core) or bool(_PLAN_END.search(core))


_REPORT_COLUMN = re.compile(r"法治政府建设[^<>\"]{0,8}(?:报告|報告)")
_COLUMN_NAMES = (
    re.compile(r"""<meta\s[^>]*name=["']?ColumnName["']?[^>]*content=["']([^"']*)["']""", re.I),
    re.compile(r"""<meta\s[^>]*content=["']([^"']*)["'][^>]*name=["']?ColumnName["']?""", re.I),
    re.compile(r"<title[^>]*>([^<]*)</title>", re.I),
)


def is_report_column(html: str) -> bool:
    """Is this list page the report column itself (法治政府建设年度报告, …情况报告), by the column name
    the page declares (the 《指引》 ColumnName meta) or its <title>?"""
    for pattern in _COLUMN_NAMES:
        m = pattern.search(html)
        if m is not None and _REPORT_COLUMN.search(normalise(m.group(1))):
            return True
    return False


def looks_like_cut_report(title: str) -> bool:
    """A title cut by the list width, topic words and all, that names a year and no other genre: in
    the report column (is_report_column) that is one of its reports."""
    t = normalise(title)
    # with the topic cut away the evidence is thin: a notice issuing something (印发) is left out too
    if not _TRUNCATED.search(t) or _NEVER.search(t) or "印发" in t or "印發" in t:
        return False
    return _truncated_report(_TRAILING_NOISE.sub("", t))


_TOPIC_PHRASES = ("法治政府建设", "依法行政", "法治建设")


def _ends_in_topic(core: str) -> bool:
    """Does the text end with the first two or more characters of a topic phrase?"""
    return any(core.endswith(p[:n]) for p in _TOPIC_PHRASES for n in range(2, len(p)))


def _truncated_report(core: str) -> bool:
    year = _YEAR_IN_TITLE.search(core) or _CN_YEAR.search(core)
    return year is not None and not _TRUNCATED_OTHER.search(core)


def guess_report_year(title: str) -> int | None:
    """The year a report title is about: the first year it names (later ones are plans)."""
    t = normalise(title)
    m = _YEAR_IN_TITLE.search(t)
    if m is None:
        cn = _CN_YEAR.search(t)
        if cn is not None:
            return int(cn.group(1).translate(_CN_DIGITS))
        m = _BARE_YEAR.search(t)
    return int(m.group(1)) if m else None


_DATE_PATTERNS = (
    re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
)
_URL_DATES = (
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_\d+"),  # TRS …/202403/t20240327_123.html
    re.compile(r"/art/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/"),  # Hanweb /art/2024/3/27/art_…
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/"),  # /tzgg/20240401/uuid.html
    re.compile(r"/((?:19|20)\d{2})-(\d{2})/(\d{2})/"),  # gov.cn /2021-03/30/…
)
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})(\d{2})/")  # a YYYYMM folder: month precision


def _safe_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def find_date(text: str) -> date | None:
    """The first calendar date written in a list item's text (2024-03-27, 2024/3/27, 2024年3月27日)."""
    t = normalise(text)
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(t):
            found = _safe_date(*m.groups())
            if found is not None:
                return found
    return None


def date_from_url(url: str) -> date | None:
    """The publication date many CMSs write into article addresses (first of the month when only YYYYMM)."""
    for pattern in _URL_DATES:
        m = pattern.search(url)
        if m is not None and (found := _safe_date(*m.groups())) is not None:
            return found
    m = _URL_MONTH.search(url)
    return _safe_date(m.group(1), m.group(2), "1") if m else None
