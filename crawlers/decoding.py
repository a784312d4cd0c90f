"""Bytes of a page -> text, trusting declarations only as far as the bytes bear them out.

Order of clues: byte-order mark; then the document's own declaration (<meta charset>, <meta
http-equiv=Content-Type>, <?xml encoding?>) in the first KB; then the HTTP header; then detection.

The in-document declaration is tried before the header, against browser practice, because on
government portals the common failure is a server-wide header (Tomcat/nginx default
`charset=UTF-8` or `ISO-8859-1`) in front of pages a CMS wrote in GBK, while the template's meta tag
was written by the same CMS that wrote the bytes. Every declaration is checked by strict decoding,
so a lie from either side falls through to the next clue. Before any declaration, bytes that are
valid UTF-8 with real multibyte content are taken as UTF-8 (see decode_body).

GB2312 and GBK are decoded as GB18030 (a superset: real "GB2312" pages contain GBK-only characters);
Big5 as Big5-HKSCS for the same reason.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

SNIFF_BYTES = 4096
UTF8_EVIDENCE_BYTES = 12  # non-ASCII bytes (four CJK characters) that make valid UTF-8 conclusive
# Declarations that accept any byte sequence: strict decoding proves nothing about them.
_PERMISSIVE = frozenset({"latin-1", "iso8859-1", "cp1252"})
_CJK = ("gb18030", "big5hkscs", "utf-8")
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "ascii": "utf-8"}
# a declared charset may decode with a few bad bytes (a pasted fragment); beyond this it is a lie
_MAX_ERROR_SHARE = 0.001

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def normalise_encoding(name: str | None) -> str | None:
    """Python codec name for a declared charset (supersets applied); None when unknown."""
    if not name:
        return None
    try:
        canonical = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    canonical = _SUPERSETS.get(canonical, canonical)
    return "latin-1" if canonical == "iso8859-1" else canonical


def declared_in_document(body: bytes) -> str | None:
    """The charset a page declares about itself in its first KB, if any."""
    head = body[:SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def declared_in_header(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def _error_share(body: bytes, encoding: str) -> float:
    return body.decode(encoding, errors="replace").count("\ufffd") / max(1, len(body))


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(body: bytes, candidates: list[str] | None) -> str | None:
    best = from_bytes(body, cp_isolation=candidates).best()
    return normalise_encoding(best.encoding) if best is not None else None


def decode_body(body: bytes, content_type_header: str | None) -> tuple[str, str]:
    """(text, codec name). Never raises on bad bytes; undecodable bytes become U+FFFD as a last resort."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace"), encoding.removesuffix("-sig")
    if not body:
        return "", normalise_encoding(declared_in_header(content_type_header)) or "utf-8"

    # GBK/GB18030 text of any length is practically never valid UTF-8, while UTF-8 pages behind a
    # stale `gb2312` meta are common after CMS upgrades: valid UTF-8 with real multibyte content wins
    if _is_utf8(body) and sum(b >= 0x80 for b in body[: SNIFF_BYTES * 4]) >= UTF8_EVIDENCE_BYTES:
        return body.decode("utf-8"), "utf-8"

    declared = [
        enc
        for enc in (
            normalise_encoding(declared_in_document(body)),
            normalise_encoding(declared_in_header(content_type_header)),
        )
        if enc
    ]
    for encoding in declared:
        if encoding in _PERMISSIVE:
            continue
        try:
            return body.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    # nearly right: a declared charset with a stray bad byte or two is still the page's charset
    for encoding in declared:
        if encoding not in _PERMISSIVE and _error_share(body, encoding) <= _MAX_ERROR_SHARE:
            return body.decode(encoding, errors="replace"), encoding
    if _is_utf8(body):
        return body.decode("utf-8"), "utf-8"
    permissive = [enc for enc in declared if enc in _PERMISSIVE]
    if permissive:
        # a Western single-byte declaration stands unless the bytes look like Chinese
        detected = _detect(body, None)
        encoding = detected if detected in _CJK else permissive[0]
    else:
        # Unrestricted detection mistakes short GBK runs for Korean or Cyrillic codepages; the pages
        # this crawler reads are Chinese, so the choice is among the Chinese encodings.
        encoding = _detect(body, list(_CJK)) or "gb18030"
    return body.decode(encoding, errors="replace"), encoding


_TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/json", "application/javascript")


def is_text_type(content_type: str | None) -> bool:
    """Whether a Content-Type names a body to decode as text (HTML, XML, JSON, text/*)."""
    mime = (content_type or "").split(";")[0].strip().lower()
    return mime.startswith(_TEXT_TYPES) or mime.endswith(("+xml", "+json"))
