from parsing.issuer import body_issuer, issuer_kind, title_issuer, with_area


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
