"""Catalog metric facts from a report's normalised text.

For every sentence outside the next-year plan: find the numbers (one scan), and for each decide
  1. whether it is a figure at all here (not a growth rate, a multi-year total, a plan, a sub-unit);
  2. its key: the catalog rule whose cue word stands nearest to it (catalog.RULES);
  3. its year: the year the sentence names before it, the year before for 上年/去年 figures, else
     the report year; and its qualifier (约/余/以上/不足 …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsing.metrics.catalog import RULES, Rule
from parsing.metrics.numbers import NumToken, fold_width, iter_numbers, years_in
from parsing.metrics.sentences import clause_end, clause_start, sentence_spans
from parsing.model import MetricFact
from parsing.sections import part_index

# Changes, not levels: 同比下降2.1个百分点, 增长20%, 比上年增加5件.
_GROWTH_TAIL = re.compile(
    r"(?<!新)(?:增加|减少|增长|下降|上升|提高|降低|提升|回落|增|减|多|少)了?(?:约|近|达|超过)?$")
_COMPARISON = re.compile(r"同比|环比|较|相比|比(?:上|去|前|\d)|与.{0,8}相比")
_PREVIOUS_YEAR_TAIL = re.compile(
    r"(?:上年|去年|上一年度?|上年度|前一年|上年同期|去年同期|同期)(?:同期)?(?:的|为|是)?$")
_GROWTH_WORDS = re.compile(r"增幅|降幅|增长率|下降率|增速|百分点")
# Totals over several years: 近三年累计, 2021年至2023年共, 五年来.
_MULTI_YEAR = re.compile(
    r"近[两二三四五六七八九十]年|[两二三四五六七八九十]年(?:来|间|以来|累计)"
    r"|(?:19|20)\d{2}\s*年?\s*(?:至|到|—|－|-|~)\s*(?:19|20)\d{2}"
    r"|历年|十[一二三四五]五(?:期间|以来)|本届政府以来|成立以来|大以来|以来累计|累计以来")
_SINCE = re.compile(r"\s*以来")
# A parenthesis holds a breakdown or an aside ("(含上年结转3件)"), not the sentence's figure.
_PARENTHESIS = re.compile(r"[(（][^()（）]{0,80}[)）]")
_PLAN = re.compile(
    r"计划|拟(?:于|在|将|开展|组织)|力争|争取|预计|目标|将(?:要|继续|进一步|持续|开展|组织|举办)|打算")
_PLAN_START = re.compile(
    r"^(?:下一步|下步|明年|今后|(?:19|20)\d{2}\s*年[,，]?\s*(?:我|全|本)?[\u4e00-\u9fff]{0,3}将)")
_RATE_TAIL = re.compile(
    r"率(?:为|是|达|达到|均为|均达|均达到|保持在|稳定在|提高到|提升至|提高至|提升到|上升到|上升至)?$")
# A department of the reporting government acting as the subject: its figure is a sector's, not the body's.
_SUB_UNIT = re.compile(
    r"(?:其中|^)[,，:：]?\s*(?P<org>(?:[省市县区州旗]|[\u4e00-\u9fff]{2,4}[省市县区])"
    r"[\u4e00-\u9fff]{1,8}?(?:局|委员会|监督管理局|支队|大队))")
# Offices that act for the government as a whole (its legal, reconsideration and petition work).
_WHOLE_BODY_OFFICE = re.compile(r"司法|法制|复议|政府|依法治|信访")
_GUIDED = re.compile(r"指导")
_LINE = re.compile(r"[^\n]+")
_OWN_LEVEL = re.compile(r"本级|全局|本局|我局|局机关|机关本级")
_OBJECT_FIRST = re.compile(r"^(?:并|又|还|共|先后|均|同时)?对(?:于)?")
_ALL_WON = re.compile(r"均(?:已)?胜诉|全部胜诉|全部获胜")
_BOOK_TITLE = re.compile(r"《[^》]{0,80}》|〔[^〕]{0,12}〕|\[[^\]]{0,12}\]")
_QUAL_BEFORE = (
    ("more_than", re.compile(r"(?:超过|超出|超|逾|多于|高于)了?$")),
    ("approx", re.compile(r"(?:约|大约|近|将近|接近|近乎)$")),
    ("at_least", re.compile(r"(?:不少于|不低于|至少|不下)$")),
    ("less_than", re.compile(r"(?:不足|不到|少于|低于|未满|未超过)$")),
)
_QUAL_AFTER = (
    ("at_least", re.compile(r"^(?:及|或)?以上")),
    ("approx", re.compile(r"^(?:左右|上下)")),
)
_WEAK_PENALTY = 10_000
_OTHER_CLAUSE_PENALTY = 1_000
_NOUN_AFTER_PENALTY = 100
# Cheap test that a sentence can hold a figure at all (most sentences of a report do not).
_ANY_NUMBER = re.compile(r"[0-9０-９]|百分之|[零〇一二两三四五六七八九十百千][余多万亿]?"
                         r"[件宗起例人名位次场份册本个条]")
_LEAD_CHARS = 120  # how far back in the paragraph a sentence's subject may stand
_DOMAINS = tuple({r.domain.pattern: r.domain for r in RULES if r.domain is not None}.values())
# "13个乡镇", "十件惠民实事": a classifier followed by the noun it counts, which is not a case.
_CASE_UNITS = frozenset({"件", "宗", "起", "例", "个", "件次"})
_COUNTED_NOUN = re.compile(r"[\u4e00-\u9fff]")
_FUNCTION_START = re.compile(r"[已均其同较比占涉依按并且和及都共为是在中左以上下余多增减降提环、]")
_CASE_NOUN = re.compile(
    r"^(?:的)?[\u4e00-\u9fff]{0,8}?(?:案|申请|纠纷|诉求|工单|文件|投诉|事项|信访|来信|来访|信息)")
_YEAR_WINDOW = 10  # a named year this far before the report year is still a comparison figure


@dataclass
class _Candidate:
    rule: Rule
    token: NumToken
    value: float
    qualifier: str
    year: int | None


def _blank_titles(s: str) -> str:
    """Book titles and document numbers hide years and numbers that are not figures; blank them
    out (same length) before looking for years and cues."""
    return _BOOK_TITLE.sub(lambda m: "　" * len(m.group()), s)


def _qualifier(pre: str, post: str, token: NumToken) -> str:
    if token.more:
        return "more_than"
    tail = pre[-6:]
    for name, pattern in _QUAL_BEFORE:
        if pattern.search(tail):
            return name
    for name, pattern in _QUAL_AFTER:
        if pattern.search(post):
            return name
    return "exact"


def _active_domain(ctx: str) -> re.Pattern[str] | None:
    """The subject named last before the number: it governs clauses without their own subject."""
    best: tuple[int, re.Pattern[str]] | None = None
    for d in _DOMAINS:
        last = -1
        for m in d.finditer(ctx):
            last = m.end()
        if last >= 0 and (best is None or last > best[0]):
            best = (last, d)
    return best[1] if best else None


def _choose_rule(unit: str, ctx: str, pre: str, post: str, object_first: bool,
                 own_clause: int, noun_follows: bool) -> Rule | None:
    """The eligible rule whose cue stands nearest to the number.

    `pre` is the text before the number back to the previous figure, at most one clause beyond
    the number's own; its last `own_clause` characters are the number's own clause, and a cue
    outside it only counts when the own clause has none. When a noun follows the number
    ("办理了23件行政处罚案件") that noun phrase is searched too, after the words before it.
    """
    local = pre[len(pre) - own_clause:] + "|" + post
    wide = pre + "|" + post
    active = _active_domain(ctx)
    best: tuple[int, int, Rule] | None = None
    for order, r in enumerate(RULES):
        if unit not in r.units:
            continue
        if r.domain is not None and not (
            (active is not None and r.domain.pattern == active.pattern)
            or r.domain.search(pre)
            or ((active is None or noun_follows) and r.domain.search(post))
        ):
            continue
        if r.needs is not None and not r.needs.search(wide):
            continue
        if r.exclude is not None and r.exclude.search(local):
            continue
        distance: int | None = None
        if object_first:
            # "对X文件10件,进行了备案审查": the verb comes after, and the last cue is the head verb.
            for m in r.cue.finditer(post):
                d = len(post) - m.end()
                distance = d if distance is None else min(distance, d)
        else:
            for m in r.cue.finditer(pre):
                d = len(pre) - m.end()
                if d > own_clause:
                    d += _OTHER_CLAUSE_PENALTY
                distance = d if distance is None else min(distance, d)
            if r.near is not None and distance is not None and distance > r.near:
                distance = None
            if r.around or (noun_follows and r.near is None):
                m = r.cue.search(post)
                if m is not None:
                    d = m.start() if r.around else m.start() + _NOUN_AFTER_PENALTY
                    distance = d if distance is None else min(distance, d)
        if distance is None:
            continue
        if r.weak:
            distance += _WEAK_PENALTY
        if best is None or (distance, order) < (best[0], best[1]):
            best = (distance, order, r)
    return best[2] if best else None


def _sentence_facts(sentence: str, report_year: int | None, issuer: str | None, issuer_kind: str | None,
                    own_level: bool, lead: str = "") -> list[_Candidate]:
    """Facts of one sentence; `lead` is the paragraph text just before it, where the subject of
    a sentence that has none of its own stands ("在行政复议方面…;审结136件,其中维持78件")."""
    scan = _blank_titles(fold_width(sentence))
    tokens = iter_numbers(scan)
    if not tokens:
        return []
    years = years_in(scan)
    asides = [m.span() for m in _PARENTHESIS.finditer(scan)]
    # "2021年以来" in a 2023 report: what follows adds up several years.
    since = min((ye for _s, ye, y in years if report_year and y < report_year and _SINCE.match(scan, ye)),
                default=None)
    out: list[_Candidate] = []
    prev_end = 0
    if _PLAN_START.search(scan):
        return []
    for i, tok in enumerate(tokens):
        next_start = tokens[i + 1].start if i + 1 < len(tokens) else len(scan)
        cstart = clause_start(scan, tok.start)
        window_start = max(prev_end, clause_start(scan, max(0, cstart - 1)))
        pre = scan[window_start:tok.start]
        ctx = scan[:tok.start]
        clause = scan[cstart:tok.start]
        cend = clause_end(scan, tok.end)
        post = scan[tok.end:min(next_start, cend)]
        prev_end_before = prev_end
        if tok.unit is not None:
            prev_end = tok.end
        if any(a <= tok.start < b for a, b in asides) or (since is not None and tok.start > since):
            continue
        unit = tok.unit
        if unit is None:
            if not _RATE_TAIL.search(pre):
                continue
            unit = "%"
        if unit in ("个百分点", "百分点") or _GROWTH_WORDS.search(pre[-4:]):
            continue
        if _GROWTH_TAIL.search(pre) and _COMPARISON.search(clause):
            continue
        if _MULTI_YEAR.search(ctx) or _PLAN.search(clause):
            continue
        sub_unit = _SUB_UNIT.search(clause.strip())
        if sub_unit and not _WHOLE_BODY_OFFICE.search(sub_unit["org"]) and not (
            issuer and (sub_unit["org"] in issuer or issuer.endswith(sub_unit["org"][1:]))
        ):
            continue
        if own_level and _GUIDED.search(clause):
            continue
        if (unit in _CASE_UNITS and _COUNTED_NOUN.match(post) and not _FUNCTION_START.match(post)
                and not _CASE_NOUN.match(post)):
            continue
        object_first = _OBJECT_FIRST.match(clause.strip()) is not None
        if object_first:
            post = scan[tok.end:min(next_start, clause_end(scan, cend + 1))]
        year = report_year
        for ys, _ye, y in years:
            if ys < tok.start:
                year = y
        previous_year = _PREVIOUS_YEAR_TAIL.search(pre) is not None
        noun_follows = bool(_COUNTED_NOUN.match(post)) and not _FUNCTION_START.match(post)
        own_clause = tok.start - max(cstart, window_start)
        r = _choose_rule(unit, lead + "|" + ctx, pre, post, object_first, own_clause,
                         noun_follows and not object_first)
        if previous_year and report_year is not None:
            year = report_year - 1
        if r is None and out and unit in out[-1].rule.units and (
            previous_year or any(prev_end_before <= ys < tok.start for ys, _e, _y in years)
        ):
            # "2023年收到52件,2022年为41件" / "较上年的38件": a figure for comparison repeats the key
            r = out[-1].rule
        if r is None:
            continue
        if report_year is not None and year is not None and not (
            report_year - _YEAR_WINDOW <= year <= report_year
        ):
            continue  # a plan for a later year, or a stray historical figure
        value = tok.value
        if r.unit == "%" and not 0 <= value <= 100:
            continue
        out.append(_Candidate(r, tok, value, _qualifier(pre, scan[tok.end:], tok), year))
        if r.key == "litigation_cases" and _ALL_WON.search(scan, tok.end):
            won = next(x for x in RULES if x.key == "litigation_won")
            out.append(_Candidate(won, tok, value, out[-1].qualifier, year))
    return out


def extract_metrics(text: str, report_year: int | None, *, issuer: str | None = None,
                    issuer_kind: str | None = None) -> list[MetricFact]:
    """Catalog facts stated in `text`, each with the sentence it comes from (span into `text`).

    The same key, value and year stated twice is one fact (the first sentence is kept).
    """
    parts = part_index(text)
    # A department that states its own figures (本级/全局) beside the area it guides: paragraphs
    # (lines) that name its own level are read without the guided clauses.
    own_lines = [m.span() for m in _LINE.finditer(text) if _OWN_LEVEL.search(m.group())] \
        if issuer_kind == "department" else []
    facts: list[MetricFact] = []
    seen: set[tuple[str, float, int | None]] = set()
    for start, end in sentence_spans(text):
        if parts.part_at(start) == "next_year":
            continue
        sentence = text[start:end]
        if not _ANY_NUMBER.search(sentence):
            continue
        own_level = any(a <= start < b for a, b in own_lines)
        line_start = text.rfind("\n", 0, start) + 1
        lead = text[max(line_start, start - _LEAD_CHARS):start]
        for c in _sentence_facts(sentence, report_year, issuer, issuer_kind, own_level, lead):
            ident = (c.rule.key, round(c.value, 4), c.year)
            if ident in seen:
                continue
            seen.add(ident)
            facts.append(MetricFact(
                key=c.rule.key, value=c.value, unit=c.rule.unit, qualifier=c.qualifier,
                period_year=c.year, evidence=sentence, start=start, end=end,
            ))
    return facts
