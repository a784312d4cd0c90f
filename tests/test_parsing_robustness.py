"""parse_page raises nothing but ParseError and returns on hostile input. Time bounds are enforced
by pytest-timeout, not asserted."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsing.errors import ParseError
from parsing.model import Report
from parsing.page import parse_page
from tests.support.parsing_pages import REPORT_BODY, trs_page, unknown_template_page

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse_or_parse_error(content) -> Report | None:
    try:
        report = parse_page(content)
    except ParseError:
        return None
    assert isinstance(report, Report)
    for fact in report.metrics:
        assert report.text[fact.start : fact.end] == fact.evidence
    return report


@SETTINGS
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    _parse_or_parse_error(data)


@SETTINGS
@given(st.text(max_size=3000))
def test_random_text(text):
    _parse_or_parse_error(text)


@SETTINGS
@given(st.integers(min_value=0, max_value=len(trs_page())), st.sampled_from(["utf-8", "gb18030"]))
def test_truncated_html(cut, encoding):
    _parse_or_parse_error(trs_page().encode(encoding)[:cut])


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [
                "<div>",
                "</div>",
                "<p>",
                "</table>",
                "<td>",
                "<!--",
                "-->",
                "<script>",
                "&amp;",
                "&#x",
                "年",
                "2024",
                "报告",
                "\x00",
                "<meta name=PubDate content=",
                "〔",
                "号",
                "法治政府建设",
                ",",
                "。",
                "\n",
            ]
        ),
        max_size=400,
    )
)
def test_tag_soup(parts):
    _parse_or_parse_error("<html><body>" + "".join(parts))


def test_mixed_encodings():
    data = (
        trs_page().encode("utf-8")[:3000]
        + "法治政府建设情况".encode("gbk")
        + trs_page().encode("big5", "ignore")
    )
    _parse_or_parse_error(data)


@pytest.mark.timeout(60)
def test_hundred_thousand_nested_divs():
    html = "<html><body>" + "<div>" * 100_000 + REPORT_BODY + "</div>" * 100_000 + "</body></html>"
    report = _parse_or_parse_error(html.encode())
    assert report is not None and "行政复议申请42件" in report.text


@pytest.mark.timeout(120)
def test_twenty_megabyte_page():
    para = "<p>" + REPORT_BODY.replace("\n", "</p><p>") + "</p>\n"
    n = 20_000_000 // len(para.encode())
    html = "<html><head><title>t</title></head><body><div id='zoom'>" + para * n + "</div></body></html>"
    report = _parse_or_parse_error(html.encode())
    assert report is not None and report.doc_kind == "annual_report"


@pytest.mark.timeout(60)
def test_adversarial_runs_for_the_regexes():
    # Long runs of the characters the patterns loop over: labels, digits, years, brackets, spaces.
    for chunk in [
        "索 引 号 ",
        "2024年",
        "1",
        "(",
        "〔2024〕",
        " ",
        "现将",
        "发布时间:",
        "镇",
        "、",
        "\u3000",
        "<a ",
    ]:
        _parse_or_parse_error((chunk * 20000).encode())
        _parse_or_parse_error(unknown_template_page(chunk * 5000))
