"""How reports write numbers: digits, Chinese numerals, 万 amounts, qualifiers."""

from __future__ import annotations

import random

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1..9999 in Chinese numerals as reports write them (十二, 二十三, 一百零五, 两千三百)."""
    if not 0 < n < 10000:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out = ""
    units = ((1000, "千"), (100, "百"), (10, "十"))
    zero_pending = False
    for size, word in units:
        d = n // size % 10
        if d:
            if zero_pending:
                out += "零"
                zero_pending = False
            digit = "两" if d == 2 and size >= 1000 else _DIGITS[d]
            out += digit + word
        elif out:
            zero_pending = True
    if n % 10:
        if zero_pending:
            out += "零"
        out += _DIGITS[n % 10]
    return out


def wan(n: int) -> str:
    """10500 -> '1.05万'; only for exact multiples of 100 at or above 10000."""
    if n < 10000 or n % 100:
        raise ValueError(n)
    text = f"{n / 10000:.2f}".rstrip("0").rstrip(".")
    return text + "万"


QUALIFIER_WORDS = {
    "more_than": ("{n}余", "{n}多", "超过{n}", "逾{n}"),
    "approx": ("约{n}", "近{n}", "{n}左右"),
    "at_least": ("{n}以上", "不少于{n}"),
    "less_than": ("不足{n}",),
}


def rounded_for(qualifier: str, value: int) -> int:
    """A round figure the way writers round when they add 余/约/以上."""
    if value >= 10000:
        step = 1000
    elif value >= 1000:
        step = 100
    elif value >= 100:
        step = 10
    else:
        return max(value, 1)
    if qualifier == "less_than":
        return (value // step + 1) * step
    return max(value // step * step, step)


def render_count(
    rng: random.Random, value: int, unit: str, *, allow_fuzzy: bool = True
) -> tuple[str, int, str]:
    """Phrase a count with its unit; returns (text, value as written, qualifier).

    The value returned is the figure a careful reader takes from the text, which is what the
    truth records (e.g. '1200余件' -> 1200, more_than).
    """
    roll = rng.random()
    if allow_fuzzy and value >= 30 and roll < 0.18:
        qualifier = rng.choice(
            ("more_than", "more_than", "more_than", "approx", "approx", "at_least", "less_than")
        )
        shown = rounded_for(qualifier, value)
        number = wan(shown) if shown >= 10000 and shown % 100 == 0 and rng.random() < 0.6 else str(shown)
        pattern = rng.choice(QUALIFIER_WORDS[qualifier])
        # 以上 and 左右 follow the unit in running text: '5000人以上', '300件左右'.
        if pattern.endswith(("以上", "左右")):
            suffix = pattern[len("{n}") :]
            return f"{number}{unit}{suffix}", shown, qualifier
        if pattern.endswith(("余", "多")):
            return f"{pattern.format(n=number)}{unit}", shown, qualifier
        return f"{pattern.format(n=number)}{unit}", shown, qualifier
    if value >= 10000 and roll < 0.55:
        shown = value // 100 * 100
        return f"{wan(shown)}{unit}", shown, "exact"
    if 0 < value < 100 and roll > 0.82:
        return f"{chinese_numeral(value)}{unit}", value, "exact"
    if value >= 1000 and roll > 0.93:
        return f"{value:,}{unit}", value, "exact"
    if roll > 0.97:
        return f"{str(value).translate(_FULL_WIDTH)}{unit}", value, "exact"
    return f"{value}{unit}", value, "exact"


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def render_rate(value: float) -> str:
    """99.5 -> '99.5%', 100.0 -> '100%'."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text + "%"


def chinese_date(year: int, month: int, day: int) -> str:
    return f"{year}年{month}月{day}日"
