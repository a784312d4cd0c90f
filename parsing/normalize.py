"""Text normalisation: whitespace, full-width ASCII to half-width, 繁→简.

The gold texts keep Chinese punctuation that has no ASCII twin (、。“”《》〔〕—) but use ASCII for the
full-width forms of ASCII characters (，：（）；？！ and full-width digits/letters). The width and
script conversions are done character for character, so a span in `Report.text` addresses the same
characters in `Report.original_text`.
"""

from __future__ import annotations

import re
from functools import lru_cache

# U+FF01..U+FF5E are the full-width forms of U+0021..U+007E; U+3000 is the ideographic space.
_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE.update(
    {
        0x3000: 0x20,
        0x00A0: 0x20,
        0x2002: 0x20,
        0x2003: 0x20,
        0x2009: 0x20,
        0x200A: 0x20,
        0x202F: 0x20,
        0x205F: 0x20,
        0x0009: 0x20,
        0x000B: 0x20,
        0x000C: 0x0A,
        0x2028: 0x0A,
        0x2029: 0x0A,
    }
)
# Zero-width characters and soft hyphens carry nothing a reader sees.
_DROP = dict.fromkeys([0x200B, 0x200C, 0x200D, 0xFEFF, 0x00AD, 0x2060], None)

# "戰(zhàn)略": mirrors of zh-HK pages print pinyin glosses after some characters. A gloss is a
# parenthesised run of latin letters that carries at least one tone mark; plain "(2015-2020年)" or
# "(PDF)" never matches.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_PINYIN_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])\((?=[a-z" + _TONED + r"]{0,6}[" + _TONED + r"])[a-z" + _TONED + r"]{1,7}\)"
)
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_CRLF = re.compile(r"\r\n?")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def clean_whitespace(text: str) -> str:
    """Unify line ends, drop invisible characters, half-width ASCII, tidy blank lines."""
    text = _CRLF.sub("\n", text)
    text = text.translate(_DROP).translate(_WIDTH_TABLE)
    text = _PINYIN_GLOSS.sub("", text)
    # Line by line rather than a regex: a long run of spaces inside a line must stay linear.
    text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip("\n ")


def to_simplified(text: str) -> str:
    """繁→简 that keeps the length: where OpenCC's phrase rules change the length of a line, that
    line is converted character by character instead."""
    if not _CJK.search(text):
        return text
    converter = _t2s()
    out = converter.convert(text)
    if len(out) == len(text):
        return out
    lines = []
    for line in text.split("\n"):
        conv = converter.convert(line)
        if len(conv) != len(line):
            conv = "".join(c if len(c2 := converter.convert(c)) != 1 else c2 for c in line)
        lines.append(conv)
    return "\n".join(lines)


def normalize(text: str) -> tuple[str, str | None]:
    """Return (normalised text, original text before 繁→简 or None when nothing changed)."""
    cleaned = clean_whitespace(text)
    simplified = to_simplified(cleaned)
    return simplified, (cleaned if simplified != cleaned else None)
