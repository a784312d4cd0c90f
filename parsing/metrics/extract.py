"""Catalog metric facts from a report's normalised text.

For every sentence outside the next-year plan: find the numbers (one scan), and for each decide
  1. whether it is a figure of the year at all (not a growth rate, a multi-year total, a plan,
     a sub-unit's figure, an aside in brackets) — scope.py, context.py (the sentence is
     prepared once in prepared.py);
  2. its key: the catalog rule whose cue word stands nearest to it — catalog.py, choose.py;
  3. its year: the year the sentence names before it, the year before for 上年/去年 figures, else
     the report year; and its qualifier (约/余/以上/不足 …).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from parsing.metrics import context as cx
from parsing.metrics.catalog import Rule
from parsing.metrics.choose import choose_rule, rule_for_key
from parsing.metrics.numbers import NumToken
from parsing.metrics.prepared import Sentence, prepare
from parsing.metrics.scope import CONTEXT_CHARS, is_change, skip
from parsing.metrics.sentences import clause_end, clause_start, sentence_spans
from parsing.metrics.tables import has_table, table_figures
from parsing.model import MetricFact
from parsing.sections import heading_index, part_index

_LINE = re.compile(r"[^\n]+")
_LEAD_CHARS = 120  # how far back in the paragraph a sentence's subject may stand
_YEARS_LOOKED_AT = 8
# A year opening the sentence ("2019年以来,", "截至2023年底,") is the topic of all its figures.
_OPENING_YEAR = re.compile(r"^\s*(?:在|自|截至|截止|从|于|至)?\s*$")
_YEAR_WINDOW = 10  # a named year this far before the report year is still a comparison figure
_DIRECTLY_BEFORE = re.compile(r"^(?:同期)?(?:的|为|是)?[(（]?$")
_CHANGED_TO_BETWEEN = re.compile(r"(?:提高|提升|上升|增加|增长|下降|降低|减少|降|升)(?:到|至)")
_BRACKET_AFTER = re.compile(r"[(（、]")
_REGULATIONS_COUNTED = re.compile(r"规章(?:草案)?\s*$")
# "附表：2023年主要数据" / "附件：1.…": a line opening an appendix at the end of the report.
_APPENDIX = re.compile(r"^[ \t\u3000]*附(?:表|件)\s*[\d一二三四五六七八九十]*\s*[:：]", re.M)


@dataclass
class _Candidate:
    rule: Rule
    token: NumToken
    value: float
    qualifier: str
    year: int | None


def _year(
    s: Sentence,
    tok: NumToken,
    figure_before: int,
    own_clause_start: int,
    report_year: int | None,
    pre: str,
    aside_previous: bool,
) -> tuple[int | None, bool]:
    """(period year, whether the number is a figure for comparison).

    A year governs a number when it stands in the number's own clause or opens the
    sentence ("2019年以来,…"); a year further back belongs to another statement ("继2021年获评
    示范县后,今年受理…").
    """
    year = report_year
    named_here = False
    before = bisect.bisect_left(s.year_starts, tok.start)
    for ys, ye, y in reversed(s.years[max(0, before - _YEARS_LOOKED_AT) : before]):
        if ys >= tok.start or not (ys >= own_clause_start or _OPENING_YEAR.match(s.scan[:ys])):
            continue
        if cx.SINCE.match(s.scan, ye):
            continue  # "2012年以来制发的文件": a starting point, not the figure's year
        if cx.COMPARED_YEAR_BEFORE.search(s.scan[max(0, ys - 3) : ys]) and not _DIRECTLY_BEFORE.match(
            s.scan[ye : tok.start]
        ):
            continue  # "较2022年增加5件,达到62件": 2022 is the comparison, not 62's year
        if _CHANGED_TO_BETWEEN.search(s.scan, ye, tok.start):
            continue  # "由2021年的91.3%提高到96.8%": the year is the old level's
        year, named_here = y, ys >= figure_before
        break
    previous = aside_previous or cx.PREVIOUS_YEAR_TAIL.search(pre) is not None
    if previous and not named_here and report_year is not None:
        year = report_year - 1
    return year, previous or named_here


def _sentence_facts(
    s: Sentence,
    report_year: int | None,
    issuer: str | None,
    own_level: bool,
    issuer_kind: str | None = None,
) -> list[_Candidate]:
    scan, tokens = s.scan, s.tokens
    out: list[_Candidate] = []
    prev_end = 0
    for i, tok in enumerate(tokens):
        next_start = tokens[i + 1].start if i + 1 < len(tokens) else len(scan)
        cstart = clause_start(scan, tok.start)
        window_start = max(prev_end, clause_start(scan, max(0, cstart - 1)))
        figure_before = prev_end
        pre = scan[window_start : tok.start]
        clause = scan[cstart : tok.start]
        if is_change(tok.unit, pre, clause):
            continue  # a change is read through: "较上年增加30件,达到410件" keeps its subject
        if tok.unit is not None:
            prev_end = tok.end
        cend = clause_end(scan, tok.end)
        # an aside in brackets ("受理39件(不予受理3件)") or the next item of a list ("驳回6件、
        # 申请人撤回8件") after the number says nothing about it
        post = _BRACKET_AFTER.split(scan[tok.end : min(next_start, cend)], maxsplit=1)[0]
        k = bisect.bisect_right(s.asides, (tok.start, len(scan))) - 1
        aside = s.asides[k] if k >= 0 and s.asides[k][0] <= tok.start < s.asides[k][1] else None
        aside_previous = aside is not None and bool(
            cx.PREVIOUS_YEAR_ASIDE.search(scan[max(0, aside[0] - 10) : aside[0] + 1])
            or cx.PREVIOUS_YEAR_INSIDE.match(scan, aside[0] + 1, tok.start)
            or cx.YEAR_INSIDE.match(scan, aside[0] + 1, tok.start)
        )
        aside_statement = aside is not None and cx.ASIDE_STATEMENT.match(scan, aside[0] + 1) is not None
        if (
            aside is not None
            and not aside_previous
            and not aside_statement
            and not cx.BREAKDOWN.match(scan, aside[0] + 1)
        ):
            continue  # an aside; only a breakdown "(其中:维持8件,撤销1件)" or a statement gives figures
        unit = tok.unit
        if unit is None:
            if not cx.RATE_TAIL.search(pre):
                continue
            unit = "%"  # "出庭应诉率达到85以上": a rate printed without its sign
        if skip(s, tok, clause, pre, post, issuer=issuer, own_level=own_level, unit=unit):
            continue
        object_first = (
            bool(cx.OBJECT_FIRST.match(clause.strip()) or cx.OBJECT_FIRST.match(pre.strip()))
            and not cx.VERB_BEFORE.search(clause)
        ) or cx.OUTCOME_AFTER.match(post) is not None
        own_post = len(post)
        own_post_text = post
        if object_first or cx.ALL_OF_THEM_NEXT.match(scan, cend + 1):
            # "对X文件10件,进行了审查" / "文件14件,全部经过合法性审查": the verb follows
            object_first = True
            post = scan[tok.end : min(next_start, clause_end(scan, cend + 1))]
        elif cx.COMPARISON_CLAUSE.match(scan, cend + 1):
            # "文件12件,较上年的15件减少3件,全部经合法性审查": the verb follows the comparison
            after = clause_end(scan, cend + 1) + 1
            if cx.ALL_OF_THEM_NEXT.match(scan, after):
                object_first = True
                post = scan[tok.end : cend] + scan[after - 1 : clause_end(scan, after)]
        year, comparison = _year(s, tok, figure_before, cstart, report_year, pre, aside_previous)
        if i in s.listed_years:
            year, comparison = s.listed_years[i], True
        ctx = s.lead + "|" + scan[max(0, tok.start - CONTEXT_CHARS) : tok.start]
        if i in s.listed:
            item = s.listed[i]
            r = choose_rule(unit, ctx, item, "", own_clause=len(item))
        else:
            noun_follows = (
                cx.COUNTED_NOUN.match(post) is not None
                and not cx.FUNCTION_START.match(post)
                and not object_first
            )
            r = choose_rule(
                unit,
                ctx,
                pre,
                post,
                own_clause=tok.start - max(cstart, window_start),
                object_first=object_first,
                own_post=own_post,
                noun_follows=noun_follows,
                sentence_before=scan[max(0, tok.start - CONTEXT_CHARS) : tok.start],
            )
        if (
            r is None
            and i
            and i not in s.listed
            and scan[tokens[i - 1].end : tok.start].lstrip().startswith("、")
        ):
            # "审查规章草案7件、规范性文件31件": the verb before the first item governs the list; only
            # the number's own item says what it counts ("审查合同38份、规范性文件2件")
            whole = scan[cstart : tok.start]
            r = choose_rule(unit, ctx, whole, post, own_clause=tok.start - tokens[i - 1].end)
        if r is None and i and clause.lstrip("(（ ").startswith("其中"):
            # "合法性审核共计586件,其中规范性文件89件": the verb of the total governs its parts
            whole = scan[clause_start(scan, tokens[i - 1].start) : tok.start]
            r = choose_rule(unit, ctx, whole, post, own_clause=len(clause))
        if (
            r is None
            and cx.ISSUED_DOCS.search(clause + own_post_text)
            and cx.FILED_NEXT.match(scan, cend + 1)
        ):
            r = rule_for_key("normative_docs_filed")  # "出台规范性文件6件,全部报市政府备案"
        if r is None and cx.DECIDED.search(clause) and cx.ALL_WON_NEXT.match(scan, cend + 1):
            r = rule_for_key("litigation_won")  # "已审结3件,均胜诉"
        if r is None and out and unit in out[-1].rule.units and (comparison or cx.CHANGED_TO.search(pre)):
            # "2023年收到52件,2022年为41件" / "较上年的38件" / "由80%提高到95%": the key repeats
            r = out[-1].rule
        if r is None:
            continue
        if r.key.startswith("normative_docs") and _REGULATIONS_COUNTED.search(pre):
            continue  # "清理省政府规章112件、规范性文件1,583件": regulations are not normative documents
        if (
            aside is not None
            and not aside_previous
            and any(c.rule.key == r.key and c.year == year for c in out)
        ):  # (a statement in brackets of the same key is no new figure either)
            continue  # "法律顾问10名(其中律师7名、专家3名)": parts of the figure before the bracket
        if (
            issuer_kind == "government"
            and r.key.startswith("normative_docs")
            and cx.PARTY_DOCS.search(clause)
        ):
            continue  # the Party committee's documents belong to a joint 党委和政府 report only
        if (
            report_year is not None
            and year is not None
            and not (report_year - _YEAR_WINDOW <= year <= report_year)
            and not (year == report_year + 1 and f"截至{year}" in scan.replace(" ", ""))
        ):
            # a plan for a later year, or a stray historical figure; a stock "截至2024年1月"
            # in a report written early in the next year is kept with the year it names
            continue
        if r.unit == "%" and not 0 <= tok.value <= 100:
            continue
        if (
            not comparison
            and i not in s.listed
            and (
                clause.lstrip("(（ ").startswith("其中")
                or not r.cue.search(clause + own_post_text)
                or (r.key == "enforcement_personnel_certified" and cx.PASSED.search(clause + own_post_text))
            )
            and not cx.RESPONDENT.search(clause)
            and not cx.OWN_GOVERNMENT_PART.match(clause.lstrip("(（ "))
            and any(c.rule.key == r.key and c.year == year for c in out)
        ):
            # the key again in the same sentence and year, without a cue of its own or after 其中:
            # a part of the first figure ("参加考试368人,其中合格342人", "清理248件,继续有效196件",
            # "1,250人参加资格考试,考试合格1,106人");
            # the body's own cases as respondent are its figure (gold_format) even after 其中, and so
            # is the government's own level ("其中,市政府本级收到申请310件"; a bureau's 局本级 trainees
            # are a part of those it trained)
            continue
        out.append(
            _Candidate(r, tok, tok.value, cx.qualifier(pre, scan[tok.end : tok.end + 8], tok.more), year)
        )
        # "…4件,均按程序进行合法性审查,并报省司法厅备案": the statement may take two clauses
        following = scan[tok.end : clause_end(scan, clause_end(scan, cend + 1) + 1)]
        if cx.COMPARISON_CLAUSE.match(scan, cend + 1):
            # "…11件,较上年减少3件,审查通过后全部报送备案": read past the comparison
            after = clause_end(scan, cend + 1) + 1
            following = scan[tok.end : cend] + scan[after - 1 : clause_end(scan, clause_end(scan, after) + 1)]
        for source, pattern, target in cx.ALL_OF_THEM:
            if r.key == source and pattern.search(following):
                out.append(_Candidate(rule_for_key(target), tok, tok.value, out[-1].qualifier, year))
    return out


def extract_metrics(
    text: str, report_year: int | None, *, issuer: str | None = None, issuer_kind: str | None = None
) -> list[MetricFact]:
    """Catalog facts stated in `text`, each with the sentence it comes from (span into `text`).

    Sentences in the next-year plan part are skipped. The same key, value and year stated twice
    is one fact (the first sentence is kept).
    """
    parts = part_index(text)
    headings = heading_index(text)
    # 附表/附件 after the closing plan are the year's statistics, not part of the plan (an 附件 line
    # before the plan, as on a cover letter whose report is the attachment, changes nothing)
    plan_start = next(
        (a for a, p in zip(parts.starts, parts.parts, strict=True) if p == "next_year"), len(text)
    )
    appendix = _APPENDIX.search(text, plan_start)
    appendix_start = appendix.start() if appendix else len(text)

    def in_plan(offset: int) -> bool:
        return offset < appendix_start and parts.part_at(offset) == "next_year"

    # A department that states its own figures (本级/全局) beside the area it guides: paragraphs
    # (lines) that name its own level are read without the guided clauses.
    own_lines = (
        [m.span() for m in _LINE.finditer(text) if cx.OWN_LEVEL.search(m.group())]
        if issuer_kind == "department"
        else []
    )
    facts: list[MetricFact] = []
    seen: set[tuple[str, float, int | None]] = set()
    previous_keys: set[tuple[str, int | None]] = set()
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if not cx.ANY_NUMBER.search(sentence) or in_plan(start):
            continue
        # The subject of a sentence without one of its own: earlier in its paragraph, or the heading
        # of its section ("(四)行政复议工作\n全年收到申请52件").
        line_start = text.rfind("\n", 0, start) + 1
        lead = cx.blank_other_lines(
            headings.heading_before(start) + "|" + text[max(line_start, start - _LEAD_CHARS) : start]
        )
        prepared = prepare(sentence, lead, report_year)
        if prepared is None:
            continue
        own_level = any(a <= start < b for a, b in own_lines)
        # "…办理行政处罚案件3,640起;其中治安管理处罚案件2,870起": a sentence opening with 其中
        # breaks down the one before; its figure of the same key is a part, not a total
        part_of_previous = (
            prepared.scan.lstrip().startswith("其中")
            and not cx.RESPONDENT.search(prepared.scan)
            and not cx.OWN_BODY_PART.match(prepared.scan)
        )
        # a department's own figure stated, the same figure of the whole sector it guides is not its own
        sector_wide = issuer_kind == "department" and cx.SYSTEM_WIDE.match(prepared.scan) is not None
        keys_here: set[tuple[str, int | None]] = set()
        for c in _sentence_facts(prepared, report_year, issuer, own_level, issuer_kind):
            ident = (c.rule.key, round(c.value, 4), c.year)
            keys_here.add((c.rule.key, c.year))
            if ident in seen or (part_of_previous and (c.rule.key, c.year) in previous_keys):
                continue
            if sector_wide and any(f.key == c.rule.key and f.period_year == c.year for f in facts):
                continue
            seen.add(ident)
            facts.append(
                MetricFact(
                    key=c.rule.key,
                    value=c.value,
                    unit=c.rule.unit,
                    qualifier=c.qualifier,
                    period_year=c.year,
                    evidence=sentence,
                    start=start,
                    end=end,
                )
            )
        previous_keys = keys_here
    if has_table(text):
        for t in table_figures(text, report_year, headings.heading_before):
            ident = (t.rule.key, round(t.value, 4), t.year)
            if ident in seen or in_plan(t.start):
                continue
            seen.add(ident)
            facts.append(
                MetricFact(
                    key=t.rule.key,
                    value=t.value,
                    unit=t.rule.unit,
                    qualifier="exact",
                    period_year=t.year,
                    evidence=text[t.start : t.end],
                    start=t.start,
                    end=t.end,
                )
            )
    return facts
