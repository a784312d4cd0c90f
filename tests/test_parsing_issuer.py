from parsing.issuer import body_issuer, issuer_kind, title_issuer, with_area, with_printed_area


def test_title_issuers():
    assert title_issuer("某市人民政府关于2023年度法治政府建设情况的报告") == "某市人民政府"
    assert title_issuer("某市某区政府2023年推进依法行政工作情况") == "某市某区人民政府"
    assert (
        title_issuer("中共某县委 某县人民政府关于2023年度法治政府建设情况的报告")
        == "中共某县委、某县人民政府"
    )
    assert title_issuer("审计署2023年法治政府建设年度报告") == "审计署"
    assert title_issuer("某市2023年度法治政府建设情况报告") is None
    assert with_area("市市场监管局", "台州市") == "台州市市场监督管理局"
    assert with_area("县司法局", "台州市") == "县司法局"  # a county bureau is not the city's


def test_body_issuers():
    assert (
        body_issuer("2023年,某省委、省政府坚持依法行政。", "某省", "province", False)[0]
        == "中共某省委、某省人民政府"
    )
    assert (
        body_issuer("2023年,某州党委、政府坚持依法行政。", "某州", "prefecture", False)[0] == "某州党委、政府"
    )
    assert (
        body_issuer("2023年,淮北市政府坚持依法行政。", "淮北市", "prefecture", False)[0] == "淮北市人民政府"
    )
    assert (
        body_issuer("2023年,在区委的领导下,我区坚持依法行政。", "某区", "county", False)[0] == "某区人民政府"
    )
    assert body_issuer("现将某镇人民政府2023年法治政府建设工作汇报如下:", "某镇", "township", False)[0] == (
        "某镇人民政府"
    )
    text = "2023年,我局在市委领导下推进依法行政。严格环评审批,开展污染防治,排污许可全覆盖,空气质量改善。"
    assert body_issuer(text, "台州市", "prefecture", False) == ("台州市生态环境局", "局")
    # 「X省2024年度…报告」 speaking for the whole province names no single body.
    assert body_issuer("2024年,某省深入践行习近平法治思想。", "某省", "province", True)[0] is None


def test_kinds():
    assert issuer_kind("中共某县委、某县人民政府") == "party_government"
    assert issuer_kind("某州党委、政府") == "party_government"
    assert issuer_kind("某县人民政府办公室") == "government"
    assert issuer_kind("某街道办事处") == "government"
    assert issuer_kind("某市司法局") == "department"
    assert issuer_kind(None, "局") == "department"
    assert issuer_kind(None, None) is None


def test_government_named_by_level_only():
    assert (
        body_issuer("2023年,在省委坚强领导下,省政府坚持依法行政。", "某省", "province", False)[0]
        == "某省人民政府"
    )
    assert body_issuer("2023年,市政府坚持依法行政。", "上海市", "province", False)[0] == "上海市人民政府"
    assert body_issuer("2023年,县政府坚持依法行政。", "某市", "prefecture", False)[0] is None


def test_subject_after_a_leading_sentence_or_a_bare_area():
    # a short first sentence before 「一年来,」 still leaves the subject readable
    text = "2022年是全面发力之年。一年来,某某区在区委领导下,持续推进依法行政。"
    assert body_issuer(text, "某某区", "county", True)[0] == "某某区人民政府"
    # 「某镇在县委县政府领导下」: the township itself, not 「某镇在县委县政府」
    text = "2023年,某某镇在县委县政府领导下,把法治政府建设摆在突出位置。"
    assert body_issuer(text, "某某镇", "township", True)[0] == "某某镇人民政府"
    # a bureau named after 「在…领导下,」 and followed by a verb the old list missed
    text = "2021年,在市委、市政府的领导下,某某市水利局紧扣年度目标,规范执法。"
    assert body_issuer(text, "某某市", "prefecture", False)[0] == "某某市水利局"


def test_title_name_gets_the_area_the_text_prints():
    opening = "2022年,玉溪高新区管委会坚持依法办事。"
    assert with_printed_area("高新区管委会", opening) == "玉溪高新区管委会"
    assert with_printed_area("高新区管委会", "2022年,本区坚持依法办事。") == "高新区管委会"
    assert with_printed_area("玉溪市司法局", "2022年,玉溪市司法局坚持依法办事。") == "玉溪市司法局"


def test_prefecture_administrative_office_written_out():
    # A 地区 is governed by its 行政公署; reports call it 行署 for short.
    assert with_area("地区行署", "阿克苏地区") == "阿克苏地区行政公署"
    assert issuer_kind("阿克苏地区行政公署") == "government"


def test_zone_committees_govern_but_department_committees_do_not():
    assert issuer_kind("南京经济技术开发区管理委员会") == "government"
    assert issuer_kind("临港新区管委会") == "government"
    assert issuer_kind("柳州市人民政府国有资产监督管理委员会") == "department"


def test_joint_title_heading_lines_run_together():
    title = "中共钦州市委钦州市人民政府关于2022年度法治政府建设情况的报告"
    assert title_issuer(title) == "中共钦州市委、钦州市人民政府"
    assert issuer_kind(title_issuer(title)) == "party_government"


def test_government_office_short_forms():
    assert title_issuer("融水县政府办2022年度法治政府建设报告") == "融水县人民政府办公室"
    assert issuer_kind("融水县人民政府办公室") == "government"
    assert with_area("县政府办公室", "融水苗族自治县") == "融水苗族自治县人民政府办公室"
    assert with_area("市人民政府办公厅", "柳州市") == "柳州市人民政府办公厅"


def test_joint_subject_of_a_county_with_a_one_character_stem():
    # 「攸县县委」: the level is written twice; the committee keeps the printed name
    text = "2025年,某县县委、县政府坚持依法行政。"
    assert body_issuer(text, "某县", "county", True)[0] == "中共某县县委、某县人民政府"
    assert body_issuer("2025年,某县县委领导下推进法治建设。", "某县", "county", True)[0] == "某县人民政府"
