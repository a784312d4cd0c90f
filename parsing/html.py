"""HTML page -> main text + page furniture (meta tags, 信息公开 block, title candidates, attachments).

Main text comes from, in order: gkmlpt's embedded DETAIL record, the ContentStart/ContentEnd markers
of Hanweb/TRS templates, the known body containers of the CMS families on government portals, and a
text-density pick for unknown templates. All walks over the tree are iterative and linear, so deeply
nested or huge pages cost time proportional to their size, never recursion errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from parsing.boilerplate import strip_boilerplate
from parsing.meta import gkmlpt_detail, meta_tags

# Body containers seen on government CMS templates (portal_patterns.md §1), most specific first.
CONTENT_SELECTORS = (
    "div.TRS_Editor",
    "div.trs_editor_view",
    "div.TRS_UEDITOR",
    "div.Custom_UnionStyle",
    "#UCAP-CONTENT",
    "#UCAPCONTENT",
    "#zoom",
    "#Zoom",
    "#zoomcon",
    "div.article-content",
    "div.article_content",
    "div.news_cont_d_wrap",
    "div.Article_content",
    "#ivs_content",
    "div.main-txt",
    "div.zfwjwzcontent",
    "div.xl_cont",
    "div.tys-main-zt",
    "div.tyxxy_main",
    "div.view",
    "article",
)

_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
    ]
)
_CELL = frozenset({"td", "th"})
_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "svg",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "head",
        "object",
        "embed",
        "canvas",
        "map",
        "audio",
        "video",
    ]
)
_INLINE = frozenset(
    [
        "span",
        "font",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "a",
        "small",
        "big",
        "sub",
        "sup",
        "label",
        "s",
        "strike",
        "ins",
        "del",
        "mark",
        "code",
    ]
)
_WS = re.compile(r"\s+")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CONTENT_START = re.compile(r"""<meta\s+name\s*=\s*["']?ContentStart["']?[^>]*>""", re.IGNORECASE)
_CONTENT_END = re.compile(r"""<meta\s+name\s*=\s*["']?ContentEnd["']?[^>]*>""", re.IGNORECASE)
_ATTACHMENT = re.compile(r"\.(?:pdf|docx?|wps|ofd|xlsx?)(?:$|[?#])", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||-{1,2}|—{1,2}|–)\s*")


@dataclass
class HtmlDoc:
    text: str  # the main text, lines joined by "\n" (not yet normalised)
    head: str  # page lines just before the main text (title, date line, info block)
    top: str  # the first lines of the page (where 信息公开 blocks sit on some templates)
    meta: dict[str, str] = field(default_factory=dict)
    detail: dict | None = None
    titles: list[str] = field(default_factory=list)  # meta/DETAIL/heading candidates, most trusted first
    weak_titles: list[str] = field(default_factory=list)  # from <title>, used when nothing else is found
    attachments: list[str] = field(default_factory=list)
    tail: str = ""  # page lines just after the main text (some templates print the date there)


def _hidden(node) -> bool:
    style = node.attributes.get("style") if node.attributes else None
    return bool(style and _HIDDEN.search(style))


def render(root) -> str:
    """Text as a reader sees it: whitespace runs collapse to one space, block elements and <br>
    break lines, table cells are separated by a space. Iterative pre-order walk."""
    parts: list[str] = []
    node = root.child
    root_id = root.mem_id
    while node is not None:
        tag = node.tag
        descend = False
        if tag == "-text":
            t = node.text_content
            if t:
                parts.append(_WS.sub(" ", t))
        elif tag and tag[0] != "-" and tag not in _SKIP and not _hidden(node):
            if tag == "br":
                parts.append("\n")
            elif tag in _CELL:
                parts.append(" ")
            elif tag in _BLOCK:
                parts.append("\n")
            descend = node.child is not None
        if descend:
            node = node.child
            continue
        while node is not None and node.next is None:
            node = node.parent
            if node is None or node.mem_id == root_id:
                node = None
                break
            if node.tag in _BLOCK:
                parts.append("\n")
        if node is not None:
            node = node.next
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _densest_block(root):
    """Readability-style pick: each text run with sentence punctuation scores for the block that
    holds its paragraph and half for that block's parent; link text scores against."""
    scores: dict[int, list] = {}
    node = root.child
    root_id = root.mem_id
    while node is not None:
        tag = node.tag
        descend = False
        if tag == "-text":
            t = node.text_content.strip()
            if len(t) > 20 or (t and any(c in t for c in "，,。；;")):
                block, in_link, steps = node.parent, False, 0
                while block is not None and block.tag in _INLINE and steps < 12:
                    in_link = in_link or block.tag == "a"
                    block, steps = block.parent, steps + 1
                if block is not None:
                    if (
                        block.tag in {"p", "li", "h1", "h2", "h3", "h4", "td", "pre"}
                        and block.parent is not None
                    ):
                        block = block.parent
                    weight = -len(t) if in_link else len(t) + 10 * sum(t.count(c) for c in "，,。")
                    for target, factor in ((block, 1.0), (block.parent, 0.5)):
                        if target is None or target.tag in {"body", "html"}:
                            continue
                        entry = scores.setdefault(target.mem_id, [0.0, target])
                        entry[0] += weight * factor
        elif tag and tag[0] != "-" and tag not in _SKIP and not _hidden(node):
            descend = node.child is not None
        if descend:
            node = node.child
            continue
        while node is not None and node.next is None:
            node = node.parent
            if node is None or node.mem_id == root_id:
                node = None
                break
        if node is not None:
            node = node.next
    if not scores:
        return None
    return max(scores.values(), key=lambda e: e[0])[1]


_SITE_CODE = re.compile(r"政府网站标识码[:：]?\s*([0-9]{10}|bm[0-9]{8})")
_RUNNING = re.compile(r"[,，。;；]")


_DOC_TITLE_WORDS = re.compile(
    r"报告|总结|汇报|通知|方案|要点|解读|意见|规划|计划|情况|公告|办法|安排|报表|决定|通报|纲要"
)


def _title_from_title_tag(raw: str, site_name: str | None) -> str | None:
    """<title> is 「文章标题_栏目_网站名」 or the other way round: the part that reads as a title."""
    parts = [p for p in _TITLE_SPLIT.split(raw.strip()) if p and p != site_name]
    titled = [p for p in parts if _DOC_TITLE_WORDS.search(p)]
    return max(titled, key=len) if titled else None


def _content_between_markers(html: str) -> str | None:
    start = _CONTENT_START.search(html)
    if not start:
        return None
    end = _CONTENT_END.search(html, start.end())
    if not end:
        return None
    fragment = LexborHTMLParser(html[start.end() : end.start()])
    return render(fragment.body) if fragment.body is not None else None


# The HTML parser slows down sharply on pathological nesting (tens of thousands of open <div>s);
# real pages stay far below this depth, so tags deeper than it are dropped before parsing.
MAX_DEPTH = 512
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})\b[^<>]{0,2000}?(/?)>")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source"}
    | {"track", "wbr"}
)


def limit_depth(html: str, max_depth: int = MAX_DEPTH) -> str:
    """Drop element tags nested deeper than `max_depth` (their text is kept). One linear pass."""
    if html.count("<", 0, 2_000_000) < max_depth and html.count("<") < max_depth:
        return html
    depth = 0

    def visit(m: re.Match) -> str:
        nonlocal depth
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or selfclosing:
            return m.group(0)
        if closing:
            depth = max(0, depth - 1)
            return m.group(0) if depth < max_depth else ""
        depth += 1
        return m.group(0) if depth <= max_depth else ""

    return _TAG.sub(visit, html)


def extract_html(html: str, url: str | None = None) -> HtmlDoc:
    html = limit_depth(html)
    tree = LexborHTMLParser(html)
    meta = meta_tags(tree)
    detail = gkmlpt_detail(html)
    body = tree.body
    page_text = render(body) if body is not None else ""
    page_lines = page_text.split("\n")
    if "siteidcode" not in meta:
        # Footers print the code as text (「政府网站标识码:4412260001」) where the meta tag is missing.
        m = _SITE_CODE.search(page_text[-5000:]) or _SITE_CODE.search(page_text[:5000])
        if m:
            meta["siteidcode"] = m.group(1)

    text = None
    if detail and isinstance(detail.get("content"), str) and detail["content"].strip():
        frag = LexborHTMLParser(detail["content"])
        text = render(frag.body) if frag.body is not None else None
    if not text:
        text = _content_between_markers(html)
    if not text:
        for selector in CONTENT_SELECTORS:
            best = None
            for node in tree.css(selector):
                candidate = render(node)
                if len(candidate) >= 50 and (best is None or len(candidate) > len(best)):
                    best = candidate
            if best:
                text = best
                break
    if not text and body is not None:
        block = _densest_block(body)
        text = render(block) if block is not None else page_text
    text = strip_boilerplate(text or "")

    # The page furniture just above the body: title, date line, info block.
    # The first line of running text, found again in the whole page: everything above it is head.
    first = next((line for line in text.split("\n") if _RUNNING.search(line) and len(line) >= 20), "")
    idx = next((i for i, line in enumerate(page_lines) if first and first[:40] in line), len(page_lines))
    head_lines = page_lines[max(0, idx - 40) : idx] if idx < len(page_lines) else page_lines[:40]

    # The lines after the last line of the main text: a 「发布时间」 line under the article.
    last = next((line for line in reversed(text.split("\n")) if len(line) >= 10), "")
    end = next(
        (i for i in range(len(page_lines) - 1, idx - 1, -1) if last and last[-40:] in page_lines[i]),
        None,
    )
    tail_lines = page_lines[end + 1 : end + 9] if end is not None else []

    titles: list[str] = []
    if meta.get("articletitle"):
        titles.append(meta["articletitle"])
    if detail and isinstance(detail.get("title"), str):
        titles.append(detail["title"])
    # h1/h2 hold the site name on many portal templates; only a heading that reads as a document
    # title counts.
    for sel in ("h1", "h2"):
        for node in tree.css(sel):
            t = _WS.sub(" ", node.text(deep=True)).strip()
            if 6 <= len(t) <= 120 and _DOC_TITLE_WORDS.search(t) and t != meta.get("sitename"):
                titles.append(t)
                break
    weak_titles: list[str] = []
    title_tag = tree.css_first("title")
    if title_tag is not None:
        t = _title_from_title_tag(title_tag.text(deep=True), meta.get("sitename"))
        if t:
            weak_titles.append(t)

    attachments: list[str] = []
    for a in tree.css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        if href and _ATTACHMENT.search(href):
            full = urljoin(url, href) if url else href
            if full not in attachments:
                attachments.append(full)
    # A PDF shown in an embedded viewer: 「viewer.html?file=/uploads/x.pdf」 or the file itself.
    for node in tree.css("iframe[src], embed[src], object[data]"):
        src = (node.attributes.get("src") or node.attributes.get("data") or "").strip()
        target = _viewer_file(src)
        if target:
            full = urljoin(url, target) if url else target
            if full not in attachments:
                attachments.append(full)
    if detail and isinstance(detail.get("attachment"), list):
        for item in detail["attachment"]:
            href = item.get("url") if isinstance(item, dict) else None
            if isinstance(href, str) and href not in attachments:
                attachments.append(urljoin(url, href) if url else href)

    return HtmlDoc(
        text=text,
        head="\n".join(head_lines),
        top="\n".join(page_lines[:80]),
        meta=meta,
        detail=detail,
        titles=titles,
        weak_titles=weak_titles,
        attachments=attachments,
        tail="\n".join(tail_lines),
    )


def _viewer_file(src: str) -> str | None:
    if not src:
        return None
    query = parse_qs(urlsplit(src).query)
    for key in ("file", "url", "src", "path"):
        for value in query.get(key, []):
            if _ATTACHMENT.search(value):
                return value
    return src if _ATTACHMENT.search(src) else None
