"""Documents that share an annual report's words but are something else: a different report, a
template for writing one, the government's work report read to a people's congress.

Kept apart from `classify` so its vocabulary of other kinds of report can grow without the
classifier's control flow growing with it."""

from __future__ import annotations

import re

from parsing.meta import is_info_line

# Titles of a different report: 政府信息公开/政务公开 yearly reports, 普法 and 述法 reports, statistics,
# white papers, evaluations, inspection and rectification reports, a 人大's or 政协's investigation.
OTHER_REPORT_TITLE = re.compile(
    r"信息公开[^,。]{0,8}(?:年度)?报告|政务公开[^,。]{0,8}报告|网站[^,。]{0,10}报表|履职报告|普法[^,。]{0,6}报告|"
    r"统计公报|发展报告|蓝皮书|白皮书|第一责任人|述法|评估报告|自评报告|示范创建[^,。]{0,6}报告|整改[^,。]{0,8}报告|督察[^,。]{0,8}报告|质量分析"
    # An outside body's look at the government's work (人大 调研/视察/执法检查), and statistical
    # yearbooks (执法数据年报): reports about the subject, not a body's own year.
    r"|调研报告|调查报告|视察报告|检查[^,。]{0,6}报告|(?:统计|数据)年报"
)
# An opening that says it is one of those reports.
OTHER_REPORT_BODY = re.compile(
    r"政府信息公开条例|政务公开年度|信息公开工作年度报告|政府网站[^。]{0,10}报表|普法责任制|述法(?:情况)?(?:报告)?如下"
)

# A template sent out with a notice: placeholders stand where the body's name and figures go.
_PLACEHOLDER = re.compile(r"[××＊*]{2}|(?<![A-Za-z])(?:XX|ХХ|xx)(?![A-Za-z])")
_TEMPLATE_TITLE = re.compile(r"模板|范本|范文|样本|参考提纲|编写提纲|写作提纲|框架提纲")


def is_template(title: str | None, opening: str) -> bool:
    """A model text or outline for writing a report, not a report: the title says so, or the
    title and the opening carry placeholders (「××县」「XX（单位名称）」) instead of a name."""
    if title and (_TEMPLATE_TITLE.search(title) or _PLACEHOLDER.search(title)):
        return True
    return len(_PLACEHOLDER.findall(opening[:600])) >= 2


# 「各位代表:现在,我代表区人民政府向大会报告工作」: the 政府工作报告, which reviews 法治政府建设 among
# the year's work but is a report to the congress on everything the government did.
_CONGRESS_ADDRESS = re.compile(r"各位代表[:：]")
_REPORTS_TO_CONGRESS = re.compile(r"代表[^。,]{0,12}(?:人民政府|政府)[^。]{0,6}向大会[^。]{0,4}报告")


def is_congress_work_report(page_head: str) -> bool:
    """`page_head`: the top of the page, salutation line included."""
    head = page_head[:1000]
    return bool(_CONGRESS_ADDRESS.search(head) and _REPORTS_TO_CONGRESS.search(head))


# Bodies outside the administration that write 法治建设 reports of their own: courts and
# procuratorates (本院/我院), state-owned enterprises (依法治企), schools (依法治校), hospitals.
_NON_ADMIN = (
    r"(?:人民法院|法院|人民检察院|检察院|集团(?:有限)?公司|有限(?:责任)?公司|股份公司|集团|公司"
    r"|大学|学院|学校|医院)"
)
_NON_ADMIN_TITLE = re.compile(r"^[^\d关]{2,40}?" + _NON_ADMIN + r"(?=关于|(?:19|20)\d\d|年度|法治|依法)")
_NON_ADMIN_SUBJECT = re.compile(
    r"^[\s?]*(?:(?:19|20)\d\d年(?:度|以来)?|一年来|今年以来)[,:]?\s*"
    # The name is the clause's subject: no government body inside it, a verb of conduct after it.
    r"(?:本院|我院|我公司|本公司|我校|本校|(?:(?!政府|局|委|在)[\u4e00-\u9fff]){0,20}?"
    + _NON_ADMIN
    + r"(?=在|坚持|以|认真|深入|全面|紧紧|始终|围绕|扎实|聚焦|持续|按照|严格|不断|积极|全年))"
    r"|现将(?:本院|我院|本公司|我公司|集团公司|我校|学校)"
)


def _non_admin_body(title: str | None, opening: str) -> bool:
    if title and _NON_ADMIN_TITLE.match(re.sub(r"\s+", "", title)):
        return True
    return bool(
        _NON_ADMIN_SUBJECT.search(opening[:1500])
        if "现将" in opening[:1500]
        else _NON_ADMIN_SUBJECT.match(opening)
    )


# 「现将2023年工作总结如下」 with the subject nowhere before it: a body's general summary of its year,
# in which 法治政府建设 is one item among others.
_GENERAL_WORK = re.compile(
    r"现将(?:我局|本局|我委|本委|我办|本单位|我单位|全局)?(?:(?:19|20)\d\d年度?|一年来|全年)的?(?:主要)?工作"
    r"(?:开展)?(?:情况)?(?:和(?:19|20)\d\d年工作(?:计划|打算|思路))?(?:报告|汇报|总结)如下"
)
_SUBJECT = re.compile(r"法治政府|依法行政|法治建设")
# A title or opening covering several years (2021—2025年, “十三五”时期): a review of a period.
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s?[-—–~至到]\s?(?:(?:19|20)\d\d)?年|十[二三四五]五")
_SINGLE_YEAR = re.compile(r"(?<![\d\-—–~至到])(?:19|20)\d\d年(?!\s?[-—–~至到])")


# What the opening announces (「现将自查情况报告如下」): a report on an assessment, an inspection's
# rectification or a self-evaluation is not the annual report, unless it still names the year's
# 法治政府建设 (「现将2023年法治政府建设和督察整改情况报告如下」).
_ANNOUNCED = re.compile(r"现将([^。]{0,40}?)(?:报告|汇报|总结)如下")
_ANNOUNCED_OTHER = re.compile(r"评估|自评|自查|整改|督察|考核|抽查|评查|述法|履职")
_STILL_THE_YEAR = re.compile(r"法治政府建设(?:工作)?(?:情况|工作|和|及)")


def announces_other_report(opening: str) -> bool:
    m = _ANNOUNCED.search(opening[:1500])
    subject = m.group(1) if m else ""
    return bool(_ANNOUNCED_OTHER.search(subject)) and not _STILL_THE_YEAR.search(subject)


# Part of a year: 上半年, a quarter, 1-9月. The annual report covers the whole year.
_PART = r"(?:上半年|下半年|前三季度|第?[一二三四]季度|1[-—至~]\d{1,2}月|一至[二三四五六七八九十]{1,2}月)"
_PART_OF_YEAR = re.compile(r"^[\s?]*(?:(?:19|20)\d\d年)?" + _PART)
_PART_OF_YEAR_ANNOUNCED = re.compile(r"现将[^。\n]{0,20}?" + _PART + r"[^。\n]{0,20}?(?:报告|汇报|总结)如下")


def not_annual_report(title: str | None, opening: str) -> str | None:
    """`other_report` when a page that reads as an annual report is not one body's report on its
    year of 法治政府建设: a court's or an enterprise's, a period's review, a general year-end summary."""
    if _non_admin_body(title, opening) or announces_other_report(opening):
        return "other_report"
    plain_title = re.sub(r"《[^》]*》", "", title or "")
    if _YEAR_RANGE.search(plain_title) and not _SINGLE_YEAR.search(_YEAR_RANGE.sub("", plain_title)):
        return "other_report"
    if _PART_OF_YEAR.match(opening) or _PART_OF_YEAR_ANNOUNCED.search(opening[:1500]):
        return "other_report"
    general = _GENERAL_WORK.search(opening[:1500])
    if general and not _SUBJECT.search(plain_title) and not _SUBJECT.search(opening[: general.start()]):
        return "other_report"
    return None


# A 工作动态 item: a headline on the subject that names no year and no report (「X县:多措并举推进
# 法治政府建设」「县市场监管局扎实推进法治政府建设」) above a paragraph of achievements. A report's
# title carries its year and a report word.
_NEWS_HEADLINE_TOPIC = re.compile(r"法治政府|依法行政|法治建设")
_NOT_A_NEWS_HEADLINE = re.compile(
    r"报告|总结|汇报|情况|年度|讲话|致辞|发言|主持词|(?:19|20)\d\d|[〇一二三四五六七八九]{4}|:$"
)
# A column's name (「法治政府建设专栏」) is no headline: it says nothing beyond the subject.
_COLUMN_WORDS = re.compile(r"法治政府建设|法治政府|依法行政|法治建设|专栏|专题|栏目|信息公开|政务公开|工作")
_FURNITURE = re.compile(r"^(?:当前位置|您的位置|首页|来源|发布|时间|日期|作者|浏览|点击|字号|分享)|>")


def work_news_headline(body: str, opening: str) -> bool:
    """A short headline about the subject above the body, with no year or report word in it.
    Only asked of pages whose opening announces no report."""
    start = body.find(opening[:20])
    above = body[:start] if start > 0 else ""
    for line in (x.strip() for x in above.split("\n")[-4:]):
        if (
            6 <= len(line) <= 40
            and "。" not in line
            and _NEWS_HEADLINE_TOPIC.search(line)
            and len(re.findall(r"[\u4e00-\u9fff]", _COLUMN_WORDS.sub("", line))) >= 4
            and not _NOT_A_NEWS_HEADLINE.search(line)
            and not _FURNITURE.search(line)
            and not is_info_line(line)
        ):
            return True
    return False
