"""Metric sentences: each builder writes one sentence and returns the facts a careful reader takes
from it (metrics.yaml keys, gold_format conventions). Distractor sentences carry numbers that are
NOT report-level facts (a sub-unit's figure, multi-year totals, growth rates, counts of other things).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from crawlers.sim.content.numbers import render_count, render_rate


@dataclass
class Sentence:
    text: str
    facts: list[dict] = field(default_factory=list)


@dataclass
class Ctx:
    """What a builder needs to know about the report it writes for."""

    year: int
    issuer: str
    issuer_kind: str  # government | department | party_government
    dept_type: str | None  # 司法局 … for departments
    self_word: str  # 我县 / 我局
    area_word: str  # 全县 / 全市
    gov_name: str  # the government of the area (县人民政府)
    series: Callable[[str, int], int]  # (metric key, year) -> that issuer's figure
    sub_unit: str  # a named sub-department, for figures that are not report-level


def _fact(key: str, value: float, unit: str, qualifier: str, year: int) -> dict:
    return {"key": key, "value": value, "unit": unit, "qualifier": qualifier, "period_year": year}


def _count(
    rng: random.Random,
    ctx: Ctx,
    key: str,
    unit: str,
    fact_unit: str | None = None,
    year: int | None = None,
    fuzzy: bool = True,
) -> tuple[str, dict]:
    year = year or ctx.year
    text, shown, qualifier = render_count(rng, ctx.series(key, year), unit, allow_fuzzy=fuzzy)
    return text, _fact(key, shown, fact_unit or unit, qualifier, year)


def _rate(ctx: Ctx, key: str) -> tuple[str, dict]:
    raw = ctx.series(key, ctx.year)  # stored as hundredths of a percent
    value = round(raw / 100, 2)
    return render_rate(value), _fact(key, value, "%", "exact", ctx.year)


def _y(rng: random.Random, ctx: Ctx) -> str:
    return rng.choice((f"{ctx.year}年，", "全年", "一年来，", "本年度，"))


# --- 行政复议 -------------------------------------------------------------------------------------


def reconsideration(rng: random.Random, ctx: Ctx) -> list[Sentence]:
    if ctx.issuer_kind == "department" and ctx.dept_type not in ("司法局", "司法厅"):
        n_text, f = _count(rng, ctx, "reconsideration_received", "件")
        return [
            Sentence(
                rng.choice(
                    (
                        f"{ctx.year}年，{ctx.self_word}作为被申请人的行政复议案件{n_text}，均按期提交答复和证据材料。",
                        f"全年以{ctx.self_word}为被申请人的行政复议案件共{n_text}，无一被撤销或确认违法。",
                    )
                ),
                [f],
            )
        ]
    out: list[Sentence] = []
    r_text, fr = _count(rng, ctx, "reconsideration_received", "件")
    a_text, fa = _count(rng, ctx, "reconsideration_accepted", "件", fuzzy=False)
    c_text, fc = _count(rng, ctx, "reconsideration_concluded", "件", fuzzy=False)
    style = rng.randrange(3)
    if style == 0:
        out.append(
            Sentence(
                f"{_y(rng, ctx)}{ctx.area_word}共收到行政复议申请{r_text}，依法受理{a_text}，审结{c_text}。",
                [fr, fa, fc],
            )
        )
    elif style == 1:
        prev = ctx.series("reconsideration_received", ctx.year - 1)
        now = fr["value"]
        if fr["qualifier"] != "exact" or prev == now:
            out.append(Sentence(f"全年新收行政复议案件{r_text}，受理{a_text}，办结{c_text}。", [fr, fa, fc]))
        else:
            move = "增加" if now > prev else "减少"
            out.append(
                Sentence(
                    f"全年新收行政复议案件{r_text}，较上年的{prev}件{move}{abs(now - prev)}件，"
                    f"受理{a_text}，办结{c_text}。",
                    [fr, _fact("reconsideration_received", prev, "件", "exact", ctx.year - 1), fa, fc],
                )
            )
    else:
        out.append(
            Sentence(
                f"{ctx.gov_name}本级受理行政复议案件{a_text}（收到申请{r_text}），已审结{c_text}。",
                [fa, fr, fc],
            )
        )
    # The outcomes split the concluded cases (the rest closed by mediation or withdrawal).
    left = int(fc["value"])
    parts, facts = [], []
    for key, word, share in (
        ("reconsideration_upheld", "维持", 0.55),
        ("reconsideration_revoked", "撤销", 0.12),
        ("reconsideration_dismissed", "驳回", 0.15),
        ("reconsideration_confirmed_illegal", "确认违法", 0.05),
    ):
        n = min(left, int(fc["value"] * share * rng.uniform(0.6, 1.3)))
        if n > 0 and rng.random() < 0.75:
            left -= n
            parts.append(f"{word}{n}件")
            facts.append(_fact(key, n, "件", "exact", ctx.year))
    if parts:
        out.append(Sentence(f"审结案件中，{'、'.join(parts)}，其余以调解、和解等方式结案。", facts))
    if rng.random() < 0.5:
        t, f = _count(rng, ctx, "reconsideration_pending", "件", fuzzy=False)
        out.append(Sentence(f"截至年底，尚有{t}正在审理中。", [f]))
    if rng.random() < 0.6:
        rt, f = _rate(ctx, "reconsideration_correction_rate")
        extra = rng.choice(("", f"，同比下降{rng.randint(1, 9)}.{rng.randint(0, 9)}个百分点"))
        if rng.random() < 0.4:
            ft, ff = _rate(ctx, "reconsideration_fulfillment_rate")
            out.append(Sentence(f"行政复议综合纠错率为{rt}{extra}，行政复议决定履行率达到{ft}。", [f, ff]))
        else:
            out.append(Sentence(f"行政复议综合纠错率为{rt}{extra}。", [f]))
    if rng.random() < 0.3:
        out.append(
            Sentence(
                f"近三年来，{ctx.area_word}累计办理行政复议案件"
                f"{ctx.series('reconsideration_received', ctx.year) * 3 + 7}件。"
            )
        )
    return out


# --- 行政诉讼 -------------------------------------------------------------------------------------


def litigation(rng: random.Random, ctx: Ctx) -> list[Sentence]:
    out: list[Sentence] = []
    n = ctx.series("litigation_cases", ctx.year)
    style = rng.randrange(3)
    if style == 0 and n > 0:
        lost = ctx.series("litigation_lost", ctx.year) % (n + 1)
        won = max(n - lost - rng.randint(0, 2), 0)
        rate = round(lost / n * 100, 2)
        out.append(
            Sentence(
                f"全年共办理行政诉讼案件{n}件，其中胜诉{won}件、败诉{lost}件，败诉率为{render_rate(rate)}。",
                [
                    _fact("litigation_cases", n, "件", "exact", ctx.year),
                    _fact("litigation_won", won, "件", "exact", ctx.year),
                    _fact("litigation_lost", lost, "件", "exact", ctx.year),
                    _fact("litigation_loss_rate", rate, "%", "exact", ctx.year),
                ],
            )
        )
    elif style == 1:
        target = ctx.gov_name if ctx.issuer_kind != "department" else ctx.self_word
        t, f = _count(rng, ctx, "litigation_cases", "件", fuzzy=False)
        out.append(
            Sentence(
                f"以{target}为被告的行政诉讼案件{t}，均胜诉。",
                [f, _fact("litigation_won", f["value"], "件", "exact", ctx.year)],
            )
        )
    elif style == 2 and rng.random() < 0.5:
        prev = ctx.series("litigation_cases", ctx.year - 1)
        if prev != n:
            move = "增加" if n > prev else "减少"
            out.append(
                Sentence(
                    f"全年新发生行政诉讼案件{n}件，比上年的{prev}件{move}{abs(n - prev)}件。",
                    [
                        _fact("litigation_cases", n, "件", "exact", ctx.year),
                        _fact("litigation_cases", prev, "件", "exact", ctx.year - 1),
                    ],
                )
            )
        else:
            out.append(
                Sentence(
                    f"全年新发生行政诉讼案件{n}件，与上年持平。",
                    [_fact("litigation_cases", n, "件", "exact", ctx.year)],
                )
            )
    else:
        t, f = _count(rng, ctx, "litigation_cases", "件", fuzzy=False)
        p, fp = _count(rng, ctx, "litigation_pending", "件", fuzzy=False)
        out.append(
            Sentence(f"{_y(rng, ctx)}{ctx.self_word}共收到行政起诉状{t}，目前尚有{p}未审结。", [f, fp])
        )
    if rng.random() < 0.75:
        rt, fr = _rate(ctx, "leader_court_appearance_rate")
        if rng.random() < 0.5:
            k = ctx.series("leader_court_appearances", ctx.year)
            out.append(
                Sentence(
                    f"行政机关负责人出庭应诉{k}次，出庭应诉率达{rt}。",
                    [_fact("leader_court_appearances", k, "次", "exact", ctx.year), fr],
                )
            )
        else:
            out.append(
                Sentence(f"行政机关负责人出庭应诉率为{rt}，较上年提高{rng.randint(1, 12)}个百分点。", [fr])
            )
    if rng.random() < 0.25:
        out.append(Sentence(f"主要负责人本人出庭应诉{rng.randint(1, 3)}次，带头出庭出声。"))
    return out


# --- 规范性文件 -----------------------------------------------------------------------------------


def normative_docs(rng: random.Random, ctx: Ctx) -> list[Sentence]:
    out: list[Sentence] = []
    if rng.random() < 0.8:
        t, f = _count(rng, ctx, "normative_docs_filed", "件", fuzzy=False)
        out.append(
            Sentence(
                rng.choice(
                    (
                        f"全年报送备案规范性文件{t}，报备率、及时率和规范率均达到100%。",
                        f"{ctx.year}年，按规定向上级报送备案的规范性文件共{t}，未发现被纠错情形。",
                    )
                ),
                [f],
            )
        )
    t, f = _count(rng, ctx, "normative_docs_reviewed", "件")
    out.append(
        Sentence(
            rng.choice(
                (
                    f"对各类政府文件、合同和重大决策事项开展合法性审查{t}，"
                    f"提出修改意见{rng.randint(20, 400)}条。",
                    f"全年完成规范性文件备案审查{t}，审查意见均被采纳。",
                )
            ),
            [f],
        )
    )
    if rng.random() < 0.4:
        t, f = _count(rng, ctx, "normative_docs_cleaned", "件", fuzzy=False)
        out.append(
            Sentence(
                f"开展规范性文件集中清理，共清理{t}，"
                f"其中废止{rng.randint(1, 9)}件、修改{rng.randint(1, 6)}件。",
                [f],
            )
        )
    if rng.random() < 0.35:
        out.append(Sentence(f"全年以{ctx.gov_name}名义制发行政规范性文件{rng.randint(3, 30)}件。"))
    return out


# --- 政务公开 -------------------------------------------------------------------------------------


def disclosure(rng: random.Random, ctx: Ctx) -> list[Sentence]:
    t, f = _count(rng, ctx, "info_disclosed_proactively", "条")
    if rng.random() < 0.6:
        r, fr = _count(rng, ctx, "disclosure_requests", "件", fuzzy=False)
        return [
            Sentence(
                f"通过门户网站等渠道主动公开政府信息{t}，办理依申请公开{r}，均在法定期限内答复。", [f, fr]
            )
        ]
    return [Sentence(f"{_y(rng, ctx)}主动公开各类政府信息{t}，同比增长{rng.randint(2, 30)}%。", [f])]


# --- 矛盾纠纷化解 ---------------------------------------------------------------------------------


def mediation(rng: random.Random, ctx: Ctx) -> list[Sentence]:
    out: list[Sentence] = []
    d, fd = _count(rng, ctx, "mediation_disputes", "件")
    s, fs = _count(rng, ctx, "mediation_resolved", "件", fuzzy=False)
    rt, fr = _rate(ctx, "mediation_success_rate")
    if rng.random() < 0.6:
        out.append(
            Sentence(
                f"{ctx.area_word}{rng.randint(40, 900)}个人民调解组织共排查调解矛盾纠纷{d}，"
                f"调解成功{s}，调解成功率{rt}。",
                [fd, fs, fr],
            )
        )
    else:
        out.append(Sentence(f"全年化解各类矛盾纠纷{s}，化解率达到{rt}。", [fs, fr]))
    if rng.random() < 0.4:
        out.append(Sentence(f"其中，{ctx.sub_unit}调处纠纷{rng.randint(10, 300)}件。"))
    return out


def petitions(rng: random.Random, ctx: Ctx) -> list[Sentence]:
    t, f = _count(rng, ctx, "petitions_total", "件次", fuzzy=False)
    return [
        Sentence(
            f"{_y(rng, ctx)}{ctx.area_word}信访总量{t}，同比下降{rng.randint(2, 25)}.{rng.randint(0, 9)}%。",
            [f],
        )
    ]


# --- 12345 热线 -----------------------------------------------------------------------------------


def hotline(rng: random.Random, ctx: Ctx) -> list[Sentence]:
    n, fn = _count(rng, ctx, "hotline_received", "件")
    r1, f1 = _rate(ctx, "hotline_resolution_rate")
    r2, f2 = _rate(ctx, "hotline_satisfaction_rate")
    if rng.random() < 0.5:
        m, fm = _count(rng, ctx, "hotline_resolved", "件", fuzzy=False)
        return [
            Sentence(
                f"12345政务服务便民热线全年受理群众诉求{n}，办结{m}，办结率{r1}，群众满意率{r2}。",
                [fn, fm, f1, f2],
            )
        ]
    return [Sentence(f"“12345”热线共受理各类诉求{n}，按时办结率{r1}，满意率达到{r2}。", [fn, f1, f2])]


# --- 行政执法 -------------------------------------------------------------------------------------


def enforcement(rng: random.Random, ctx: Ctx) -> list[Sentence]:
    out: list[Sentence] = []
    t, f = _count(rng, ctx, "enforcement_personnel_trained", "人次", fact_unit="人")
    out.append(
        Sentence(
            rng.choice(
                (
                    f"举办行政执法人员业务培训班{rng.randint(2, 12)}期，培训{t}。",
                    f"全年组织执法人员培训{t}，实现在岗执法人员轮训全覆盖。",
                )
            ),
            [f],
        )
    )
    if rng.random() < 0.5:
        t, f = _count(rng, ctx, "enforcement_personnel_certified", "名", fact_unit="人", fuzzy=False)
        out.append(Sentence(f"组织{t}新进人员参加行政执法资格考试。", [f]))
    if ctx.issuer_kind != "department" or ctx.dept_type not in ("司法局", "司法厅"):
        t, f = _count(rng, ctx, "enforcement_penalty_cases", "件")
        prev = ctx.series("enforcement_penalty_cases", ctx.year - 1)
        if f["qualifier"] == "exact" and rng.random() < 0.35 and prev != f["value"]:
            pct = round(abs(f["value"] - prev) / prev * 100, 1)
            move = "增长" if f["value"] > prev else "下降"
            out.append(
                Sentence(
                    f"全年办理行政处罚案件{t}，比{ctx.year - 1}年的{prev}件{move}{pct}%。",
                    [f, _fact("enforcement_penalty_cases", prev, "件", "exact", ctx.year - 1)],
                )
            )
        else:
            out.append(
                Sentence(
                    f"全年办理行政处罚案件{t}，罚没款{rng.randint(50, 9000)}.{rng.randint(1, 9)}万元。", [f]
                )
            )
        if rng.random() < 0.4:
            out.append(Sentence(f"其中，{ctx.sub_unit}立案查处{rng.randint(5, 200)}件。"))
    if rng.random() < 0.4:
        t, f = _count(rng, ctx, "enforcement_complaints", "件", fuzzy=False)
        out.append(Sentence(f"受理行政执法投诉{t}，已全部调查处理并答复。", [f]))
    if rng.random() < 0.3:
        out.append(Sentence(f"组织执法人员参加法律知识网上测试{rng.randint(100, 3000)}人次。"))
    return out


def legal_advisers(rng: random.Random, ctx: Ctx) -> list[Sentence]:
    t, f = _count(rng, ctx, "legal_advisers", "名", fuzzy=False)
    out = [Sentence(f"{ctx.self_word}及所属单位共聘请法律顾问{t}，为重大决策、重大合同提供法律意见。", [f])]
    if rng.random() < 0.5:
        rt, fr = _rate(ctx, "legal_adviser_coverage_rate")
        out.append(Sentence(f"党政机关法律顾问覆盖率达到{rt}。", [fr]))
    if rng.random() < 0.3:
        out.append(Sentence(f"现有公职律师{rng.randint(3, 60)}名。"))
    return out


def publicity(rng: random.Random, ctx: Ctx) -> list[Sentence]:
    e, fe = _count(rng, ctx, "publicity_events", "场次", fact_unit="场")
    facts = [fe]
    if rng.random() < 0.5:
        m, fm = _count(rng, ctx, "publicity_materials", "份")
        p, fp = _count(rng, ctx, "publicity_participants", "人次", fact_unit="人")
        facts += [fm, fp]
        text = (
            f"全年开展“八五”普法宣传活动{e}，发放宣传资料{m}，受众{p}。"
            if ctx.year >= 2021
            else f"全年开展“七五”普法宣传活动{e}，发放宣传资料{m}，受众{p}。"
        )
    else:
        p, fp = _count(rng, ctx, "publicity_participants", "人", fuzzy=True)
        facts.append(fp)
        text = f"围绕民法典、安全生产等主题举办法治讲座和宣讲活动{e}，参与群众{p}。"
    return [Sentence(text, facts)]


BUILDERS: dict[str, Callable[[random.Random, Ctx], list[Sentence]]] = {
    "reconsideration": reconsideration,
    "litigation": litigation,
    "normative_docs": normative_docs,
    "disclosure": disclosure,
    "mediation": mediation,
    "petitions": petitions,
    "hotline": hotline,
    "enforcement": enforcement,
    "legal_advisers": legal_advisers,
    "publicity": publicity,
}

# Which figures each kind of department reports about its own work.
DEPARTMENT_GROUPS: dict[str, tuple[str, ...]] = {
    "司法局": (
        "reconsideration",
        "mediation",
        "publicity",
        "legal_advisers",
        "enforcement",
        "normative_docs",
    ),
    "司法厅": ("reconsideration", "mediation", "publicity", "legal_advisers", "normative_docs"),
    "市场监督管理局": ("enforcement", "litigation", "reconsideration", "publicity", "normative_docs"),
    "生态环境局": ("enforcement", "litigation", "reconsideration", "publicity"),
    "人力资源和社会保障局": ("litigation", "reconsideration", "disclosure", "publicity", "enforcement"),
    "政务服务数据管理局": ("hotline", "disclosure", "publicity"),
    "自然资源局": ("litigation", "reconsideration", "enforcement", "disclosure"),
    "交通运输局": ("enforcement", "litigation", "publicity"),
}
OTHER_DEPARTMENT_GROUPS = ("litigation", "reconsideration", "publicity", "disclosure")
GOVERNMENT_GROUPS = tuple(BUILDERS)
