"""Reports as Word attachments (python-docx), re-zipped with fixed timestamps so bytes are stable."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from crawlers.sim.model import Doc

_FIXED = (2000, 1, 1, 0, 0, 0)


def report_docx(doc: Doc) -> bytes:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = doc.title
    props.author = doc.issuer.name
    stamp = datetime(doc.written.year, doc.written.month, doc.written.day)
    props.created = stamp
    props.modified = stamp
    props.last_modified_by = doc.issuer.name
    props.revision = 1
    document.add_paragraph(doc.title, style="Title")
    for para in doc.paragraphs:
        document.add_paragraph(para)
    raw = io.BytesIO()
    document.save(raw)
    # python-docx stamps zip entries with the current time; rewrite them with a fixed one.
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
