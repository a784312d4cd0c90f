import pytest

from crawlers.recognize import adhoc_source, recognise, source_id_for

TRS = (
    '<ul><li><a href="./202403/t20240301_1.html">x</a></li></ul>'
    '<script>createPageHTML(3, 0, "index", "shtml");</script>'
)
TRS_CHANNEL = "<script>createPageHTML('page_div', 4, 1, 'list', 'shtml', 60)</script>"
HANWEB = (
    '<div id="4471"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/'
    'dataproxy.jsp?page=1&webid=3&columnid=9&unitid=4471"></a>]]></nextgroup><recordset></recordset>'
    "</datastore></script></div>"
)
GKMLPT = "<script>window._CONFIG = {SID:'756001', TREE:[], SERVICE_AREA_ID: 1};</script>"
NFCMS = (
    '<ul><li><a href="/zwgk/fzzfjs/content/post_4688229.html">x</a></li></ul>'
    "<script>var NFCMS_SITE_ID=1;</script>"
)


@pytest.mark.parametrize(
    ("url", "html", "family"),
    [
        ("https://a.gov.cn/zwgk/fzzfjsndbg/", TRS, "trs"),
        ("https://a.gov.cn/c101/list.shtml", TRS_CHANNEL, "trs"),
        ("https://a.gov.cn/col/col9/index.html", HANWEB, "hanweb"),
        ("http://a.gov.cn/sub/gkmlpt/index", GKMLPT, "gkmlpt"),
        ("http://a.gov.cn/sub/gkmlpt/index#2571", "", "gkmlpt"),
        ("https://a.gov.cn/zwgk/fzzfjs/", NFCMS, "generic"),
        ("https://a.gov.cn/list.html", "<a href='x.html'>x</a>", "generic"),
    ],
)
def test_recognise_family_from_the_page(url, html, family):
    assert recognise(url, html) == family


def test_adhoc_source_is_named_after_its_host():
    assert source_id_for("https://www.Example.gov.cn:8443/a/") == "example-gov-cn"
    s = adhoc_source("http://127.0.0.3:4000/col/col9/index.html", "hanweb")
    assert s.id == "127-0-0-3" and s.base_url == "http://127.0.0.3:4000/"
    assert s.columns[0].adapter == "hanweb" and s.adapter == "hanweb"
