from parsing.classify import classify
from parsing.listing import is_listing
from parsing.other_documents import (
    OTHER_REPORT_TITLE,
    is_congress_work_report,
    is_template,
    not_annual_report,
)

_ANNOUNCING = "2022年,本局深入推进依法行政,现将2022年度法治政府建设情况报告如下:\n一、主要做法"


def test_template_titles_and_placeholders():
    assert is_template("XX市(单位)2022年度法治政府建设年度报告编写提纲", "")
    assert is_template("××局2022年法治政府建设情况报告", "")
    assert is_template(None, "2022年,××(单位名称)在××领导下,……现将有关情况报告如下:")
    assert not is_template("芦溪县2022年度法治政府建设情况报告", _ANNOUNCING)
    # Latin letters around XX are a code or a word, not a placeholder.
    assert not is_template("关于XXL项目的报告", "")


def test_template_is_not_an_annual_report():
    title = "××县(单位)2022年度法治政府建设年度报告(参考模板)"
    text = title + "\n2022年,××(单位名称)……(概述全年工作)。现将有关情况报告如下:\n一、主要举措和成效"
    assert classify(title, text) == "other"
    assert classify(None, "附件\n" + text.split("\n", 1)[1]) == "other"


def test_government_work_report_to_the_congress():
    text = (
        "——2023年1月5日在江宁区第三届人民代表大会第二次会议上\n各位代表:\n"
        "现在,我代表区人民政府向大会报告工作,请予审议。\n一、2022年工作回顾\n"
        "(四)坚持依法行政,法治政府建设取得新进展。2022年,全区推进行政执法三项制度。"
    )
    assert is_congress_work_report(text)
    assert classify(None, text) == "other_report"
    # A report to a 人大常委会 on 法治政府建设 does not address 各位代表 and report to 大会.
    assert not is_congress_work_report(_ANNOUNCING)


def test_reports_about_the_subject_by_others_are_other_reports():
    for title in (
        "关于全县法治政府建设工作情况的调研报告",
        "市人大常委会执法检查组关于依法行政情况的检查报告",
        "关于检查法治政府建设情况的视察报告",
        "黄山市2022年度行政执法数据统计年报",
    ):
        assert OTHER_REPORT_TITLE.search(title), title
        assert classify(title, title + "\n" + _ANNOUNCING) == "other_report", title
    assert not OTHER_REPORT_TITLE.search("黄山市2022年度法治政府建设年度报告")


def test_list_page_with_dates_under_the_titles():
    page = (
        "依法行政\n桐庐县2022年度法治政府建设情况报告\n2023-03-21\n桐庐县2021年度法治政府建设情况报告\n2022-03-18\n"
        "关于印发2023年依法行政工作要点的通知\n2023-02-10\n上一页 1 2 下一页"
    )
    assert is_listing(page)
    assert classify("桐庐县2022年度法治政府建设情况报告", page) == "other"
    # A report's own title over its date line is not a list.
    report = "桐庐县2022年度法治政府建设情况报告\n2023-03-21\n" + _ANNOUNCING
    assert not is_listing(report)


def test_reports_of_courts_enterprises_and_schools():
    opening = (
        "2022年,本院在县委的坚强领导下,依法履行审判职能,助力法治政府建设。"
        "现将本院2022年法治建设工作情况报告如下:"
    )
    assert not_annual_report(None, opening) == "other_report"
    assert classify(None, opening) == "other_report"
    assert (
        classify("关于2022年度法治建设工作情况的报告", "关于2022年度法治建设工作情况的报告\n" + opening)
        == "other_report"
    )
    assert not_annual_report("临海市人民检察院2022年度法治建设工作报告", "") == "other_report"
    soe = "2022年,交通集团坚持依法治企,健全合规管理体系,推进法治建设。现将有关情况报告如下:"
    assert classify("2022年度法治建设工作报告", "2022年度法治建设工作报告\n" + soe) == "other_report"
    # A government that builds a hospital is still the government reporting.
    gov = "2022年,县政府围绕建设区域医疗中心医院,扎实推进法治政府建设。现将有关情况报告如下:"
    assert not_annual_report(None, gov) is None
    assert classify(None, gov) == "annual_report"


def test_general_year_end_summary_and_period_reviews():
    summary = (
        "2022年,县民政局在县委、县政府的领导下,各项工作取得新进展。"
        "现将2022年工作总结如下:\n一、推进法治政府建设\n"
    )
    assert classify(None, summary) == "other_report"
    # The subject named before the announcement: the year's 法治政府建设 is what is summed up.
    own = "2022年,县民政局扎实推进法治政府建设,依法行政水平不断提高。现将2022年工作总结如下:\n一、加强领导"
    assert classify(None, own) == "annual_report"
    title = "关于2016—2020年法治政府建设情况的报告"
    assert classify(title, title + "\n五年来,县政府坚持依法行政。现将有关情况报告如下:") == "other_report"
    title = "关于2020年度贯彻落实《法治政府建设实施纲要(2015—2020年)》情况的报告"
    assert classify(title, title + "\n" + _ANNOUNCING) == "annual_report"


def test_self_inspection_under_a_report_title():
    title = "2022年度依法行政工作情况自查报告"
    text = (
        title
        + "\n根据依法行政考核的通知要求,我局对照考核指标进行了全面自查。现将自查情况报告如下:\n一、得分情况"
    )
    assert classify(title, text) == "other_report"
    # The year's 法治政府建设 still named in the announcement: the annual report.
    text = title + "\n2022年,我局推进依法行政。现将2022年法治政府建设和督察整改情况报告如下:\n一、主要做法"
    assert classify("2022年度法治政府建设情况报告", text) == "annual_report"


def test_work_news_under_a_headline_without_year_or_report_word():
    item = (
        "常山县:三项机制推进法治政府建设\n发布时间:2023-08-15\n"
        "今年以来,常山县坚持依法行政,扎实推进法治政府建设。一是完善依法决策机制;二是规范行政执法;三是深化普法。"
    )
    assert classify(None, item) == "news"
    # The same paragraph under a report title, or announcing a report, stays the report.
    report = item.replace("常山县:三项机制推进法治政府建设", "常山县2023年度法治政府建设情况报告")
    assert (
        classify(None, report.replace("三是深化普法。", "三是深化普法。现将有关情况报告如下:"))
        == "annual_report"
    )
    # A column's name above a report that announces nothing is not a headline.
    column = (
        "法治政府建设专栏\n2022年,我县紧扣建设法治政府的目标,法治政府建设各项工作扎实推进。"
        "\n一、依法全面履行政府职能"
    )
    assert classify(None, column) == "annual_report"
    speech = "在全县依法行政工作会议上的讲话\n同志们:\n今天召开会议,总结去年全县依法行政工作,部署今年任务。"
    assert classify(None, speech) != "news"


def test_part_of_a_year_is_not_the_annual_report():
    assert not_annual_report(
        None, "2023年上半年,县政府扎实推进法治政府建设。现将上半年工作情况报告如下:"
    ) == ("other_report")
    assert (
        not_annual_report(None, "今年以来,我局推进法治政府建设。现将1-9月工作情况汇报如下:") == "other_report"
    )
    assert not_annual_report(None, _ANNOUNCING) is None
