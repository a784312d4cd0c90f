"""Dates as portals print them, and which printed date is the publish date.

Trust order for publish_date: the PubDate meta tag, gkmlpt's publish time, the 信息公开 block's
发布日期, a labelled date line near the title (发布时间/发布日期/日期/时间/更新日期), a bare date line
near the title ("2025-04-27 10:14 来源…", "04.04.2018 22:42"), the block's 成文日期, and last the
signature date that closes the text. A labelled line just below the article (templates that print
「发布时间」 under it) comes after the lines near the title. A date of writing (成文) or a signature is
what the page prints when nothing else is, so it stays last.
"""

from __future__ import annotations

import re
from datetime import date

from parsing.text_lines import is_body_line

_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{1,2})(?!\d)")
_CN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日")
_EU = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d.])")
_CN_NUMERAL = re.compile(
    r"([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)

_CN_YEAR = re.compile(
    r"(?<![〇零○一二三四五六七八九十])((?:一九|二[〇零○])[〇零○一二三四五六七八九]{2})(?=年)"
)


def arabic_years(s: str) -> str:
    """「二〇二二年」 -> 「2022年」, character for character, so offsets into `s` stay valid."""
    return _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGITS[c]) for c in m.group(1)), s)


_LABELLED = re.compile(
    r"(?:发布时间|发布日期|发表时间|发布于|更新日期|更新时间|公开日期|(?<![文成止效])日期|(?<![文成止效布表新])时间)"
    r"[ ]{0,3}:?[ ]{0,3}(?=[\d(])"
)
_SENTENCE = re.compile(r"[,。;]")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _cn_number(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_DIGITS[s[1]]
    if s.endswith("十"):
        return _CN_DIGITS[s[0]] * 10
    if "十" in s:
        return _CN_DIGITS[s[0]] * 10 + _CN_DIGITS[s[2]]
    return _CN_DIGITS[s]


def parse_date(s: str) -> str | None:
    """The first date in `s` as YYYY-MM-DD: 2024-02-27, 2024/2/27, 2024年2月27日, 27.02.2024
    (day first, as European-style aggregators print it), 二〇二四年二月二十七日."""
    found = []
    for rx, order in ((_ISO, "ymd"), (_CN, "ymd"), (_EU, "dmy")):
        m = rx.search(s)
        if m:
            found.append((m.start(), m, order))
    m = _CN_NUMERAL.search(s)
    if m:
        try:
            y = int("".join(str(_CN_DIGITS[c]) for c in m.group(1)))
            found.append((m.start(), (y, _cn_number(m.group(2)), _cn_number(m.group(3))), "cn"))
        except (KeyError, IndexError):
            pass
    for _, m, order in sorted(found, key=lambda t: t[0]):
        if order == "cn":
            iso = _valid(*m)
        elif order == "ymd":
            iso = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        else:
            iso = _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if iso:
            return iso
    return None


_STRICT_LABEL = re.compile(
    r"(?:发布时间|发布日期|发表时间|发稿时间|更新时间|更新日期)[ ]{0,3}:?[ ]{0,3}(?=\d)"
)


# Dates that belong to something else: the links to the previous and next article, a related list,
# the portal's clock in its header (「今天是2024年5月10日 星期五」).
_OTHER_DATE_LINE = re.compile(
    r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇|相关)|今天是|今日是|当前时间|当前日期"
)


def labelled_date(lines: list[str]) -> str | None:
    for line in lines:
        if _OTHER_DATE_LINE.search(line):
            continue
        if len(line) > 200:
            # A copy that lost its line breaks: title, date line and body on one line.
            m = _STRICT_LABEL.search(line[:300])
            d = parse_date(line[m.end() : m.end() + 40]) if m else None
            if d:
                return d
            continue
        for m in _LABELLED.finditer(line):
            d = parse_date(line[m.end() : m.end() + 40])
            if d:
                return d
    return None


def bare_date_line(lines: list[str]) -> str | None:
    """A short line that carries a date and is not a sentence: '2025-04-27 10:14 X人民政府网',
    '来源:X日报 2026-03-16 08:15', '04.04.2018 22:42'."""
    for line in lines:
        if is_body_line(line):
            break  # a bare date under the text is a signature or furniture, not the publish line
        if len(line) > 60 or _SENTENCE.search(line) or _OTHER_DATE_LINE.search(line):
            continue
        if any(word in line for word in ("成文", "印发", "会议", "大会", "于", "截至", "以来")):
            continue  # a date of writing, of a speech (「在…会议上」「…于北京」) or of a period
        d = parse_date(line)
        if d:
            return d
    return None


def signature_date(text: str) -> str | None:
    """The date under the signature: one of the last lines that is only a date."""
    tail = [line.strip() for line in text.rstrip().split("\n")[-4:]]
    for line in reversed(tail):
        if 8 <= len(line) <= 16:
            d = parse_date(line)
            if d:
                return d
    return None


def publish_date(
    meta: dict[str, str],
    info: dict[str, str],
    detail_date: str | None,
    head_lines: list[str],
    text: str,
    tail_lines: list[str] = (),
) -> str | None:
    for key in ("pubdate", "firstpublishedtime", "publishdate", "publishtime"):
        if meta.get(key):
            d = parse_date(meta[key])
            if d:
                return d
    if detail_date:
        return detail_date
    if info.get("publish_date"):
        d = parse_date(info["publish_date"])
        if d:
            return d
    d = labelled_date(head_lines) or bare_date_line(head_lines) or labelled_date(list(tail_lines))
    if d:
        return d
    if info.get("written_date"):
        d = parse_date(info["written_date"])
        if d:
            return d
    return signature_date(text)
