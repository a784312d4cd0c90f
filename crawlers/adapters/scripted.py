"""Pagers with no address of their own: links whose onclick (or javascript: href) calls a page function.

JSP and ASP.NET list templates write `<a href="javascript:void(0)" onclick="goPage(3)">3</a>`; the
function either sends the browser to an address it builds (`location.href = "list.jsp?cur_page=" + n`)
or writes the number into a field of a form and submits it (often by POST). Both are read from the
page itself: the address prefix in the function's body, else the form that holds a page field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin

from selectolax.lexbor import LexborHTMLParser

from crawlers.adapters.links import base_href
from crawlers.adapters.text import normalise

# goPage(3), turnPage('3'), javascript:toPage(3, 'list')
_CALL = re.compile(r"""([A-Za-z_$][\w$.]*)\s*\(\s*['"]?(\d{1,4})['"]?\s*[,)]""")
_NEXT_TEXT = re.compile(r"^(下一页|下页|后页|下一頁|>|›|»|>>|next)$", re.I)
_PAGE_FIELD = re.compile(r"^(?:cur_?page|current_?page|page(?:_?no|_?num|_?index|number)?|pn|p)$", re.I)
_LOCATION_PREFIX = r"""["']([^"'\s]*[?&][\w.]+=)["']\s*\+\s*{arg}\b"""


@dataclass(frozen=True)
class PageRequest:
    """How to ask for one page of a list: an address, and a form body when the pager posts one."""

    url: str
    form: tuple[tuple[str, str], ...] | None = None

    @property
    def key(self) -> str:
        return self.url + ("" if self.form is None else "#" + urlencode(self.form))


def _function_body(html: str, name: str) -> tuple[str, str] | None:
    """(argument name, body) of `function name(arg) {…}` or `name = function(arg) {…}`."""
    short = re.escape(name.rsplit(".", 1)[-1])
    m = re.search(rf"(?:function\s+{short}|{short}\s*=\s*function)\s*\(\s*([\w$]*)[^)]*\)\s*\{{", html)
    if m is None:
        return None
    return m.group(1), html[m.end() : m.end() + 800]


def _form_request(tree: LexborHTMLParser, base: str, body: str, n: int) -> PageRequest | None:
    for form in tree.css("form"):
        fields = [
            (i.attributes.get("name") or "", i.attributes.get("value") or "", i.attributes.get("id") or "")
            for i in form.css("input[name]")
        ]
        page = [f for f in fields if _PAGE_FIELD.match(f[0]) or (f[2] and f[2] in body and f[0] in body)]
        page = [f for f in page if _PAGE_FIELD.match(f[0])] or page
        if not page:
            continue
        name = page[0][0]
        values = [(k, v) for k, v, _ in fields if k != name] + [(name, str(n))]
        action = urljoin(base, form.attributes.get("action") or "")
        if (form.attributes.get("method") or "get").lower() == "post":
            return PageRequest(action, tuple(values))
        action = action.split("?", 1)[0]
        return PageRequest(f"{action}?{urlencode(values)}")
    return None


def scripted_pages(html: str, page_url: str, current: int) -> list[PageRequest]:
    """The next page of a pager driven by script calls ('下一页' first, else the lowest higher number)."""
    if "onclick" not in html and "javascript:" not in html:
        return []
    tree = LexborHTMLParser(html)
    base = base_href(tree, page_url)
    labelled, numbered = [], []
    for node in tree.css("a, span, button, li"):
        handler = (node.attributes.get("onclick") or "") + " " + (node.attributes.get("href") or "")
        m = _CALL.search(handler)
        if m is None:
            continue
        text = normalise(node.text(separator=" "))
        n = int(m.group(2))
        if _NEXT_TEXT.match(text):
            labelled.append((n, m.group(1)))
        elif text.isdigit() and n > current:
            numbered.append((n, m.group(1)))
    chosen = labelled[:1] or sorted(numbered)[:1]
    out = []
    for n, function in chosen:
        found = _function_body(html, function)
        if found is None:
            continue
        arg, body = found
        prefix = re.search(_LOCATION_PREFIX.format(arg=re.escape(arg)), body) if arg else None
        if prefix is not None:
            out.append(PageRequest(urljoin(base, prefix.group(1) + str(n))))
        elif (request := _form_request(tree, base, body, n)) is not None:
            out.append(request)
    return out
