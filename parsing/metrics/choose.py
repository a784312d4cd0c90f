"""Pick the catalog rule for one number from the words around it."""

from __future__ import annotations

import re

from parsing.metrics.catalog import RULES, Rule

_WEAK_PENALTY = 10_000
_OTHER_CLAUSE_PENALTY = 1_000
_NOUN_AFTER_PENALTY = 100
_OBJECT_FIRST_FALLBACK = 2_000
# Objects that are never what a catalog key counts; a cue followed by one of them ("办理人大代表
# 建议12件", "审查合同30份") is about that object, not about the cue's catalog figure.
_FOREIGN_OBJECT = re.compile(
    r"建议|提案|(?<!复)议案|合同|协议|专利|商标|证照|项目|企业(?!员工|职工)|商户|资金|经费|案卷|卷宗|课题|会议|简报|视频|短信|"
    r"咨询|意见书|法律意见|线索|隐患|检查|抽查|事项清单|权力清单|许可事项"
)
# Verbs of oversight after an object ("对…案件进行监督/评查"): the number counts what was overseen.
_OVERSIGHT = re.compile(r"监督|评查|抽查|巡查|督查|核查")
_JOINED_VERB = re.compile(r"并|且|后再?")
_QUOTED = re.compile(r"“[^“”]{1,20}”")
# Verbs that make a clause a statement of its own, so a cue in an earlier clause does not carry over.
_OWN_ACTION = re.compile(r"退回|移送|撤回|终止|纠正|责令|督办|通报|约谈|曝光|(?:出台|印发|制发)(?!的)")
_DOMAINS = tuple({r.domain.pattern: r.domain for r in RULES if r.domain is not None}.values())


def active_domain(ctx: str) -> re.Pattern[str] | None:
    """The subject named last before the number: it governs clauses without their own subject."""
    best: tuple[int, re.Pattern[str]] | None = None
    for d in _DOMAINS:
        last = -1
        for m in d.finditer(ctx):
            last = m.end()
        if last >= 0 and (best is None or last > best[0]):
            best = (last, d)
    return best[1] if best else None


def _cue_distance(
    r: Rule,
    pre: str,
    post: str,
    own_clause: int,
    object_first: bool,
    noun_follows: bool,
    own_post: int | None = None,
) -> int | None:
    if object_first:
        # "对X文件10件,进行了备案审查": the verb comes after; the last cue is the head verb. Only
        # when nothing after names one do the words before count ("对执法人员开展培训,共培训…").
        # A verb in the number's own clause wins over one in the next ("2件全部进行合法性审查,
        # 并报县政府备案" is a count of reviews).
        own = len(post) if own_post is None else own_post
        # in the next clause only the first verb phrase counts ("全部经审核并报送备案": 审核)
        joined = _JOINED_VERB.search(post, own)
        if joined is not None and r.cue.search(post, own, joined.start()):
            post = post[: joined.start()]
        ends = [
            own - m.end() if m.end() <= own else _OTHER_CLAUSE_PENALTY + len(post) - m.end()
            for m in r.cue.finditer(post)
        ]
        if ends:
            return min(ends)
        if _OVERSIGHT.search(post):
            return None  # "对全县处罚案件3,460件进行监督": cases overseen, not handled
        fallback = _cue_distance(r, pre, post, own_clause, False, noun_follows)
        return None if fallback is None else fallback + _OBJECT_FIRST_FALLBACK
    distance: int | None = None
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
    return distance


def choose_rule(
    unit: str,
    ctx: str,
    pre: str,
    post: str,
    *,
    own_clause: int,
    object_first: bool = False,
    noun_follows: bool = False,
    sentence_before: str = "",
    own_post: int | None = None,
) -> Rule | None:
    """The eligible rule whose cue stands nearest to the number.

    ctx: the paragraph text before the number (for the subject); pre: the text before the number
    back to the previous figure, at most one clause beyond the number's own, whose last
    `own_clause` characters are that own clause (a cue outside it counts only when the own clause
    has none); post: the text after the number to the end of its clause. When a noun follows the
    number ("办理了23件行政处罚案件") that noun phrase is searched too, after the words before it.
    A rule's `needs` words may stand anywhere in the sentence before the number (sentence_before)
    ("举办执法人员培训班3期,培训人员420人").
    """
    # a quoted slogan or campaign name ("尊法学法守法用法"主题活动) names the event, it is no exclusion
    local = _QUOTED.sub("", pre[len(pre) - own_clause :] + "|" + post)
    wide = (sentence_before or pre) + "|" + post
    active = active_domain(ctx)
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
        distance = _cue_distance(r, pre, post, own_clause, object_first, noun_follows, own_post)
        if distance is None:
            continue
        own_text = pre[len(pre) - own_clause :]
        if (
            (distance >= _OBJECT_FIRST_FALLBACK if object_first else distance > own_clause)
            and _OWN_ACTION.search(own_text)
            and not r.cue.search(own_text)
        ):
            continue  # "对处罚案件全部审核,退回补充调查案件37起": the clause has its own verb
        if not object_first and distance <= own_clause and _FOREIGN_OBJECT.search(pre[len(pre) - distance :]):
            continue
        if r.weak:
            distance += _WEAK_PENALTY
        if best is None or (distance, order) < (best[0], best[1]):
            best = (distance, order, r)
    return best[2] if best else None


def rule_for_key(key: str) -> Rule:
    return next(r for r in RULES if r.key == key)
