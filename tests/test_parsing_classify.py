import pytest

from parsing.classify import classify

YEAR_OPENING = (
    "2023年,我县坚持以习近平法治思想为指导,深入推进依法行政,法治政府建设取得新成效。"
    "现将有关情况报告如下:\n一、主要做法\n"
)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("某县人民政府关于2023年度法治政府建设情况的报告", YEAR_OPENING, "annual_report"),
        ("某市司法局2023年法治政府建设工作总结", YEAR_OPENING, "annual_report"),
        (None, YEAR_OPENING, "annual_report"),
        ("《某县2023年度法治政府建设情况报告》政策解读", "为便于理解,现作如下解读。", "interpretation"),
        ("某县2024年法治政府建设工作要点", "为深入推进依法行政,制定本工作要点。", "plan"),
        ("关于印发某县2024年法治政府建设工作要点的通知", "各乡镇人民政府:", "plan"),
        (
            "关于做好2023年度法治政府建设情况报告工作的通知",
            "各乡镇人民政府,县直各单位:\n现就有关事项通知如下:",
            "notice",
        ),
        (
            "某县2023年政府信息公开工作年度报告",
            "根据《中华人民共和国政府信息公开条例》,现公布本年度报告。",
            "other_report",
        ),
        ("某县公布2023年度法治政府建设情况报告", "日前,某县在门户网站公布了年度报告,接受社会监督。", "news"),
        (None, "本报讯(记者 某某)近日,某市召开法治政府建设推进会,部署全年工作。", "news"),
        (
            None,
            "根据《中华人民共和国政府信息公开条例》要求,现将本机关2023年政务公开工作情况报告如下:",
            "other_report",
        ),
        (None, "各县(市、区)人民政府,市政府各部门:\n现就做好年度报告工作通知如下:", "notice"),
        (None, "今天天气晴朗,适合出游。", "other"),
    ],
)
def test_kinds(title, text, kind):
    assert classify(title, text) == kind


def test_generic_title_does_not_overrule_a_report_body():
    assert classify("年度报告", YEAR_OPENING) == "annual_report"


def test_meeting_about_reports_is_news():
    title = "市司法局召开2023年度法治政府建设年度报告编制工作推进会"
    assert classify(title, "为做好年度报告工作,市司法局组织各单位集中研讨。") == "news"


def test_a_bureau_work_summary_is_another_report():
    text = "2023年,县司法局围绕法治政府建设,推进依法行政,各项工作取得成效。"
    assert classify("某县司法局2023年工作总结和2024年工作计划", text) == "other_report"


@pytest.mark.parametrize(
    "title",
    [
        "某某县人民政府关于2021年度法治政府建设情况的报告",
        "中共某某市委 某某市人民政府关于2022年度法治政府建设情况的报告",
        "某某镇2023年法治政府建设年度报告",
        "国家税务总局某某市税务局2021年法治政府建设年度报告",
        "某某区2019年法治政府建设工作开展情况报告(公开版)",
        "某某县2020年法治政府建设工作总结及2021年工作计划",
    ],
)
def test_title_residue_of_report_titles_is_empty(title):
    assert classify(title, YEAR_OPENING) == "annual_report"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("某某市法治政府建设示范创建自评报告", "other_report"),
        ("关于对市人民政府2022年度法治政府建设情况报告的审议意见", "other"),
        ("某某县2023年上半年法治政府建设工作总结", "other_report"),
        ("我县法治政府建设年度报告质量评估位居前列", "news"),
        ("某某区2022年度法治政府建设工作述职报告", "other_report"),
    ],
)
def test_words_no_report_title_carries_make_it_something_else(title, kind):
    assert classify(title, YEAR_OPENING) == kind


ANNOUNCING_BODY = "2023年,我市对照反馈意见逐项落实,法治政府建设各项任务持续推进。现将有关情况报告如下:"


@pytest.mark.parametrize(
    "title",
    ["某市关于法治政府建设督察反馈问题整改情况的报告", "全市法治政府建设年度报告质量分析报告"],
)
def test_a_title_with_leftover_words_outranks_an_announcing_body(title):
    assert classify(title, ANNOUNCING_BODY) == "other_report"


@pytest.mark.parametrize(
    "title",
    [
        "城关镇2023年法治政府建设工作总结",
        "某某高新区管委会2022年法治政府建设情况报告",
        "关于大坪乡2020年度法治政府建设情况的报告",  # a township the area table does not hold
        "柳州市自然资源和规划局2022年度法治政府建设情况报告",  # 规划 in the name is no plan
        "某市发展和改革委员会2023年法治政府建设工作报告",
    ],
)
def test_issuer_names_are_not_leftover_words(title):
    assert classify(title, YEAR_OPENING) == "annual_report"


@pytest.mark.parametrize(
    "text",
    [
        "“一年来,我区共办理行政复议案件二百余件,纠错率保持稳定。”翻开区政府公开的年度报告,数据清晰可见。",
        "来源:某某日报\n走进市政务服务中心,办事群众排队时间明显缩短,这是近年来深化依法行政的一个缩影。",
        "省政府近日公开的年度报告显示,去年全省法治政府建设继续推进,备案审查数量创新高。",
    ],
)
def test_a_report_seen_from_outside_is_news(text):
    assert classify(None, text) == "news"


def test_a_press_source_does_not_overrule_a_first_person_year_opening():
    assert classify(None, "来源:县融媒体中心\n" + YEAR_OPENING) == "annual_report"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("图文解读\n一张图看懂我县去年法治政府建设\n【图片】", "interpretation"),
        ("党政主要负责人述法\n2022年,本人认真履行推进法治建设第一责任人职责,现述法如下:", "other_report"),
        ("2025年全县依法行政重点任务清单\n序号 任务 牵头单位\n1 完善决策程序 县司法局", "plan"),
    ],
)
def test_heading_lines_name_the_kind_when_there_is_no_title(text, kind):
    assert classify(None, text) == kind


def test_a_draft_put_out_for_comment_is_a_notice():
    title = "关于公开征求《某县法治政府建设实施方案(征求意见稿)》意见的公告"
    assert classify(title, "为广泛听取意见,现将征求意见稿全文公布。") == "notice"


def test_a_party_group_meeting_on_the_report_is_news():
    assert classify("区政府党组会专题研究法治政府建设年度报告", "会议逐段审阅了报告送审稿。") == "news"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("近期,市委依法治市办对各单位年度报告进行了抽查,现将抽查情况通报如下:", "notice"),
        ("2022年,全市依法行政考核工作顺利完成,法治政府建设水平进一步提升。现将考核结果通报如下:", "notice"),
        ("受委托,课题组对全市2023年法治政府建设情况开展第三方评估,现将评估情况报告如下:", "other_report"),
        ("2023年以来,我市紧扣督察反馈问题推进法治政府建设。现将督察整改情况报告如下:", "other_report"),
    ],
)
def test_what_the_opening_announces_decides(text, kind):
    assert classify(None, text) == kind


def test_an_opening_that_talks_about_the_reports_is_news():
    text = "2023年,全市法治政府建设年度报告公开工作顺利完成。据统计,全市共公开报告120份。"
    assert classify(None, text) == "news"


def test_a_report_citing_a_document_or_the_government_work_report_stays_a_report():
    text = (
        "2023年,我市按照《关于规范报送法治政府建设情况报告的通知》要求,将法治政府建设写入政府工作报告,"
        "深入推进依法行政。\n一、主要做法\n"
    )
    assert classify(None, text) == "annual_report"


@pytest.mark.parametrize(
    ("title", "kind"),
    [("在全县法治政府建设工作会议上的讲话", "other"), ("综述:2023年全市法治政府建设工作", "news")],
)
def test_speeches_and_reviews_are_not_reports_whatever_the_body_says(title, kind):
    assert classify(title, YEAR_OPENING) == kind


def test_a_reporters_voice_is_news_with_or_without_the_reports_title():
    text = "今年以来,县司法局扎实推进法治政府建设。该局有关负责人介绍,全县已清理证明事项三十余项。"
    assert classify(None, text) == "news"
    quoted = "“一年来,我区共办理行政复议案件二百余件,纠错率保持稳定。”翻开区政府的年度报告,数据清晰可见。"
    assert classify("某区2023年度法治政府建设情况报告", quoted) == "news"
    assert classify("某区2023年度法治政府建设情况报告", YEAR_OPENING) == "annual_report"


@pytest.mark.parametrize(
    "text",
    [
        "2023年,我县深入推进依法行政,成效明显。党的二十大报告指出,法治政府建设是全面依法治国的重点任务。",
        "2023年,我市深入推进依法行政。现将2023年法治政府建设和督察整改情况报告如下:",
    ],
)
def test_report_openings_that_look_like_other_cues_stay_reports(text):
    assert classify(None, text) == "annual_report"


def test_a_plan_word_outside_the_body_name_still_makes_a_plan():
    assert classify("某市自然资源和规划局2023年法治政府建设工作要点", "") == "plan"
