"""The portals of the imitation: one slot per host, in the order hosts are created.

Each slot fixes the CMS family and dialect, the level, candidate regions (name + the slug their real
portal's domain uses; the seed picks one) and how many department and township reports the portal
carries. The first four slots cover every family, so a small config still exercises all of them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Slot:
    key: str
    family: str
    variant: str
    level: str  # site level (department: a department's own portal)
    candidates: tuple[tuple[str, str], ...]  # (region name, domain slug)
    domain: str  # pattern with {slug}
    dept: str | None = None  # for department portals
    departments: int = 0  # department reports hosted on a government portal
    townships: int = 0
    encoding: str = "utf-8"
    big5: bool = False
    party_government: bool = False  # some years' reports are issued jointly by the party committee


SLOTS: tuple[Slot, ...] = (
    Slot(
        "trs-prov",
        "trs",
        "classic",
        "province",
        (("湖北省", "hubei"), ("贵州省", "guizhou"), ("河北省", "hebei")),
        "www.{slug}.gov.cn",
        departments=3,
        party_government=True,
    ),
    Slot(
        "hanweb-city",
        "hanweb",
        "jiangsu",
        "prefecture",
        (("淮安市", "huaian"), ("南通市", "nantong"), ("盐城市", "yancheng"), ("镇江市", "zhenjiang")),
        "www.{slug}.gov.cn",
        departments=6,
    ),
    Slot(
        "gkmlpt-city",
        "gkmlpt",
        "city",
        "prefecture",
        (("肇庆市", "zhaoqing"), ("江门市", "jiangmen"), ("惠州市", "huizhou")),
        "www.{slug}.gov.cn",
        departments=11,
    ),
    Slot(
        "generic-county",
        "generic",
        "pager",
        "county",
        (("平遥县", "pingyao"), ("临泽县", "linze"), ("汝州市", "ruzhou")),
        "www.{slug}.gov.cn",
        departments=2,
        encoding="gbk",
    ),
    Slot(
        "trs-cq",
        "trs",
        "chongqing",
        "county",
        (("万州区", "wz"), ("涪陵区", "fl"), ("江津区", "jiangjin")),
        "www.cq{slug}.gov.cn",
        departments=2,
    ),
    Slot(
        "hanweb-sft",
        "hanweb",
        "zhejiang",
        "department",
        (("江苏省", "jiangsu"), ("浙江省", "zj"), ("江西省", "jiangxi")),
        "sft.{slug}.gov.cn",
        dept="司法局",
        departments=3,
    ),
    Slot(
        "gkmlpt-county",
        "gkmlpt",
        "county",
        "county",
        (("怀集县", "huaiji"), ("封开县", "fengkai"), ("龙门县", "longmen")),
        "www.{slug}.gov.cn",
        departments=2,
        townships=3,
    ),
    Slot(
        "generic-city",
        "generic",
        "table",
        "prefecture",
        (("长治市", "changzhi"), ("三亚市", "sanya"), ("天水市", "tianshui")),
        "www.{slug}.gov.cn",
        departments=3,
        big5=True,
    ),
    Slot(
        "trs-dept",
        "trs",
        "channel",
        "department",
        (("邯郸市", "hd"), ("宜昌市", "yichang"), ("襄阳市", "xiangyang")),
        "sfj.{slug}.gov.cn",
        dept="司法局",
        departments=4,
    ),
    Slot(
        "hanweb-county",
        "hanweb",
        "jiangsu",
        "county",
        (("南昌县", "ncx"), ("婺源县", "wuyuan"), ("瑞金市", "ruijin")),
        "www.{slug}.gov.cn",
        departments=2,
        townships=2,
    ),
    Slot(
        "trs-county",
        "trs",
        "classic",
        "county",
        (("湄潭县", "meitan"), ("桐梓县", "tongzi"), ("绥阳县", "suiyang")),
        "www.{slug}.gov.cn",
        departments=2,
        townships=2,
        party_government=True,
    ),
    Slot(
        "generic-town",
        "generic",
        "pager",
        "township",
        (("新兴县", "xinxing"), ("安吉县", "anji")),
        "{town}.{slug}.gov.cn",
    ),
    Slot(
        "hanweb-dept",
        "hanweb",
        "jiangsu",
        "department",
        (("无锡市", "wuxi"), ("常州市", "changzhou"), ("泰州市", "taizhou")),
        "scjgj.{slug}.gov.cn",
        dept="市场监督管理局",
    ),
    Slot(
        "trs-city",
        "trs",
        "shtml",
        "prefecture",
        (("遵义市", "zunyi"), ("黄石市", "huangshi")),
        "www.{slug}.gov.cn",
        departments=3,
    ),
)

# Opt-in dialects (SimConfig.variants): layouts from portal_patterns.md the default slots do not serve,
# kept out of the default world so its truth and figures stay fixed. They test whether the crawler
# generalises to portals it was not written against.
VARIANT_SLOTS: tuple[Slot, ...] = (
    # Wuhan: list items written by <script> blocks (var url / title / FILENUM + document.writeln),
    # pager arguments passed as variables, .shtml pages
    Slot(
        "trs-js",
        "trs",
        "wuhan",
        "prefecture",
        (("武汉市", "wuhan"), ("十堰市", "shiyan")),
        "www.{slug}.gov.cn",
        departments=4,
    ),
    # Zhejiang JCMS 'jpaas': an empty column shell filled from the api-gateway JSON; 32-hex article names
    Slot(
        "hanweb-jpaas",
        "hanweb",
        "jpaas",
        "department",
        (("杭州市", "hangzhou"), ("宁波市", "ningbo"), ("温州市", "wenzhou")),
        "sfj.{slug}.gov.cn",
        dept="司法局",
        departments=3,
    ),
    # Guangdong NFCMS: content/post_{id}.html, index_N.html pages, nfw-cms attachments
    Slot(
        "nfcms-county",
        "nfcms",
        "county",
        "county",
        (("海珠区", "haizhu"), ("番禺区", "panyu"), ("龙岗区", "lg")),
        "www.{slug}.gov.cn",
        departments=3,
    ),
    # Kaipu/UCAP template whose column lists come from the common/search JSON API (GB18030 bytes
    # behind a UTF-8 header, as one real list API sends them)
    Slot(
        "kaipu-county",
        "kaipu",
        "common-search",
        "county",
        (("五常市", "wuchang"), ("尚志市", "shangzhi")),
        "www.{slug}.gov.cn",
        departments=2,
    ),
    # home-grown: registry names the parent section; the column is name.shtml, name_2.shtml …; the
    # pager is base64 inside div#pages decoded by window.atob; items in <dl>
    Slot(
        "generic-atob",
        "generic",
        "atob",
        "county",
        (("大理市", "dali"), ("楚雄市", "cxs"), ("个旧市", "gejiu")),
        "www.{slug}.gov.cn",
        departments=2,
    ),
    # second round, written after the adapter fixes above (a held-out check of how they generalise):
    # Beijing: every item on index.html, sliced in the browser; 3-number pager call; no index_N pages
    Slot(
        "trs-bj",
        "trs",
        "beijing",
        "county",
        (("海淀区", "bjhd"), ("朝阳区", "bjchy"), ("丰台区", "bjft")),
        "www.{slug}.gov.cn",
        departments=4,
    ),
    # Anhui: query-addressed column /public/column/{organId}?…&catId=, pageIndex pages
    Slot(
        "lonsun-county",
        "lonsun",
        "anhui",
        "county",
        (("肥西县", "feixi"), ("长丰县", "changfeng"), ("肥东县", "feidong")),
        "www.{slug}.gov.cn",
        departments=3,
    ),
    # Shanghai: recent items in /nw{section}/ (index_2 = page 2), older years in /nw{section}{YYYY}/
    Slot(
        "generic-sh",
        "generic",
        "shanghai",
        "county",
        (("徐汇区", "xuhui"), ("长宁区", "shcn"), ("静安区", "jingan")),
        "www.{slug}.gov.cn",
        departments=3,
    ),
    # third round (first looks measured before the adapter changes):
    # Guangdong gkmlpt whose tree has no rule-of-law category: reports filed under 其他法定公开内容
    # among other documents; the registry row names /gkmlpt/index with no #category
    Slot(
        "gkmlpt-other",
        "gkmlpt",
        "other",
        "county",
        (("高要区", "gaoyao"), ("四会市", "sihui"), ("德庆县", "deqing")),
        "www.{slug}.gov.cn",
        departments=3,
    ),
    # Suzhou: the column shell's script POSTs {pageIndex, channel_id} to a loadData endpoint (GET 405)
    Slot(
        "generic-sz",
        "generic",
        "suzhou",
        "county",
        (("吴江区", "wujiang"), ("相城区", "xiangcheng"), ("吴中区", "szwz")),
        "www.{slug}.gov.cn",
        departments=3,
    ),
    # JSP list paged by goPage(n) onclick handlers submitting a POST form; titles cut to 16 characters
    Slot(
        "generic-jsp",
        "generic",
        "jsp",
        "county",
        (("绵竹市", "mianzhu"), ("什邡市", "shifang"), ("广汉市", "guanghan")),
        "www.{slug}.gov.cn",
        departments=3,
    ),
    # no report column: reports filed in 其他法定信息 among other documents, titles cut to 15 characters
    Slot(
        "generic-mixed",
        "generic",
        "mixed",
        "county",
        (("凤冈县", "fenggang"), ("正安县", "za"), ("余庆县", "yuqing")),
        "www.{slug}.gov.cn",
        departments=3,
    ),
)
