"""What kind of document a page is. Precision on annual_report comes first: near misses (解读 of a
report, 工作要点, a 通知 asking to report, news about a report, 政府信息公开工作年度报告) share its
words, so the title decides when there is one, and the body is read for what the text *does*
(reports its year, announces a plan, tells news, explains) rather than for keywords alone."""

from __future__ import annotations

import re

from parsing.listing import is_listing
from parsing.other_documents import OTHER_REPORT_BODY as _OTHER_REPORT_BODY
from parsing.other_documents import OTHER_REPORT_TITLE as _OTHER_REPORT
from parsing.other_documents import (
    announces_other_report,
    is_congress_work_report,
    is_template,
    not_annual_report,
    work_news_headline,
)
from parsing.text_lines import ANNOUNCES as _ANNOUNCES
from parsing.text_lines import is_body_line

ANNUAL_REPORT = "annual_report"
INTERPRETATION = "interpretation"
PLAN = "plan"
NOTICE = "notice"
NEWS = "news"
OTHER_REPORT = "other_report"
OTHER = "other"

# The subject of an annual report. 「政府建设」 alone covers copies whose sensitive words were cut.
_TOPIC = re.compile(r"法治政府|依法行政|法治建设|(?<![字型洁务能])政府建设")
# Without a title the body must name the subject itself; 法治建设 alone also covers 普法 and
# party-committee reports.
_BODY_TOPIC = re.compile(r"法治政府|依法行政|《政府建设实施纲要")
_REPORT_WORD = re.compile(r"报告|总结|汇报|工作情况|建设情况|公布")
_INTERPRETATION = re.compile(r"解读|图解|图说|一图(?:读懂|看懂|了解)|答记者问|问答")
_PLAN = re.compile(
    r"工作要点|要点|实施方案|工作方案|方案|规划|计划|纲要|实施意见|指导意见|工作安排|任务清单|责任清单"
)
_NOTICE = re.compile(r"通知|通报|公告|公示|工作指引|指引|函$|决定")
_NEWS_TITLE = re.compile(r"召开|举行|举办|调研|命名|表彰|获评|发布|出席|开展|启动|座谈")

# Events a report title never names: a meeting about reports, a training on writing them.
_NEWS_EVENT = re.compile(
    r"召开|举行|举办|座谈|推进会|培训班|调研|专题研究|研究部署|党组会|出炉|亮相|晒出|发布会|观摩|常务会议|常委会会议|听取|审议(?!稿)"
    r"|获(?:评|得|奖|全|省|市|国)|荣获|名列|位列|居全"
)
_NEWS_OPENING = re.compile(
    r"^(?:.{0,40}?(?:本报讯|讯[)]|记者|日电|消息)|近日|日前|\d{1,2}月\d{1,2}日[,上下]|近年来|党的十[八九]大以来)"
)
_NEWS_BODY = re.compile(r"本报讯|记者[\u4e00-\u9fff]{0,4}[)\s]|日电|获悉|通讯员")
# An article looking at a report from outside: it quotes it, leafs through it, says what it shows.
# An annual report says 现将…报告如下 instead, so these count only where that is absent.
_REPORT_QUOTED = re.compile(
    r"(?<![大作])报告(?:显示|指出|提到|写道|称)|翻开[^。]{0,20}报告|^\s*“[^”\n]{15,}”"
)
# A reporter's voice: the body spoken of as 该局, its officials quoted. (Not 责任编辑: portals
# sign every page, reports included.)
_NEWS_VOICE = re.compile(r"该(?:局|县|市|区|镇|乡|委|厅|办)|有关负责人|负责人(?:介绍|表示|说)|据了解|据介绍")
# A newspaper or broadcaster as the page's source. Some county 融媒体 centres also run the portal,
# so this counts only against an opening that does not speak of the year in the first person.
_PRESS_SOURCE = re.compile(r"来源[:：]\s*[^\n]{0,12}(?:日报|晚报|报社|融媒体|电视台|新闻网|广播电视)")
# Short heading lines above the body that say what the page is when no title was found.
_HEADLINE_KIND = (
    (re.compile(r"解读|图解|图说|一[张图](?:图)?(?:读懂|看懂|带你)|^问答"), "interpretation"),
    (
        re.compile(r"^(?!.*(?:报告|总结)).*(?:要点|实施方案|工作方案|规划|工作计划|任务清单|责任清单)$"),
        "plan",
    ),
    (re.compile(r"述法|履职报告|普法[^,。]{0,6}报告|信息公开[^,。]{0,8}报告"), "other_report"),
    (re.compile(r"^综述|综述[:：]|^【[^】]{2,10}】$"), "news"),
)
_INTERPRET_BODY = re.compile(
    r"现(?:作|就)[^。]{0,12}解读|解读如下|(?:便于|方便|帮助)[^。]{0,10}(?:读懂|看懂)[^。]{0,10}报告|为便于理解|解读机关|起草背景|出台背景|制定背景"
)
_PLAN_BODY = re.compile(
    r"制定本(?:方案|工作要点|要点|规划|计划|意见|实施方案)|^目标:|\n目标:|\n措施:|现印发给你们"
    r"|(?:主要|重点)任务(?:如下|是):|总体要求是:|提出如下(?:工作)?(?:要点|意见|实施意见|安排)"
    r"|现就[^。]{0,40}(?:工作)?安排如下"
)
_NOTICE_BODY = re.compile(
    r"制定本(?:工作)?指引|(?:特此|现将有关事项|现就有关事项)通知|通知如下|^各[^。\n]{2,80}:\s*$", re.M
)
_ISSUES_PLAN = re.compile(
    r"关于印发[^。]{0,40}(?:要点|方案|规划|计划|安排)|《[^》]{2,60}(?:要点|方案|规划|计划|安排|纲要)[^》]{0,20}》[^。]{0,40}"
    r"现?印发给你们"
)
# What the opening announces: 「现将我局2023年法治政府建设情况报告如下」. A 通报 of results, or a
# report on an assessment, an inspection's rectification or a self-evaluation, is not the annual report.
_ANNOUNCED = re.compile(r"现将([^。]{0,40}?)(报告|汇报|总结|公布|通报)如下")
# The annual report as a thing the text talks about (公开了…年度报告, 年度报告公开工作) rather than
# the report speaking; titles of cited documents in 《》 do not count.
_REPORT_MENTION = re.compile(r"年度报告|情况的?报告|(?<!政府)工作报告")
_OPENS_WITH_YEAR = re.compile(
    r"^[\s?]{0,40}(?:(?:19|20)\d\d年(?:度|以来)?|今年以来|一年来)[,是]"
    r"|^[\s?]{0,40}[一二三四五六七八九十]、[^\n]{0,6}(?:19|20)\d\d年度?(?:推进)?(?:法治政府建设|依法行政)"
)


__all__ = ["classify", "is_body_line", "title_residue"]


def classify(title: str | None, text: str) -> str:
    if is_listing(text):
        return OTHER
    opening = _body_opening(text, title)
    kind = _classify(title, text, opening)
    if kind == ANNUAL_REPORT:
        # Checks on a page that reads as the report: is the body reporting a government's year?
        return not_annual_report(title, opening) or kind
    return kind


def _classify(title: str | None, text: str, opening: str) -> str:
    body = text[:2500]
    if is_template(title, opening):
        return OTHER
    if is_congress_work_report(body):
        return OTHER_REPORT
    if title:
        kind = _from_title(title, opening)
        # A title that only says 报告 (a site's generic <title>, a cut-off heading) does not
        # overrule a body that reads as the annual report.
        generic = (
            kind == OTHER_REPORT
            and not _OTHER_REPORT.search(title)
            and not re.search(r"\d{4}", title)
            # A title that names the subject and still has words an annual report's title never
            # carries (整改, 质量分析, 督察反馈) is a different report, whatever its body announces.
            and not (_TOPIC.search(title) and title_residue(title))
        )
        if generic and _from_body(opening, body) == ANNUAL_REPORT:
            return ANNUAL_REPORT
        if kind:
            return kind
    return _from_body(opening, body)


def _body_opening(text: str, title: str | None) -> str:
    """The text from the first sentence-like line on, without the title and date lines above it."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:30]):
        if is_body_line(line):
            return "\n".join(lines[i:])[:2500]
    return text[:2500]


_NEXT_YEAR_PLAN = re.compile(
    r"(?<=总结|报告|情况)(?:及|和|暨|与)(?:19|20)\d\d年度?[^年]{0,12}(?:计划|打算|安排|要点|思路)$"
)


_ABOUT_REPORT = re.compile(r"(?:报告|总结)的(审议意见|意见|决议|决定|批复|通知|通报|公告|公示|函|评议)$")
# An annual report's title is its body or area, the year, the subject and the report word, with a
# small set of fillers; whatever is left over says the document is something else.
_TITLE_FILLER = re.compile(
    r"(?:19|20)\d\d年度?|[〇一二三四五六七八九]{4}年度?|关于|年度|推进|全面|深入|加强|加快|扎实|"
    r"法治政府建设|依法行政|法治政府|法治建设|政府建设|工作|情况|建设|的|报告|总结|汇报|及|和|暨|与|打算|计划|安排|思路|"
    r"公布|本级|全省|全市|全县|全区|全州|全旗|全镇|全乡|我省|我市|我县|我区|我州|我镇|我乡|街道|"
    r"中共|人民政府|政府|党委|党工委|委员会|行政公署|行署|办事处|管委会|管理委员会|"
    r"贯彻落实|贯彻|落实|实施纲要|纲要|主要|有关|公开版|全文|摘要|自查|报送|提请|开展|进展|成效|执行|实施|"
    r"[^\u4e00-\u9fff]|[省市县区州盟旗镇乡局厅委办]"
)


_PARENTHESIS = re.compile(r"[(（][^)）]{0,12}[)）]")
_NAME_PREFIX = re.compile(
    r"^(?:[^\d关]|关(?!于)){1,40}?"
    r"(?:人民政府|政府|行政公署|办事处|管委会|管理委员会|街道|镇|乡|部|局|厅|委员会|地委|委|县|区|市|州|盟|旗|省)"
    r"[ ]?"
    r"(?=关于|(?:19|20)\d\d|[〇一二三四五六七八九]{4}|法治|依法|年度)"
)

_ABOUT_NAME = re.compile(
    r"(?<=关于)[^\d关的]{1,20}?(?:人民政府|政府|管委会|街道|镇|乡|局|厅|委员会|县|区|市|州|盟|旗|省)"
    r"(?=(?:19|20)\d\d|[〇一二三四五六七八九]{4}|法治|依法|年度)"
)
# A body's name can hold a plan word (自然资源和规划局, 发展和改革委员会…计划…): names are taken out
# before the title is read for one.
_BODY_NAME = re.compile(
    r"[\u4e00-\u9fff]{1,16}?(?:局|厅|委员会|办公室|管委会)(?=关于|(?:19|20)\d\d|[〇一二三四五六七八九]{4}|法治|依法)"
)


def title_residue(title: str) -> str:
    """What is left of a title once its body or area names and the words every annual report title
    is made of are taken out."""
    from parsing.region import find_areas  # the area table loads on first use only

    t = _PARENTHESIS.sub(" ", title)
    t = _NAME_PREFIX.sub(" ", t)  # 「下洋镇2023年…」「司法部2020年…」「中共X委 X人民政府关于…」
    t = _ABOUT_NAME.sub(" ", t)  # 「关于大坪乡2020年度…」: a township the area table does not hold
    for start, name, _areas, _exact in reversed(find_areas(t)):
        t = t[:start] + " " + t[start + len(name) :]
    # Departments: 「生态环境局」「人力资源和社会保障局」 are names, not words of the title.
    t = re.sub(r"[\u4e00-\u9fff]{1,12}?(?:局|厅|办公室|委员会)(?=\s|关于|(?:19|20)\d\d|$)", " ", t)
    prev = None
    while prev != t:
        prev, t = t, _TITLE_FILLER.sub("", t)
    return t


def _from_title(title: str, opening: str) -> str | None:
    t = re.sub(r"\s+", "", title)
    if _INTERPRETATION.search(t):
        return INTERPRETATION
    # A speech at a meeting on the subject, or a 综述 article: neither is a body reporting its year,
    # whatever the first lines of the page say.
    if re.search(r"(?:讲话|致辞|发言|主持词)(?:稿|摘要|[(（][^)）]*[)）])?$", t):
        return OTHER
    if "综述" in t:
        return NEWS
    if _OTHER_REPORT.search(t):
        return OTHER_REPORT if "蓝皮书" not in t and "发展报告" not in t else OTHER
    if re.search(r"征求[^,。]{0,30}意见", t) and re.search(r"(?:公告|通知|公示|函)$", t):
        return NOTICE  # a draft put out for comment: the page is the call for comments
    if re.search(r"印发|转发", t):
        if _PLAN.search(t):
            return PLAN
        return NOTICE
    about = _ABOUT_REPORT.search(t)
    if about:
        # 「关于…报告的审议意见」「…报告的公示」: a document about a report, not the report.
        return NOTICE if _NOTICE.search(about.group(1)) else OTHER
    topic = bool(_TOPIC.search(t))
    report = bool(_REPORT_WORD.search(t))
    # 「2022年…工作总结及2023年工作计划」: the plan for the next year rides on the review.
    # A cited 《…纲要》《…实施方案》 is what the year carried out, not a plan word of this title.
    reviewed = _BODY_NAME.sub("", _NEXT_YEAR_PLAN.sub("", re.sub(r"《[^》]*》", "", t)))
    if topic and report and not re.search(r"要点|方案|规划|计划|纲要", reviewed.split("情况")[0]):
        if _NEWS_BODY.search(opening[:200]) or _NEWS_OPENING.match(opening) or _NEWS_EVENT.search(t):
            return NEWS
        if _seen_from_outside(opening):
            return NEWS  # a news page or mirror that carries the report's title over an article
        if _INTERPRET_BODY.search(opening[:600]):
            return INTERPRETATION
        if _NOTICE.search(t) and not re.search(r"报告$|总结$|情况$", t):
            return NOTICE
        if title_residue(t):
            # Words an annual report's title never carries (示范创建自评, 第三方评估, 审议意见,
            # 获评优秀, 集中公开…): a document about reports, or a different one.
            return OTHER_REPORT if re.search(r"(?:报告|总结)\)?$", t) and not _NEWS_TITLE.search(t) else NEWS
        return ANNUAL_REPORT
    if _PLAN.search(t) and not report:
        return PLAN
    if _NOTICE.search(t):
        return NOTICE
    if report and re.search(r"报告|总结", t):
        # A report on another subject (to a 人大常委会, on one sector) is a different report.
        return OTHER_REPORT
    if _NEWS_TITLE.search(t) or _NEWS_BODY.search(opening[:200]):
        return NEWS
    return None


def _headline_kind(body: str, opening: str) -> str | None:
    """The kind a short heading line above the running text names (图文解读, 党政主要负责人述法)."""
    start = body.find(opening[:20])
    above = body[:start] if start > 0 else ("" if is_body_line(opening.split("\n")[0]) else body)
    # A headline with a comma in it passes for running text; one without a full stop still counts.
    lines = [*[x.strip() for x in above.split("\n")][:4], opening.split("\n")[0].strip()]
    for line in lines:
        if not line or len(line) > 40 or "。" in line:
            continue
        for pattern, kind in _HEADLINE_KIND:
            if pattern.search(line):
                return kind
    return None


def _seen_from_outside(opening: str) -> bool:
    """The opening quotes the report or speaks of its body in a reporter's voice, and never
    announces a report of its own."""
    head = opening[:400]
    return bool(_REPORT_QUOTED.search(head) or _NEWS_VOICE.search(head)) and not _ANNOUNCES.search(
        opening[:1500]
    )


def _from_body(opening: str, body: str) -> str:
    head = opening[:400]
    headline = _headline_kind(body, opening)
    if headline:
        return headline
    if _INTERPRET_BODY.search(head):
        return INTERPRETATION  # 「近日,《…报告》公布。…现就有关问题解读如下」 opens like news
    if _NEWS_BODY.search(head) or _NEWS_OPENING.match(opening):
        return NEWS
    quoted = _REPORT_QUOTED.search(head) or _REPORT_QUOTED.search(body[:300])
    press = _PRESS_SOURCE.search(body[:300]) and not _OPENS_WITH_YEAR.match(opening)
    if (quoted or press or _NEWS_VOICE.search(head)) and not _ANNOUNCES.search(opening[:1500]):
        return NEWS
    if _NOTICE_BODY.search(body[:600]):
        return PLAN if _ISSUES_PLAN.search(body[:800]) else NOTICE
    if _OTHER_REPORT_BODY.search(head) or head.count("政务公开") > max(1, head.count("法治政府")):
        return OTHER_REPORT
    if _PLAN_BODY.search(body[:1500]):
        return PLAN
    announced = _ANNOUNCED.search(opening[:1500])
    if announced and announced.group(2) == "通报":
        return NOTICE
    if announces_other_report(opening):
        return OTHER_REPORT
    # Only the first paragraph: further down, a report tells how it was itself reviewed.
    first_paragraph = re.sub(r"《[^》]*》", "", head[:300].split("\n")[0])
    if not _ANNOUNCES.search(opening[:1500]) and _REPORT_MENTION.search(first_paragraph):
        return NEWS
    topical = bool(_BODY_TOPIC.search(opening[:800]))
    if topical and _ANNOUNCES.search(opening[:1500]):
        return ANNUAL_REPORT
    if work_news_headline(body, opening):
        return NEWS  # 「龙游县:多措并举推进法治政府建设」 over a paragraph that announces nothing
    # The body (or the first lines of the page) opens with the year reported on, or with a first
    # heading about that year's 法治政府建设.
    first_lines = "\n".join(body.split("\n")[:3])
    if topical and (
        _OPENS_WITH_YEAR.match(opening) or any(_OPENS_WITH_YEAR.match(x) for x in first_lines.split("\n"))
    ):
        return ANNUAL_REPORT
    return OTHER
