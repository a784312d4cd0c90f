"""Pages that look like annual reports but are not: 解读, 工作要点, 通知, 新闻, 政务公开年报."""

from __future__ import annotations

import random
from dataclasses import dataclass

from crawlers.sim.content.numbers import chinese_date
from crawlers.sim.model import Issuer


@dataclass
class NearMiss:
    doc_kind: str
    title: str
    paragraphs: list[str]
    issuer: Issuer  # the body that published the page


def interpretation(rng: random.Random, issuer: Issuer, report_title: str, year: int) -> NearMiss:
    title = rng.choice(
        (
            f"《{report_title}》政策解读",
            f"图解：{report_title}",
            f"一图读懂{issuer.short}{year}年度法治政府建设情况",
        )
    )
    paras = [
        "一、起草背景",
        f"根据法治政府建设年度报告制度的规定，{issuer.short}对{year}年度法治政府建设情况进行了全面总结，形成了年度报告。",
        "二、主要内容",
        "报告共分四个部分：主要举措和成效、主要负责人履行第一责任人职责情况、存在的不足和原因、下一年度工作安排。",
        f"报告回顾了{year}年在依法履职、制度建设、决策规范、执法监督和普法宣传等方面的做法。",
        "三、解读机关及联系方式",
        f"解读机关：{issuer.name}。",
    ]
    return NearMiss("interpretation", title, paras, issuer)


def plan(rng: random.Random, issuer: Issuer, year: int) -> NearMiss:
    if rng.random() < 0.7:
        title = f"{issuer.short}{year}年法治政府建设工作要点"
        intro = f"为深入推进依法行政，加快建设法治政府，结合实际，制定{year}年法治政府建设工作要点如下。"
    else:
        title = f"{issuer.short}法治政府建设实施方案（{year}—{year + 4}年）"
        intro = (
            f"为全面推进{issuer.short}法治政府建设，到{year + 4}年基本建成职能科学、权责法定的法治政府，"
            "制定本方案。"
        )
    paras = [
        intro,
        "一、总体要求",
        "坚持以习近平法治思想为指导，坚持问题导向和目标导向，统筹推进法治政府建设各项工作。",
        "二、重点任务",
        "（一）依法全面履行政府职能。持续深化“放管服”改革，全面实行权责清单制度。",
        "（二）健全依法行政制度体系。严格规范性文件制定程序，落实合法性审核机制。",
        f"（三）严格规范公正文明执法。计划全年组织行政执法人员培训不少于{rng.choice((200, 300, 500))}人次。",
        "（四）加强法治宣传教育。落实普法责任制，开展法治宣传进机关、进乡村、进社区、进学校、进企业、进单位活动。",
        "三、保障措施",
        "各单位要加强组织领导，明确责任分工，于每年12月底前报送年度工作完成情况。",
    ]
    return NearMiss("plan", title, paras, issuer)


def notice(rng: random.Random, issuer: Issuer, office: str, year: int, due: tuple[int, int, int]) -> NearMiss:
    title = rng.choice(
        (f"关于做好{year}年度法治政府建设情况报告工作的通知", f"关于报送{year}年度法治政府建设年度报告的通知")
    )
    paras = [
        f"{issuer.region.short}直各单位，各乡镇（街道）："
        if issuer.region.level == "county"
        else "各有关单位：",
        f"为贯彻落实法治政府建设年度报告制度，做好{year}年度法治政府建设情况报告工作，现就有关事项通知如下：",
        f"一、各单位应于{chinese_date(*due)}前，将本单位{year}年度法治政府建设情况报告报送{office}，并通过门户网站向社会公开。",
        "二、报告内容应当包括上一年度推进法治政府建设的主要举措和成效、党政主要负责人履行推进法治建设第一责任人职责情况、存在的不足和原因以及下一年度主要安排。",
        "三、报告应当实事求是、重点突出，字数一般控制在五千字以内。",
        office,
    ]
    return NearMiss("notice", title, paras, issuer)


def news(rng: random.Random, issuer: Issuer, year: int) -> NearMiss:
    if rng.random() < 0.5:
        title = rng.choice(
            (
                f"{issuer.short}召开{year}年度法治政府建设工作推进会",
                f"{issuer.short}部署{year + 1}年法治政府建设重点工作",
            )
        )
        paras = [
            f"近日，{issuer.short}召开法治政府建设工作会议，总结{year}年度工作，部署下一阶段重点任务。",
            "会议传达学习了上级关于法治政府建设的最新要求，听取了有关单位的工作汇报。",
            "会议强调，要坚持以习近平法治思想为指导，压紧压实法治建设第一责任人职责，推动各项任务落地见效。",
            "各有关单位主要负责同志参加会议。",
        ]
    else:
        title = f"{issuer.short}公布{year}年度法治政府建设情况报告"
        paras = [
            f"日前，{issuer.short}在政府门户网站公布了{year}年度法治政府建设情况报告，接受社会监督。",
            "报告从依法履职、制度建设、执法监督、矛盾化解、法治宣传等方面总结了一年来的工作，并分析了存在的不足。",
            "社会公众可登录门户网站“法治政府建设年度报告”专栏查阅全文。",
        ]
    return NearMiss("news", title, paras, issuer)


def disclosure_report(rng: random.Random, issuer: Issuer, year: int) -> NearMiss:
    title = f"{issuer.name}{year}年政府信息公开工作年度报告"
    n = rng.randint(800, 20000)
    paras = [
        "一、总体情况",
        f"{year}年，{issuer.short}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作，"
        f"为推进法治政府建设提供了有力支撑。全年主动公开政府信息{n}条。",
        "二、主动公开政府信息情况",
        f"全年新制发规范性文件{rng.randint(2, 20)}件，现行有效{rng.randint(20, 200)}件。",
        "三、收到和处理政府信息公开申请情况",
        f"本年新收政府信息公开申请{rng.randint(3, 90)}件，均已按期答复。",
        "四、政府信息公开行政复议、行政诉讼情况",
        f"因政府信息公开被申请行政复议{rng.randint(0, 5)}件，被提起行政诉讼{rng.randint(0, 3)}件。",
        "五、存在的主要问题及改进情况",
        "个别单位公开内容不够及时，下一步将加强业务培训和日常监测。",
    ]
    return NearMiss("other_report", title, paras, issuer)
