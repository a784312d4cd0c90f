"""Documents that share an annual report's words but are something else: a different report, a
template for writing one, the government's work report read to a people's congress.

Kept apart from `classify` so its vocabulary of other kinds of report can grow without the
classifier's control flow growing with it."""

from __future__ import annotations

import re

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
