from parsing import region
from parsing.metadata import resolve_region


def test_full_names_and_codes():
    found = region.find_areas("肇庆市德庆县人民政府")
    assert [name for _, name, _, _ in found] == ["肇庆市", "德庆县"]
    assert found[1][2][0].code == "441226"


def test_two_character_county_names_need_a_boundary():
    # 「市委和县委」 must not be read as 和县 (a real county in 安徽).
    assert not region.find_areas("在市委和县委的领导下")
    assert region.find_areas("和县人民政府")[0][1] == "和县"


def test_county_stems_only_before_a_year_or_government():
    assert not region.find_areas("加强自然资源保护")  # 资源县 is a county in 广西
    assert region.find_areas("德庆2024年度报告")[0][2][0].name == "德庆县"


def test_region_from_title_issuer_and_site_code():
    r = resolve_region("德庆县人民政府关于2024年度法治政府建设情况的报告", None, "正文", {}, None)
    assert (r.name, r.code, r.level, r.province, r.prefecture) == (
        "德庆县",
        "441226",
        "county",
        "广东省",
        "肇庆市",
    )


def test_department_serves_its_city():
    r = resolve_region("泉州市生态环境局2023年法治政府建设情况报告", None, "正文", {}, None)
    assert (r.name, r.level) == ("泉州市", "prefecture")


def test_township_takes_its_county():
    text = "2023年,在县委、县政府的领导下,我镇扎实推进依法行政。德庆县委部署……"
    r = resolve_region("官圩镇2023年法治政府建设年度报告", None, text, {}, None)
    assert (r.name, r.level, r.county, r.code) == ("官圩镇", "township", "德庆县", "441226")


def test_ambiguous_name_resolved_by_other_clues():
    text = "2023年,朝阳区坚持依法行政,全区各部门……长春市委要求……"
    r = resolve_region(None, None, text, {}, None)
    assert r.code == "220104"  # 长春市朝阳区, not 北京市朝阳区
    r2 = resolve_region(None, None, "2023年,朝阳区坚持依法行政。", {"siteidcode": "1101050001"}, None)
    assert r2.code == "110105"


def test_voice_of_the_text_picks_the_level():
    text = "2023年,全省各级政府深入推进依法行政,南宁市、柳州市等地……我省法治政府建设取得新成效。"
    r = resolve_region(None, None, text, {}, None)
    assert (r.name, r.level) == ("广西壮族自治区", "province")


def test_central_ministry_covers_the_country():
    assert resolve_region(None, "水利部", "正文", {}, None).name == "全国"


def test_province_from_host_when_text_names_none():
    r = resolve_region(None, None, "2023年,全省上下坚持依法行政。", {}, "http://www.henan.gov.cn/2024/x.html")
    assert r.name == "河南省"


def test_quan_qu_of_an_autonomous_region_versus_a_district():
    text = "2023年,在自治区党委、政府的坚强领导下,全区各级政府坚持依法行政,南宁市、柳州市率先推进。"
    assert resolve_region(None, None, text, {}, None).name == "广西壮族自治区"
    text = "2023年,在区委、区政府的坚强领导下,我区坚持依法行政。西乡塘区全面推进,自治区人民政府肯定。"
    assert resolve_region(None, None, text, {}, None).name == "西乡塘区"


def test_prefecture_cities_without_districts_and_stem_stop_words():
    assert region.find_areas("东莞市人民政府")[0][2][0].code == "441900"
    assert not region.find_areas("维护社会长治久安")
    assert region.find_areas("海南")[0][2][0].level == "province"


def test_subject_after_the_leadership_clause_beats_the_city_it_names():
    text = (
        "关于2022年度法治政府建设情况的报告\n发布日期:2023-03-15\n"
        "2022年,在绍兴市委、市政府的坚强领导下,诸暨市坚持依法行政。现将我市2022年度法治政府建设情况报告如下:"
    )
    r = resolve_region(None, None, text, {}, None)
    assert (r.name, r.level, r.prefecture) == ("诸暨市", "county", "绍兴市")


def test_former_county_level_city_named_as_a_body():
    # 富阳市 became 富阳区 in 2014; its older reports print the former name.
    found = region.find_areas("富阳市人民政府关于2013年度依法行政工作的报告")
    assert found[0][2][0].name == "富阳区"
    assert region.find_areas("富阳市委、市政府")[0][2][0].name == "富阳区"
    # 市 after a stem that is not a body's name is not an area (「新城市民」).
    assert not region.find_areas("推动新城市民服务中心建设")


def test_party_committee_prefix_is_not_part_of_a_township_name():
    names = [
        name
        for _, name, _ in region.townships(
            "中共桃源乡委员会 桃源乡人民政府关于2022年度法治政府建设情况的报告"
        )
    ]
    assert names and all(n == "桃源乡" for n in names)


def test_township_name_after_a_district_name_longer_than_the_match_window():
    names = [name for _, name, _ in region.townships("朝阳区潘家园街道2022年法治政府建设工作报告")]
    assert names == ["潘家园街道"]


def test_county_named_after_its_prefecture_since_renamed():
    # 株洲县 became 渌口区 in 2018; 长沙县 still exists under its own name.
    found = region.find_areas("关于株洲县2017年依法行政工作的报告")
    assert [(name, found[0][2][0].level, found[0][2][0].prefecture) for _, name, _, _ in found] == [
        ("株洲县", "county", "株洲市")
    ]
    assert region.find_areas("长沙县人民政府")[0][2][0].code == "430121"
    assert region.find_areas("株洲市2017年")[0][2][0].level == "prefecture"
