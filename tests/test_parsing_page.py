import io
import zipfile

import pytest

from parsing.errors import CorruptDocumentError, NoTextError, ParseError, UnsupportedFormatError
from parsing.page import parse_page
from tests.support.parsing_pages import REPORT_BODY, TITLE, trs_page

URL = "http://www.example.gov.cn/zwgk/fzzfjs/202502/t20250214_1.html"


def _pdf(lines: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 11)
    y = 800
    for line in lines:
        c.drawString(40, y, line)
        y -= 18
    c.save()
    return buf.getvalue()


def _docx(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_html_page_end_to_end():
    report = parse_page(trs_page().encode("utf-8"), url=URL, content_type="text/html")
    assert report.doc_kind == "annual_report"
    assert report.title == TITLE
    assert report.report_year == 2024
    assert report.region.name == "德庆县" and report.region.code == "441226"
    assert report.issuer == "德庆县人民政府" and report.issuer_kind == "government"
    assert report.publish_date == "2025-02-14"
    assert report.doc_number == "德府函〔2025〕8号"
    assert report.index_number == "11441226MB2C93411X/2025-00017"
    assert report.attachments[0].endswith("P020250214123456789012.pdf")
    for fact in report.metrics:
        assert report.text[fact.start : fact.end] == fact.evidence


def test_gbk_page_without_declared_charset_in_header():
    html = trs_page().replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    )
    report = parse_page(html.encode("gbk"), url=URL, content_type="text/html")
    assert report.title == TITLE


def test_traditional_page_keeps_original_and_title_as_printed():
    text = (
        "某縣人民政府關於2023年度法治政府建設情況的報告\n"
        + "2023年,我縣堅持依法行政,法治政府建設取得新成效。現將有關情況報告如下:\n一、主要做法"
    )
    report = parse_page(text)
    assert report.text.startswith("某县人民政府关于2023年度法治政府建设情况的报告")
    assert report.original_text.startswith("某縣人民政府關於")
    assert report.title == "某縣人民政府關於2023年度法治政府建設情況的報告"
    assert report.doc_kind == "annual_report" and report.report_year == 2023


def test_plain_text_with_header_lines():
    text = f"{TITLE}\n发布时间:2025-02-14 来源:德庆县司法局\n\n{REPORT_BODY}"
    report = parse_page(text.encode("utf-8"), url=None, content_type="text/plain")
    assert (report.title, report.publish_date, report.region.name) == (TITLE, "2025-02-14", "德庆县")


def test_pdf_generated_on_the_fly():
    data = _pdf([TITLE, *REPORT_BODY.split("\n")])
    report = parse_page(data, url="http://www.example.gov.cn/P02025.pdf")
    assert report.doc_kind == "annual_report"
    assert report.region.name == "德庆县"
    assert "收到行政复议申请42件" in report.text.replace(" ", "")


def test_docx_generated_on_the_fly_with_table():
    data = _docx([TITLE, *REPORT_BODY.split("\n")], table=[["指标", "数量"], ["行政复议", "42件"]])
    report = parse_page(data)
    assert report.title == TITLE
    assert "行政复议 42件" in report.text


def test_scanned_pdf_has_no_text_layer():
    data = _pdf([])
    with pytest.raises(NoTextError, match="no text layer"):
        parse_page(data)


def test_old_doc_and_binary_are_refused_with_a_reason():
    with pytest.raises(UnsupportedFormatError, match="doc"):
        parse_page(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(UnsupportedFormatError):
        parse_page(bytes(range(256)) * 40)


def test_corrupt_documents():
    with pytest.raises(CorruptDocumentError):
        parse_page(b"%PDF-1.7\n garbage that is not a pdf")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<not really a docx>")
    with pytest.raises(CorruptDocumentError):
        parse_page(buf.getvalue())


def test_empty_page():
    with pytest.raises(NoTextError):
        parse_page(b"<html><body><div>   </div></body></html>")
    with pytest.raises(ParseError):
        parse_page(b"")


def test_near_miss_is_not_an_annual_report():
    text = "关于做好2024年度法治政府建设情况报告工作的通知\n各乡镇人民政府,县直各单位:\n现就有关事项通知如下:"
    report = parse_page(text)
    assert report.doc_kind == "notice" and report.report_year is None and report.metrics == []
