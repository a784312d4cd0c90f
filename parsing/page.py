"""bytes -> Report: the one entry point of the parsing room."""

from __future__ import annotations

import re

from parsing import classify as kinds
from parsing import dates, issuer, metadata, sniff
from parsing.documents import docx_text, pdf_text
from parsing.errors import NoTextError, ParseError, UnsupportedFormatError
from parsing.fingerprint import fingerprint
from parsing.html import extract_html
from parsing.meta import epoch_to_date
from parsing.metrics import extract_metrics, extract_numeric_mentions
from parsing.model import Report
from parsing.normalize import clean_whitespace, normalize
from parsing.region import find_areas
from parsing.sections import parse_sections

# A report is tens of thousands of characters; a page whose main text runs past these limits is not
# one report. The text is cut there (the raw page stays in the archive) so a huge page costs bounded
# time; figures are looked for in the first part only.
MAX_TEXT_CHARS = 1_000_000
MAX_METRIC_CHARS = 300_000
_HTML_STR = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|div|p|table|br)[\s>/]", re.IGNORECASE)


def parse_page(content: bytes | str, url: str | None = None, content_type: str | None = None) -> Report:
    """Parse one page (HTML, plain text, PDF or DOCX, told apart by their bytes) into a Report.

    Raises ParseError (or a subclass: UnsupportedFormatError, NoTextError, CorruptDocumentError)
    with a message that says why; never any other exception."""
    try:
        return _parse(content, url, content_type)
    except ParseError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise ParseError(f"page too large or too deeply nested to parse: {type(exc).__name__}") from exc
    except Exception as exc:  # a bug must not take the caller's batch down; it is reported, not hidden
        raise ParseError(f"internal parser failure: {type(exc).__name__}: {exc}") from exc


def _parse(content: bytes | str, url: str | None, content_type: str | None) -> Report:
    if content is None:
        raise ParseError("no content")
    head = top = tail = ""
    furniture = metadata.Furniture()
    attachments: list[str] = []
    if isinstance(content, str):
        kind = sniff.HTML if _HTML_STR.search(content[:4096]) else sniff.TEXT
        decoded = content
    else:
        kind = sniff.sniff(content, content_type, url)
        decoded = None
    if kind == sniff.PDF:
        raw_text = pdf_text(content)
    elif kind == sniff.DOCX:
        raw_text = docx_text(content)
    elif kind == sniff.DOC:
        raise UnsupportedFormatError(
            "old binary Word (.doc) file: needs an external converter such as LibreOffice"
        )
    elif kind == sniff.BINARY:
        raise UnsupportedFormatError("binary content that is neither PDF nor DOCX")
    else:
        if decoded is None:
            decoded = sniff.decode(content, content_type)
        if sniff.looks_binary(decoded):
            raise UnsupportedFormatError("content is not text: too many control or undecodable characters")
        if kind == sniff.HTML:
            doc = extract_html(decoded, url)
            raw_text = doc.text
            head = clean_whitespace(doc.head)
            top = clean_whitespace(doc.top)
            tail = clean_whitespace(doc.tail)
            furniture.meta = {k: clean_whitespace(v) for k, v in doc.meta.items()}
            furniture.titles = [clean_whitespace(t) for t in doc.titles]
            furniture.weak_titles = [clean_whitespace(t) for t in doc.weak_titles]
            attachments = doc.attachments
            if doc.detail:
                furniture.detail_date = epoch_to_date(
                    doc.detail.get("display_publish_time") or doc.detail.get("first_publish_time")
                )
        else:
            raw_text = decoded

    text, original = normalize(raw_text[:MAX_TEXT_CHARS])
    if not text.strip():
        raise NoTextError("page has no readable text")
    head_simplified = normalize(head)[0] if head else ""
    furniture.head_simplified, furniture.head_printed = head_simplified, head
    lines = metadata.header_lines(head_simplified, text)
    furniture.head_lines = lines
    furniture.text_lines = [line.strip() for line in text.split("\n")[:25] if line.strip()]
    furniture.tail_lines = [line.strip() for line in normalize(tail)[0].split("\n")] if tail else []
    # The 信息公开 block may sit anywhere above the body, or at the very top of the page.
    top_lines = [line.strip() for line in normalize(top)[0].split("\n")] if top else []
    furniture.info = metadata.info_block(head_simplified.split("\n") + lines + top_lines)
    return _build(text, original, furniture, url, content_type, attachments)


def _title(text: str, original: str | None, furniture: metadata.Furniture) -> str | None:
    """Meta/DETAIL/heading title, the info block's 标题, the title line(s) of the text, <title>.
    A title taken from the text is returned as printed (繁体 stays 繁体), as the gold keeps it."""
    for candidate in furniture.titles:
        if candidate and len(candidate) >= 6:
            return candidate
    if furniture.info.get("title"):
        return furniture.info["title"]
    # Link lists above the body (a sidebar of news titles) can hide the title that opens the text.
    parts = metadata.title_parts(furniture.head_lines) or metadata.title_parts(furniture.text_lines)
    if parts:
        # Conversion keeps lengths, so a span of the simplified text addresses the printed one.
        sources = [(text, original), (furniture.head_simplified, furniture.head_printed)]
        printed = []
        for part in parts:
            for simplified, raw in sources:
                pos = simplified.find(part) if raw and len(raw) == len(simplified) else -1
                if pos >= 0:
                    printed.append(raw[pos : pos + len(part)])
                    break
            else:
                printed.append(part)
        return "".join(printed)
    return furniture.weak_titles[0] if furniture.weak_titles else None


def _build(
    text: str,
    original: str | None,
    furniture: metadata.Furniture,
    url: str | None,
    content_type: str | None,
    attachments: list[str],
) -> Report:
    title = _title(text, original, furniture)
    simple_title = normalize(title)[0] if title else None
    doc_kind = kinds.classify(simple_title, text)
    publish = dates.publish_date(
        furniture.meta,
        furniture.info,
        furniture.detail_date,
        furniture.head_lines,
        text,
        furniture.tail_lines,
    )
    body_start = _body_start(text)
    opening = dates.arabic_years(text[body_start : body_start + 3000])

    named = issuer.title_issuer(simple_title)
    region = metadata.resolve_region(simple_title, named, text, furniture.meta, url)
    area_only = named is None and _area_only_title(simple_title)
    if named:
        who, speaker = issuer.with_printed_area(issuer.with_area(named, region.name), opening), None
    else:
        who, speaker = issuer.body_issuer(opening, region.name, region.level, area_only, text[:body_start])
        named_elsewhere = region.name is None or not who or not who.startswith(("中共", region.name))
        if who and named_elsewhere and (find_areas(who, stems=False) or region.name is None):
            # The body named in the text is the better witness of the area than stray mentions.
            region = metadata.resolve_region(None, who, text, furniture.meta, url)
    who = _township_issuer(who, region)
    who_kind = issuer.issuer_kind(who, speaker)

    report = Report(
        doc_kind=doc_kind,
        title=title,
        report_year=metadata.report_year(simple_title, text, publish)
        if doc_kind == kinds.ANNUAL_REPORT
        else None,
        region=region,
        issuer=who,
        issuer_kind=who_kind,
        publish_date=publish,
        doc_number=_doc_number(furniture.info, text),
        index_number=furniture.info.get("index_number"),
        text=text,
        original_text=original,
        url=url,
        content_type=content_type,
        attachments=attachments,
    )
    report.sections = parse_sections(text)
    report.fingerprint = fingerprint(text)
    head_text = text[:MAX_METRIC_CHARS]
    report.numeric_mentions = extract_numeric_mentions(head_text)
    if doc_kind == kinds.ANNUAL_REPORT:
        report.metrics = extract_metrics(
            head_text, report.report_year, issuer=report.issuer, issuer_kind=report.issuer_kind
        )
    return report


def _township_issuer(who: str | None, region) -> str | None:
    """A township's body is named without its county (「桥西区新华街道办事处」 -> 「新华街道办事处」),
    as the gold names township issuers; a joint 党委 name stays as printed."""
    if not who or region.level != "township" or not region.name or who.startswith("中共"):
        return who
    pos = who.find(region.name)
    return who[pos:] if pos > 0 else who


def _area_only_title(title: str | None) -> bool:
    """「黑龙江省2024年度法治政府建设情况报告」: the title names an area, not a body."""
    if not title:
        return False
    found = find_areas(title[:20], stems=False)
    return bool(found) and found[0][0] == 0 and title[len(found[0][1]) : len(found[0][1]) + 1].isdigit()


_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}〔(?:19|20)\d\d〕\d{1,4}号")


def _doc_number(info: dict[str, str], text: str) -> str | None:
    value = info.get("doc_number")
    if value:
        m = _DOC_NUMBER.search(value)
        return m.group(0) if m else value
    # A 文号 printed alone on a line above the body (「西政办〔2020〕20号」), not one cited in a sentence.
    for line in text.split("\n")[:8]:
        line = line.strip()
        m = _DOC_NUMBER.match(line)
        if m and len(line) <= len(m.group(0)) + 12:
            return m.group(0)
    return None


def _body_start(text: str) -> int:
    """Offset of the first sentence-like line (skips title, date and info lines)."""
    pos = 0
    for line in text.split("\n")[:30]:
        if kinds.is_body_line(line):
            return pos
        pos += len(line) + 1
    return 0
