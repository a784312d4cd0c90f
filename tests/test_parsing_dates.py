from parsing.dates import (
    arabic_years,
    bare_date_line,
    labelled_date,
    parse_date,
    publish_date,
    signature_date,
)


def test_date_formats():
    assert parse_date("2024-3-5") == "2024-03-05"
    assert parse_date("2024/03/05 10:20") == "2024-03-05"
    assert parse_date("2024年03月05日") == "2024-03-05"
    assert parse_date("05.03.2024  08:00") == "2024-03-05"  # day first, as aggregators print it
    assert parse_date("二〇二四年三月十五日") == "2024-03-15"
    assert parse_date("2024-02-30") is None
    assert parse_date("第2024号") is None


def test_labelled_date_skips_date_of_writing():
    assert labelled_date(["成文日期:2024-01-02 发布日期:2024-01-09"]) == "2024-01-09"
    assert labelled_date(["成文日期:2024-01-02"]) is None
    assert labelled_date(["来源:县司法局 发布时间 2024年01月09日 点击数:"]) == "2024-01-09"
    assert labelled_date(["时间:2024-01-09浏览次数:"]) == "2024-01-09"


def test_bare_date_line_is_not_a_sentence():
    assert bare_date_line(["2024-04-02 10:14 某省人民政府网"]) == "2024-04-02"
    assert bare_date_line(["2024年4月2日,我县召开会议,研究部署工作。"]) is None


def test_signature_date_at_the_end():
    assert signature_date("正文。\n\n某县人民政府\n\n2024年1月19日\n") == "2024-01-19"
    assert signature_date("正文写到2024年1月19日为止,没有落款。") is None


def test_trust_order():
    meta = {"pubdate": "2024-02-01 09:00"}
    info = {"publish_date": "2024-02-03", "written_date": "2024-01-30"}
    assert publish_date(meta, info, None, ["发布时间:2024-02-05"], "") == "2024-02-01"
    assert publish_date({}, info, None, ["发布时间:2024-02-05"], "") == "2024-02-03"
    assert publish_date({}, {"written_date": "2024-01-30"}, None, ["时间:2024-02-05"], "") == "2024-02-05"
    assert publish_date({}, {"written_date": "2024-01-30"}, None, [], "") == "2024-01-30"
    assert publish_date({}, {}, None, [], "正文。\n2024年1月19日") == "2024-01-19"


def test_arabic_years_keep_offsets():
    text = "二〇二二年,现将二○二一年度报告如下;一二三四年不是年份"
    converted = arabic_years(text)
    assert converted == "2022年,现将2021年度报告如下;一二三四年不是年份"
    assert len(converted) == len(text)


def test_portal_clock_and_neighbour_links_are_not_the_publish_date():
    head = ["今天是2024年5月10日 星期五", "丽水市2023年度法治政府建设情况报告"]
    assert publish_date({}, {}, None, head, "") is None
    lines = [
        "丽水市2023年度法治政府建设情况报告",
        "2023年,市政府坚持依法行政,扎实推进法治政府建设。现将有关情况报告如下:",
        "上一篇:丽水市2023年政府信息公开工作年度报告(2024-01-30)",
    ]
    assert publish_date({}, {}, None, lines, "") is None
    # A date line above the body, with its weekday, still counts.
    assert publish_date({}, {}, None, ["2024年03月28日 星期四 来源:市司法局", *lines[1:]], "") == "2024-03-28"
