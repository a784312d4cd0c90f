"""Whether a number is a figure of the reporting body's year at all (spec/gold_format.md).

Not when it is a change (同比增长20%), a multi-year total, a plan, a sub-unit's or a sub-area's
figure, a larger area's (全市 in a district's report), the area a department only guides, a part
of the area (个别县区), a slice by subject (涉企), or a count of something else (13个乡镇).
"""

from __future__ import annotations

import re

from parsing.metrics import context as cx
from parsing.metrics.numbers import NumToken
from parsing.metrics.prepared import Sentence

CONTEXT_CHARS = 300  # how far back in a sentence its subject or a multi-year marker is looked for
_OWN_SUBJECT = re.compile(r"我|本|其中")


def is_change(unit: str | None, pre: str, clause: str) -> bool:
    """同比下降2.1个百分点, 增长20%, 比上年增加5件: a change, not a level."""
    if unit in ("个百分点", "百分点") or cx.GROWTH_WORDS.search(pre[-4:]):
        return True
    return cx.GROWTH_TAIL.search(pre) is not None and cx.COMPARISON.search(clause) is not None


def _larger_area(s: Sentence, clause: str, issuer: str | None) -> bool:
    """The clause (or the sentence, when the clause names no subject) is about a larger area than
    the reporting body's ("全市行政机关负责人出庭应诉率99.1%" in a district's report); the body as
    defendant in that area's courts stays its own figure."""
    if not issuer or cx.RESPONDENT.search(clause):
        return False
    m = cx.AREA_WORD.match(clause.strip())
    if m is None and not _OWN_SUBJECT.search(clause):
        m = cx.AREA_WORD.match(s.scan.lstrip())
    rank = cx.issuer_rank(issuer) if m else None
    return m is not None and rank is not None and cx.area_rank(m["area"]) > rank


def skip(
    s: Sentence,
    tok: NumToken,
    clause: str,
    pre: str,
    post: str,
    *,
    issuer: str | None,
    own_level: bool,
    unit: str,
) -> bool:
    """True when the number is no figure of the reporting body's year (the conventions)."""
    ctx = s.scan[max(0, tok.start - CONTEXT_CHARS) : tok.start]
    if cx.MULTI_YEAR.search(ctx) or cx.PLAN.search(clause):
        return True
    if s.since is not None and tok.start > s.since:
        return True
    # a sub-unit as the subject of the number's clause, or of the whole sentence ("其中,石牌街道
    # 处理工单2.1万件,按时办结率100%")
    for sub_unit in (
        cx.SUB_UNIT.search(clause.strip()),
        s.sub_unit,
        cx.QIZHONG_UNIT.match(clause.strip()),
        cx.QIZHONG_UNIT.match(s.scan.lstrip()),
    ):
        if (
            sub_unit
            and not cx.WHOLE_BODY_OFFICE.search(sub_unit["org"])
            and not (issuer and (sub_unit["org"] in issuer or issuer.endswith(sub_unit["org"][1:])))
        ):
            return True
    for sub_area in (cx.SUB_AREA.match(clause.strip()), cx.SUB_AREA.match(s.scan.lstrip())):
        if sub_area and issuer and sub_area["org"] not in issuer:
            return True  # (without a known issuer the place may be the body's own)
    if cx.PART_OF_AREA.search(pre) or cx.SOME_UNITS_COUNTED.search(clause) or _larger_area(s, clause, issuer):
        return True
    if (
        issuer
        and (cx.issuer_rank(issuer) or 0) >= 1
        and (cx.LOWER_UNITS.match(clause) or cx.LOWER_UNITS.match(s.scan))
    ):
        return True
    composed = cx.COMPOSED_OF.search(s.scan)
    if composed and composed.start() <= tok.start < composed.end():
        return True
    if (
        own_level
        # "全市共办理…1,086件,其中本级办理…97件": the clause naming the own level is the body's
        and not cx.OWN_LEVEL.search(clause)
        and (
            cx.GUIDED.search(s.scan, 0, tok.start) or cx.AREA_WIDE.match(s.scan) or cx.AREA_WIDE.match(clause)
        )
    ):
        return True
    if cx.SUBSET.search(clause):
        return True
    if unit == "个" and (
        cx.ORG_COUNTED.match(post)
        or (not cx.CASE_NOUN_BEFORE.search(clause) and not cx.CASE_NOUN.match(post))
    ):
        return True
    return (
        unit in cx.CASE_UNITS
        and cx.COUNTED_NOUN.match(post) is not None
        and not cx.FUNCTION_START.match(post)
        and not cx.CASE_NOUN.match(post)
    )
