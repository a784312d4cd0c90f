"""The heading tree of a report and the part (achievements, shortcomings, …) each offset is in.

Reports number their headings the same way across China: 一、 (level 1), （一） (level 2),
1. / 1、 (level 3), （1） (level 4) at the start of a line, and 一是/二是 run into paragraphs
(level 5). A heading may run into its paragraph ("（二）加强审查。本年度…"); its text then ends at
the first 。. Level-1 headings are mapped to the report's parts by their wording; a lower heading
that says explicitly what it is ("2.下一步打算" under "二、存在问题和下一步打算") overrides its parent
for the offsets it covers.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from parsing.model import Section

_CN = "一二三四五六七八九十"
_LINE = re.compile(r"[^\n]*")
_SP = r"[ \t\u3000]*"
_HEADINGS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"{_SP}(?P<num>[{_CN}]{{1,3}}){_SP}[、.．]{_SP}(?P<rest>\S.*)")),
    (2, re.compile(rf"{_SP}[（(]{_SP}(?P<num>[{_CN}]{{1,3}}){_SP}[)）][、.．]?{_SP}(?P<rest>\S.*)")),
    (3, re.compile(rf"{_SP}(?P<num>\d{{1,2}}){_SP}(?:[、．]|\.(?!\d)){_SP}(?P<rest>\S.*)")),
    (4, re.compile(rf"{_SP}[（(]{_SP}(?P<num>\d{{1,2}}){_SP}[)）][、.．]?{_SP}(?P<rest>\S.*)")),
)
_RUN_IN = re.compile(rf"(?:^|(?<=[。；;!！?？\n]))[ \t\u3000]*(?P<num>[{_CN}]{{1,3}})是[,，:：、]?")
_HEADING_END = re.compile(r"[。；;!！?？]")
_MAX_HEADING = 80
_MAX_PART_LINE = 24

# Explicit wording of the parts; checked in this order on a heading's text.
_PARTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("leader_duties", re.compile(r"第一责任人|主要负责人|党政主要负责人|履行.{0,12}职责")),
    ("shortcomings", re.compile(r"不足|存在(?:的)?问题|主要问题|问题和|问题与|短板|差距|薄弱环节|困难")),
    ("next_year", re.compile(r"下一(?:步|年|阶段)|下步|明年|来年|今后|努力方向|展望")),
    (
        "achievements",
        re.compile(
            r"主要(?:举措|措施|工作|做法|成效|成绩)|成效|成绩|进展|工作(?:情况|开展|举措)|举措|取得|落实情况|基本情况|完成情况"
            r"|总体情况|建设情况|主要情况|工作情况|主要做法|推进情况"
        ),
    ),
    # Weaker plan wording, only when the heading does not report on work done
    # ("2024年工作打算" is a plan; "2023年重点工作推进情况" is not).
    (
        "next_year",
        re.compile(
            r"(?:19|20)\d{2}\s*年(?:度)?(?:的)?(?:工作)?(?:打算|安排|计划|思路|重点|目标)"
            r"|工作(?:打算|安排|计划|思路|设想)|主要安排"
        ),
    ),
)
# A thematic heading ("加强组织领导，…") describes work done: the achievements part.
_THEMATIC = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,4})(?:加强|深化|推进|健全|完善|创新|提升|坚持|强化|严格|"
    r"全面|规范|依法|持续|扎实|着力|构建|建立|深入|加快|优化|落实|聚焦|狠抓|抓|推动|夯实|注重|做好|积极|大力)"
)


def classify_part(heading: str, *, explicit_only: bool = False) -> str | None:
    """The report part a heading names; None (explicit_only) or 'other' when it names none."""
    for part, pattern in _PARTS:
        if pattern.search(heading):
            return part
    if explicit_only:
        return None
    return "achievements" if _THEMATIC.search(heading) else "other"


def _heading_text(rest: str) -> str:
    m = _HEADING_END.search(rest)
    text = rest[: m.start()] if m else rest
    return text.strip()[:_MAX_HEADING]


def _cn_value(num: str) -> int:
    digits = {c: i + 1 for i, c in enumerate(_CN)}
    if num == "十":
        return 10
    if num.startswith("十"):
        return 10 + digits.get(num[1:2], 0)
    if "十" in num:
        tens, _, ones = num.partition("十")
        return digits.get(tens, 0) * 10 + digits.get(ones, 0)
    return digits.get(num, 0)


def parse_sections(text: str) -> list[Section]:
    """Headings of `text` in reading order, with level, number as printed, heading text and span.

    Level-1 numbering must go on from the previous level-1 heading (or restart at 一); a level-1
    style line that breaks the sequence is a list inside a paragraph, not a heading — unless it
    names a part of the report ("三、存在问题"). A 一、 right under another 一、 heading, with
    nothing between, is that heading's first child (a lost （一）), so level 2.
    """
    return [replace(s) for s in _parsed_sections(text)]


# The parser and the metric extractor both need the headings of the same text: parse it once.
@lru_cache(maxsize=8)
def _parsed_sections(text: str) -> tuple[Section, ...]:
    sections: list[Section] = []
    last_top = 0
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        for level, pattern in _HEADINGS:
            m = pattern.match(line.group())
            if not m:
                continue
            number = m.group("num")
            heading = _heading_text(m.group("rest"))
            if level == 1:
                value = _cn_value(number)
                if value == 1 and last_top == 1 and sections and sections[-1].level == 1:
                    level = 2
                elif value in (last_top + 1, 1) or classify_part(heading, explicit_only=True) not in (
                    None,
                    "achievements",
                ):
                    last_top = value
                else:
                    break
            start = line.start() + m.start("num")
            end = line.start() + m.start("rest") + len(heading)
            sections.append(Section(level=level, number=number, heading=heading, start=start, end=end))
            break
        for m in _RUN_IN.finditer(line.group()):
            rest = line.group()[m.end() :]
            heading = _heading_text(rest)
            if not heading:
                continue
            start = line.start() + m.start("num")
            sections.append(
                Section(
                    level=5,
                    number=m.group("num") + "是",
                    heading=heading,
                    start=start,
                    end=line.start() + m.end() + len(heading),
                )
            )
    sections.sort(key=lambda s: s.start or 0)
    previous: str | None = None
    for s in sections:
        if s.level == 1:
            s.part = classify_part(s.heading, explicit_only=True)
            if s.part is None:
                # A heading naming no part ("“放管服”改革不断深化") continues the account of the
                # year's work while no other part has begun.
                s.part = "achievements" if previous in (None, "achievements") else "other"
            previous = s.part
    return tuple(sections)


@dataclass(frozen=True)
class PartIndex:
    """Answers 'which part of the report is this offset in' after one parse of the headings."""

    starts: list[int]
    parts: list[str | None]

    def part_at(self, offset: int) -> str | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.parts[i] if i >= 0 else None


def _unnumbered_part_lines(text: str) -> list[Section]:
    """Short stand-alone lines that name a part without a number ("下一步工作打算"), as level-1 marks."""
    marks = []
    for line in _LINE.finditer(text):
        s = line.group().strip()
        if not s or len(s) > _MAX_PART_LINE or _HEADING_END.search(s):
            continue
        if any(p.match(line.group()) for _, p in _HEADINGS):
            continue
        part = classify_part(s, explicit_only=True)
        if part not in (None, "achievements"):  # a title line "…建设情况的报告" is no part
            marks.append(
                Section(level=1, number="", heading=s, part=part, start=line.start(), end=line.end())
            )
    return marks


def part_index(text: str, sections: list[Section] | None = None) -> PartIndex:
    """Offsets where the part changes. A level-1 heading sets the part; a deeper heading that names a
    part explicitly sets it until the next heading of its level or above. Unnumbered short lines
    that name a part ("下一步工作打算") count as level-1 headings here."""
    found = _parsed_sections(text) if sections is None else sections
    sections = sorted([*found, *_unnumbered_part_lines(text)], key=lambda s: s.start or 0)
    starts: list[int] = []
    parts: list[str | None] = []
    stack: list[tuple[int, str | None]] = []  # (level, part) of open headings
    for s in sections:
        while stack and stack[-1][0] >= s.level:
            stack.pop()
        own = s.part if s.level == 1 else classify_part(s.heading, explicit_only=True)
        if s.level == 5:
            own = None  # 一是/二是 items are points inside a part, not a part of their own
        stack.append((s.level, own))
        current = next((p for _, p in reversed(stack) if p is not None), None)
        starts.append(s.start or 0)
        parts.append(current)
    return PartIndex(starts, parts)


def part_at(text: str, offset: int) -> str | None:
    """The part (achievements | shortcomings | leader_duties | next_year | other) holding `offset`."""
    return part_index(text).part_at(offset)


@dataclass(frozen=True)
class HeadingIndex:
    """The nearest numbered heading (levels 1-4) before an offset: the topic of its paragraphs."""

    starts: list[int]
    headings: list[str]

    def heading_before(self, offset: int) -> str:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.headings[i] if i >= 0 else ""


def heading_index(text: str) -> HeadingIndex:
    found = [s for s in _parsed_sections(text) if s.level <= 4]
    return HeadingIndex([s.start or 0 for s in found], [s.heading for s in found])
