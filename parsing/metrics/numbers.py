"""Numbers as reports print them: Arabic (thousands separators, decimals), Chinese numerals
(十一, 两万), 万/亿 multipliers, 余/多 suffixes, percentages, and the unit right after them.

One compiled pattern scans a sentence once; every alternative is a bounded character class run,
so matching stays linear (no nested quantifiers over the same characters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

# Longest first: 人次 must win over 人, 个百分点 over 个.
UNITS = (
    "个百分点",
    "百分点",
    "件次",
    "人次",
    "场次",
    "批次",
    "户次",
    "万元",
    "亿元",
    "件",
    "宗",
    "起",
    "例",
    "人",
    "名",
    "位",
    "条",
    "次",
    "场",
    "期",
    "份",
    "册",
    "本",
    "张",
    "个",
    "家",
    "项",
    "篇",
    "所",
    "处",
    "元",
    "%",
    "％",
    "‰",
)
_UNIT_ALT = "|".join(re.escape(u) for u in UNITS)
_CN_DIGITS = "零〇一二两三四五六七八九十百千"

_SP = r"[ \u00a0\u3000]{0,2}"
_TAIL = rf"{_SP}(?P<more1>余|多)?(?P<mult>万|亿)?(?P<more2>余|多)?{_SP}(?P<unit>{_UNIT_ALT})?"
# Chinese numerals are everyday characters (一是, 统一, 十三五): only taken when a unit follows,
# which the lookahead checks before a match object is ever built.
_CN_NUM = (
    rf"[{_CN_DIGITS}]{{1,10}}(?:万[{_CN_DIGITS}]{{1,8}})?(?:点[零〇一二三四五六七八九]{{1,6}})?"
    rf"(?={_SP}(?:余|多)?(?:万|亿)?(?:余|多)?{_SP}(?:{_UNIT_ALT}))"
)
# Each pattern opens with a lookahead on its possible first characters: the engine then passes
# over ordinary text at once instead of trying every alternative at every position.
_TOKEN = re.compile(
    r"(?=[\d百零〇一二两三四五六七八九十千])"
    r"(?:(?P<pctcn>百分之(?P<pctnum>\d+(?:\.\d+)?|百|[零〇一二两三四五六七八九十点]{1,8}))"
    rf"|(?P<num>\d{{1,3}}(?:,\d{{3}})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?|{_CN_NUM}){_TAIL})"
)
_NEEDS_FOLDING = re.compile("[０-９，．％]")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９，．％", "0123456789,.%")
_YEAR = re.compile(
    r"(?=[12二〇○零一三四五六七八九])(?:(?<!\d)((?:19|20)\d{2})\s*年(?!代)|([二〇○零一三四五六七八九]{4})年)"
)
# What follows a number that makes it a date, a time, an ordinal or a name rather than a quantity.
_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_NOT_QUANTITY_AFTER = re.compile(r"[年月日号时点届周岁代G级类星型]|[A-Za-z]|个?工作日|小时|分钟|天|周年|季度")


# 一 with a unit is mostly an idiom (一件事, 一次办, 一人一档); with 名/位 it counts people
# ("聘请法律顾问一名"), unless a pairing follows (一名一策).
_ONE_COUNTS = re.compile(r"[名位](?![一\u4e00-\u9fff]?一)")
# …and with 件/宗/起 right after a case verb or outcome it counts cases ("胜诉七件、败诉一件").
_ONE_CASE_AFTER = re.compile(
    r"(?:胜诉|败诉|维持|撤销|驳回|违法|受理|收到|新收|审结|办结|案件|申请|尚有|还有|仍有|依申请公开)$"
)


@dataclass(frozen=True)
class NumToken:
    start: int  # span of the number and its unit, relative to the scanned string
    end: int
    value: float
    unit: str | None  # as printed (人次, 宗, %, …), None when no unit follows
    more: bool  # 余/多 printed with the number
    chinese: bool  # written in Chinese numerals


def fold_width(text: str) -> str:
    """Full-width digits and separators to ASCII, same length (spans stay valid)."""
    return text.translate(_FULLWIDTH_DIGITS) if _NEEDS_FOLDING.search(text) else text


@lru_cache(maxsize=4096)
def cn_to_number(s: str) -> float | None:
    """Chinese numeral to a number (十一 → 11, 两千 → 2000, 百 → 100); None when it is not one."""
    if s[:1] in ("百", "千"):
        s = "一" + s  # 百余场, 千余人
    try:
        return float(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def _value(m: re.Match[str]) -> tuple[float | None, bool]:
    if m.group("pctcn"):
        raw = m.group("pctnum")
        if raw[0].isdigit():
            return float(raw), False
        return (100.0 if raw == "百" else cn_to_number(raw)), True
    raw = m.group("num")
    if raw[0].isdigit():
        return float(raw.replace(",", "")), False
    return cn_to_number(raw), True


def iter_numbers(s: str) -> list[NumToken]:
    """Every quantity in `s` (years, dates, ordinals and bare Chinese digits without a unit left out)."""
    s = fold_width(s)
    tokens: list[NumToken] = []
    for m in _TOKEN.finditer(s):
        start, end = m.span()
        num = m.group("num")
        bare = (
            m.group("unit") is None
            or (
                num == "一"
                and not m.group("mult")
                and not _ONE_COUNTS.match(s, m.start("unit"))
                and not (m.group("unit") in ("件", "宗", "起") and _ONE_CASE_AFTER.search(s, 0, start))
            )
            or (num == "二" and m.group("unit") == "次")
        )  # 二次派单: a second time (two are 两次)
        if num and not num[0].isdigit() and bare:
            continue  # bare 十三五 / 二十届, or the idioms 一件事, 一次办
        value, chinese = _value(m)
        if value is None:
            continue
        if m.group("pctcn"):
            tokens.append(NumToken(start, end, value, "%", False, chinese))
            continue
        unit = m.group("unit")
        mult = m.group("mult")
        prev = s[start - 1] if start else ""
        if prev and ((prev.isascii() and prev.isalnum()) or prev in "第."):
            continue  # IPv6, G20, 第3, the tail of 1.5.3
        if unit is None and _NOT_QUANTITY_AFTER.match(s, m.end("num")):
            continue
        if mult == "万" and unit == "元":
            unit = "万元"
        elif mult == "亿" and unit == "元":
            unit = "亿元"
        elif mult:
            value *= 10_000 if mult == "万" else 100_000_000
        if unit == "％":
            unit = "%"
        more = bool(m.group("more1") or m.group("more2"))
        tokens.append(NumToken(start, end, value, unit, more, chinese))
    return tokens


def years_in(s: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of every year written in `s` (2023年, 二〇二三年)."""
    found = []
    for m in _YEAR.finditer(s):
        year = int(m.group(1) or m.group(2).translate(_CN_YEAR_DIGITS))
        found.append((m.start(), m.end(), year))
    return found
