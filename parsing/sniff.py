"""Tell what a page is from its bytes, and decode text pages."""

from __future__ import annotations

import codecs
import re

PDF = "pdf"
DOCX = "docx"
DOC = "doc"  # old binary Word (OLE2 compound file)
HTML = "html"
TEXT = "text"
BINARY = "binary"

_HTML_MARKERS = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|br|span|script|a\s)[\s>/]", re.IGNORECASE
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", re.IGNORECASE
)
_ZIP_DOCX = re.compile(rb"word/document\.xml|\[Content_Types\]\.xml")


def sniff(data: bytes, content_type: str | None = None, url: str | None = None) -> str:
    """The kind of a page, by its leading bytes first and only then by the declared type."""
    head = data[:2048].lstrip()
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(b"PK\x03\x04"):
        return DOCX if _ZIP_DOCX.search(data[:65536]) or (url or "").lower().endswith(".docx") else BINARY
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return DOC
    if _HTML_MARKERS.search(data[:4096]):
        return HTML
    ct = (content_type or "").lower()
    if "html" in ct and head.startswith(b"<"):
        return HTML
    sample = data[:4096]
    if sample and sample.count(b"\x00") > len(sample) // 10:
        # UTF-16 text has many NULs too; tell it by its BOM.
        if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return TEXT
        return BINARY
    return TEXT


def _declared_charset(data: bytes, content_type: str | None) -> str | None:
    if content_type:
        m = re.search(r"charset\s*=\s*([A-Za-z0-9_\-]+)", content_type, re.IGNORECASE)
        if m:
            return m.group(1)
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def decode(data: bytes, content_type: str | None = None) -> str:
    """Decode a text or HTML page. BOM first, then strict UTF-8 (most portals), then the declared
    charset, then GB18030 (a superset of GBK/GB2312 that servers mislabel), then a detector."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data, content_type)
    candidates = []
    if declared:
        low = declared.lower()
        candidates.append("gb18030" if low in {"gb2312", "gbk", "gb_2312-80", "x-gbk"} else low)
    candidates.append("gb18030")
    for enc in candidates:
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace")
    except Exception:  # the detector is a last resort; a failure must not lose the page
        pass
    # Mixed encodings: keep what UTF-8 can read and mark the rest.
    return data.decode("gb18030", errors="replace")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def looks_binary(text: str) -> bool:
    """Decoded bytes that are not text: control characters and replacement marks are rare in any
    real page (well under 1%), common in images, archives and random data."""
    sample = text[:20_000]
    return bool(sample) and len(_CONTROL.findall(sample)) > 0.02 * len(sample)
