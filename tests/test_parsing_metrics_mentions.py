"""Numeric mentions and number parsing on sentences written for these tests."""

from __future__ import annotations

from parsing.metrics import extract_numeric_mentions
from parsing.metrics.numbers import iter_numbers, years_in


def values(text: str) -> list[tuple[float, str | None]]:
    return [(t.value, t.unit) for t in iter_numbers(text)]


def test_arabic_chinese_wan_and_percent():
    assert values("共计1,204件") == [(1204, "件")]
    assert values("约3.5万人次") == [(35000, "人次")]
    assert values("两万余人") == [(20000, "人")]
    assert values("十一宗") == [(11, "宗")]
    assert values("百分之八十") == [(80, "%")]
    assert values("达到98.25%") == [(98.25, "%")]
    assert values("挽回损失56.7万元") == [(56.7, "万元")]
    assert values("１５件") == [(15, "件")]
    assert values("百余场") == [(100, "场")]
    assert values("十余万人次") == [(100000, "人次")]


def test_not_quantities():
    assert values("第3次会议") == []
    assert values("5G基站与IPv6改造") == []
    assert values("十四五规划和二十届三中全会") == []
    assert values("推进一件事一次办") == []
    assert values("3月15日") == []


def test_more_flag():
    (tok,) = iter_numbers("300余名")
    assert tok.more and tok.value == 300
    (tok,) = iter_numbers("20多场")
    assert tok.more


def test_years():
    assert [y for _, _, y in years_in("2022年和二〇二三年")] == [2022, 2023]
    assert years_in("90年代") == []


def test_mentions_skip_identifiers_and_keep_figures():
    text = (
        "依据《某条例》(某府〔2022〕15号),全区建成便民服务站36个,咨询电话0755-12345678。\n"
        "1.开展培训。培训人员420人次,合格率96%。"
    )
    got = extract_numeric_mentions(text)
    assert [(m.value, m.unit) for m in got] == [(36, "个"), (420, "人次"), (96, "%")]
    first = got[0]
    assert text[first.start : first.end] == "36个"
    assert first.phrase == "全区建成便民服务站"
    assert first.sentence.startswith("依据《某条例》")


def test_mention_of_bare_number_has_no_unit():
    (m,) = extract_numeric_mentions("平台累计访问量达到8800000。")
    assert m.value == 8_800_000 and m.unit is None


def test_mentions_skip_dates_years_and_month_ranges_but_not_counts_near_2000():
    text = "发布日期:2021-06-30。依据规划(2016-2020年),2021版目录,1至10月受理2000余件,录入2,019条数据。"
    got = [(m.value, m.unit) for m in extract_numeric_mentions(text)]
    assert got == [(2000, "件"), (2019, "条")]
