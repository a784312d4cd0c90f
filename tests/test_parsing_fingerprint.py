"""Content fingerprint and near-duplicate similarity, on report texts generated for these tests."""

from __future__ import annotations

import opencc

from parsing.fingerprint import canonical, fingerprint, similarity

_TOPICS = [
    "行政复议",
    "规范性文件审查",
    "政务公开",
    "人民调解",
    "普法宣传",
    "行政执法监督",
    "法律顾问",
    "热线办理",
]


def report(seed: int, sentences: int = 60) -> str:
    lines = [f"某{'东西南北'[seed % 4]}县第{seed}号年度法治政府建设情况报告"]
    for i in range(sentences):
        topic = _TOPICS[(i + seed) % len(_TOPICS)]
        lines.append(
            f"在{topic}方面,本县第{i}项工作持续深化,全年完成相关事项{seed * 37 + i * 11}件,"
            f"群众反映良好,制度建设取得新进展{i % 7}项。"
        )
    return "\n".join(lines)


NAV = "首页 > 政务公开 > 法治政府建设\n发布日期:2024-03-01  浏览次数:128\n"
FOOTER = "\n版权所有:某县人民政府办公室 网站标识码1234567890 某ICP备12345678号\n联系我们 | 网站地图"


def test_same_report_on_two_portals_gets_one_fingerprint():
    body = report(3)
    assert fingerprint(NAV + body + FOOTER) == fingerprint(body)
    assert fingerprint("\n\n  " + body.replace(",", ", ") + "\n打印本页 关闭窗口") == fingerprint(body)


def test_traditional_script_and_full_width_forms_do_not_matter():
    body = report(5)
    traditional = opencc.OpenCC("s2t").convert(body)
    assert traditional != body
    assert fingerprint(traditional) == fingerprint(body)
    full_width = body.replace(",", "，").translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert fingerprint(full_width) == fingerprint(body)


def test_different_reports_differ():
    prints = {fingerprint(report(seed)) for seed in range(30)}
    assert len(prints) == 30


def test_similarity_separates_near_duplicates_from_other_reports():
    a = report(7)
    assert similarity(a, NAV + a + FOOTER) > 0.9
    edited = a.replace("群众反映良好", "社会反响较好", 3)
    assert similarity(a, edited) > 0.8
    assert similarity(a, report(8)) < similarity(a, edited)


def test_canonical_keeps_only_characters_and_digits():
    assert canonical("法治 政府，建設（２０２３）!") == "法治政府建设2023"


def test_text_without_sentences_still_fingerprints():
    assert fingerprint("") == fingerprint("")
    assert fingerprint("短") != fingerprint("长")


def test_excerpts_cut_at_different_points_and_variant_characters():
    body = report(11)
    cut_a = body[: body.rindex("。", 0, 2000) + 9]  # both stop inside the same sentence
    cut_b = body[: body.rindex("。", 0, 2000) + 15]
    assert fingerprint(cut_a) == fingerprint(cut_b)
    assert fingerprint(body.replace("持续", "著力持续")) == fingerprint(body.replace("持续", "着力持续"))
