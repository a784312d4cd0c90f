import codecs

import pytest

from crawlers.decoding import declared_in_document, decode_body, is_text_type, normalise_encoding

TEXT = (
    "<html><head><title>某县人民政府2023年法治政府建设年度报告</title></head><body>"
    + ("<p>坚持依法行政，深化行政执法体制改革，行政复议案件依法审结。</p>" * 8)
    + "</body></html>"
)
TRAD = "<p>堅持依法行政，深化行政執法體制改革，推進政務公開。</p>" * 8


def with_meta(charset: str, text: str = TEXT) -> str:
    return f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' + text


@pytest.mark.parametrize(
    ("body", "header", "expected"),
    [
        (TEXT.encode("utf-8"), "text/html; charset=utf-8", "utf-8"),
        (TEXT.encode("gbk"), "text/html; charset=utf-8", "gb18030"),  # the header lies
        (TEXT.encode("gbk"), "text/html; charset=ISO-8859-1", "gb18030"),  # Tomcat default header
        (TEXT.encode("gbk"), None, "gb18030"),
        (with_meta("gb2312").encode("gb18030"), "text/html; charset=utf-8", "gb18030"),
        (with_meta("gb2312").encode("utf-8"), "text/html", "utf-8"),  # stale meta after a CMS upgrade
        (TEXT.encode("utf-8"), "text/html; charset=gbk", "utf-8"),
        (TRAD.encode("big5"), "text/html; charset=big5", "big5hkscs"),
        (TRAD.encode("big5"), None, "big5hkscs"),
    ],
)
def test_right_text_whatever_the_declarations_say(body, header, expected):
    text, encoding = decode_body(body, header)
    assert encoding == expected
    assert text == body.decode(expected)
    assert "\ufffd" not in text


def test_gbk_only_characters_in_a_gb2312_page():
    # 镕 and 祎 are outside GB2312; real "gb2312" pages contain them anyway
    body = with_meta("gb2312", "<p>朱镕基 王祎</p>").encode("gbk")
    assert decode_body(body, "text/html; charset=gb2312")[0].endswith("<p>朱镕基 王祎</p>")


def test_bom_wins():
    body = codecs.BOM_UTF8 + TEXT.encode("utf-8")
    assert decode_body(body, "text/html; charset=gbk") == (TEXT, "utf-8")


def test_a_stray_bad_byte_does_not_discard_the_declared_charset():
    body = TEXT.encode("gbk")
    body = body[:200] + b"\xff" + body[200:]
    text, encoding = decode_body(body, "text/html; charset=gbk")
    assert encoding == "gb18030" and text.count("\ufffd") == 1


def test_latin1_declaration_stands_for_western_text():
    body = "café naïve".encode("latin-1")
    assert decode_body(body, "text/html; charset=iso-8859-1") == ("café naïve", "latin-1")


def test_xml_declaration_is_read():
    assert declared_in_document(b'<?xml version="1.0" encoding="GBK"?><datastore/>') == "GBK"


def test_encoding_names():
    assert normalise_encoding("GB2312") == "gb18030"
    assert normalise_encoding("x-unknown") is None
    assert normalise_encoding("UTF8") == "utf-8"


def test_empty_body():
    assert decode_body(b"", "text/html; charset=gbk") == ("", "gb18030")


@pytest.mark.parametrize(
    ("content_type", "text"),
    [
        ("text/html; charset=utf-8", True),
        ("application/json", True),
        ("application/rss+xml", True),
        ("text/xml", True),
        ("application/pdf", False),
        ("application/msword", False),
        (None, False),
    ],
)
def test_is_text_type(content_type, text):
    assert is_text_type(content_type) is text
