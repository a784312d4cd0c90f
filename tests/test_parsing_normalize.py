from parsing.normalize import clean_whitespace, normalize, to_simplified


def test_full_width_ascii_becomes_half_width_and_chinese_punctuation_stays():
    text, original = normalize("全年收到申请１２件，办结率９９．５％（上年为９８％）：“依法”、《条例》。")
    assert text == "全年收到申请12件,办结率99.5%(上年为98%):“依法”、《条例》。"
    assert original is None


def test_traditional_is_converted_and_original_kept_aligned():
    text, original = normalize("縣政府關於2023年度法治政府建設情況的報告")
    assert text == "县政府关于2023年度法治政府建设情况的报告"
    assert original == "縣政府關於2023年度法治政府建設情況的報告"
    assert len(text) == len(original)


def test_conversion_is_character_for_character_on_long_mixed_text():
    src = "行政復議案件３件，經審查後維持原決定。\n" * 50
    text, original = normalize(src)
    assert len(text) == len(original)
    assert text.startswith("行政复议案件3件,经审查后维持原决定。")


def test_pinyin_glosses_of_mirror_sites_are_removed_but_plain_parentheses_stay():
    assert (
        clean_whitespace("推進法治建設(shè)和(2015-2020年)規劃(PDF)")
        == "推進法治建設和(2015-2020年)規劃(PDF)"
    )


def test_whitespace_cleanup():
    raw = "\ufeff标题\r\n\r\n\r\n\r\n第一段\u3000\u3000内容  \n\xa0第二段\u200b"
    assert clean_whitespace(raw) == "标题\n\n第一段  内容\n 第二段"


def test_simplified_text_is_left_alone():
    assert to_simplified("本县依法行政工作") == "本县依法行政工作"
