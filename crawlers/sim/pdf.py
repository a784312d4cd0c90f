"""Reports printed as PDF attachments (reportlab, CID font STSong-Light; byte-stable output)."""

from __future__ import annotations

import io
from functools import cache

from crawlers.sim.model import Doc

_FONT = "STSong-Light"


@cache
def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(_FONT))


def report_pdf(doc: Doc) -> bytes:
    """A4 pages: centred title, then the paragraphs wrapped at the right margin."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _register_font()
    buf = io.BytesIO()
    # invariant=1 fixes the creation date and document id so the same report gives the same bytes.
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(doc.title)
    c.setAuthor(doc.issuer.name)
    width, height = A4
    left, right, top, bottom = 72, width - 72, height - 72, 72
    size, leading = 11, 18
    y = top
    c.setFont(_FONT, 15)
    c.drawCentredString(width / 2, y, doc.title)
    y -= 36
    c.setFont(_FONT, size)
    for para in doc.paragraphs:
        line = "　　" if not para.startswith(("一、", "二、", "三、", "四、")) else ""
        for ch in para:
            if stringWidth(line + ch, _FONT, size) > right - left:
                c.drawString(left, y, line)
                y -= leading
                line = ""
                if y < bottom:
                    c.showPage()
                    c.setFont(_FONT, size)
                    y = top
            line += ch
        c.drawString(left, y, line)
        y -= leading
        if y < bottom:
            c.showPage()
            c.setFont(_FONT, size)
            y = top
    c.showPage()
    c.save()
    return buf.getvalue()
