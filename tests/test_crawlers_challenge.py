import pytest

from crawlers.challenge import detect_challenge

RUISHU = (
    "<html><head><meta id='FSSBBIl1UgzbN7N' content='aZkQ0x' r='m'>"
    "<script>$_ts=window['$_ts'];if(!$_ts)$_ts=window['$_ts']={};$_ts.nsd=5042;$_ts.cd='qrcrrr';</script>"
    "<script type='text/javascript' src='/4QbVtADbnLVIc/c.FxJzG50F.dfe1675.js' r='m'></script>"
    "</head><body></body></html>"
)
JSL = (
    "<script>document.cookie=('_')+('_')+('jsl_clearance_s')+('=')+('1700000000.123|0|xyz');"
    "location.href=location.pathname+location.search</script>"
)
WZWS = "<html><body><noscript>请开启JavaScript并刷新该页.</noscript><script>var c='x';</script></body></html>"
ARTICLE = "<html><body><h1>2023年法治政府建设年度报告</h1>" + "<p>全面推进依法行政工作，成效明显。</p>" * 30


@pytest.mark.parametrize(
    ("status", "headers", "body", "vendor"),
    [
        (412, {"set-cookie": "NfBCSins2OywS=60mR; path=/"}, RUISHU, "Ruishu"),
        (202, {}, RUISHU, "Ruishu"),
        (200, {"set-cookie": "FSSBBIl1UgzbN7NS=5; path=/"}, RUISHU, "Ruishu"),  # a 200 wall
        (521, {"set-cookie": "__jsluid_s=ab12; path=/"}, JSL, "Jiasule"),
        (200, {}, JSL, "Jiasule"),
        (200, {"set-cookie": "wzws_cid=abc; path=/"}, WZWS, "WZWS"),
        (307, {"set-cookie": "wzws_sessionid=abc"}, "", "WZWS"),  # asked about a redirect loop
    ],
)
def test_walls_are_recognised(status, headers, body, vendor):
    reason = detect_challenge(status, headers, body)
    assert reason is not None and vendor in reason


@pytest.mark.parametrize(
    ("status", "headers", "body"),
    [
        (200, {}, ARTICLE),
        (200, {"set-cookie": "wzws_cid=abc; path=/"}, ARTICLE + "<script>var a=1;</script>"),  # past the wall
        (200, {"set-cookie": "JSESSIONID=ABCDEF0123S; path=/"}, ARTICLE),
        (200, {}, ARTICLE + "<script>document.cookie='lang=zh';location.href='/cn/';</script>"),
        (404, {}, "<html><body>页面不存在</body></html>"),
        (200, {}, ARTICLE + RUISHU.replace("<html><head>", "")),  # real page that embeds the vendor script
        (521, {}, "origin down"),  # Cloudflare-style 521 without a cookie script
    ],
)
def test_ordinary_pages_are_not_walls(status, headers, body):
    assert detect_challenge(status, headers, body) is None
