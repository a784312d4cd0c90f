"""Document attachments of an article page: some reports are published only as a PDF or DOC file.

Shapes seen on portals: TRS `./P020240327….pdf` beside the article, Hanweb
`/module/download/downfile.jsp?classid=0&filename=….pdf`, gkmlpt/NFCMS `a.nfw-cms-attachment` and
`/attachment/…/….pdf`, plain links whose text says 附件, and PDFs embedded in an iframe or object."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from crawlers.adapters.links import anchors, base_href, canonical_url
from crawlers.adapters.text import normalise

DOCUMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".wps", ".ofd")
_DOWNLOAD_SCRIPT = re.compile(r"/(?:downfile|download|filedownload|attachment)[^/]*$|/module/download/", re.I)


@dataclass(frozen=True)
class Attachment:
    url: str
    text: str


def _is_document(url: str) -> bool:
    parts = urlsplit(url)
    if parts.path.lower().endswith(DOCUMENT_EXTENSIONS):
        return True
    if _DOWNLOAD_SCRIPT.search(parts.path):
        # Hanweb downfile.jsp names the file in its query; other download scripts only by id
        names = [v for _, v in parse_qsl(parts.query)]
        return any(v.lower().endswith(DOCUMENT_EXTENSIONS) for v in names) or not names
    return False


def find_attachments(html: str, page_url: str) -> list[Attachment]:
    """PDF/DOC/DOCX/WPS/OFD links and embeds of an article page, each once, in page order."""
    found: list[Attachment] = []
    seen: set[str] = {canonical_url(page_url)}
    for a in anchors(html, page_url):
        if _is_document(a.url) and canonical_url(a.url) not in seen:
            seen.add(canonical_url(a.url))
            found.append(Attachment(url=a.url, text=a.title))
    tree = LexborHTMLParser(html)
    base = base_href(tree, page_url)
    for node in tree.css("iframe[src], embed[src], object[data]"):
        src = node.attributes.get("src") or node.attributes.get("data") or ""
        # PDF viewers wrap the file: viewer.html?file=/…/P0….pdf
        inner = dict(parse_qsl(urlsplit(src).query)).get("file", "")
        target = urljoin(base, inner or src)
        if _is_document(target) and canonical_url(target) not in seen:
            seen.add(canonical_url(target))
            found.append(Attachment(url=target, text=normalise(node.attributes.get("title") or "")))
    return found
