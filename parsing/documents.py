"""Text of PDF and DOCX attachments. Old binary .doc needs an external converter and scanned PDFs
need OCR; both are refused with a reason rather than guessed at."""

from __future__ import annotations

import io
import zipfile

from parsing.errors import CorruptDocumentError, NoTextError

# A PDF longer than this is not a report page; reading stops there so one file cannot stall a run.
MAX_PDF_PAGES = 400


def pdf_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:  # pdfium raises its own PdfiumError and occasionally others
        raise CorruptDocumentError(f"PDF cannot be opened: {exc}") from exc
    try:
        n = len(pdf)
        pages = []
        for i in range(min(n, MAX_PDF_PAGES)):
            page = pdf[i]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    except Exception as exc:
        raise CorruptDocumentError(f"PDF text layer cannot be read: {exc}") from exc
    finally:
        pdf.close()
    text = "\n".join(pages)
    if n and not text.strip():
        raise NoTextError(f"PDF has {n} page(s) but no text layer (scanned images; OCR is out of scope)")
    if not text.strip():
        raise NoTextError("PDF has no pages")
    return text


def docx_text(data: bytes) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorruptDocumentError(f"DOCX cannot be opened: {exc}") from exc
    except Exception as exc:  # python-docx raises various lxml/package errors on damaged files
        raise CorruptDocumentError(f"DOCX cannot be opened: {type(exc).__name__}: {exc}") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = []
            for cell in row.cells:
                t = cell.text.strip()
                if t and (not cells or cells[-1] != t):  # merged cells repeat their text
                    cells.append(t)
            if cells:
                lines.append(" ".join(cells))
    text = "\n".join(lines)
    if not text.strip():
        raise NoTextError("DOCX has no text")
    return text
