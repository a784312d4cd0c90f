"""TRS WCM (拓尔思) portals: static column directories paginated by a createPageHTML() script.

Dialects (portal_patterns §1.1):
- classic:   {col}/index.html, index_1.html …; createPageHTML(total, current, "index", "html");
             articles ./YYYYMM/tYYYYMMDD_docid.html; body div.TRS_Editor; Wuhan-style div.sub info list.
- shtml:     the same with .shtml pages, the extra (…, totalRecords) argument, and 300-byte stubs
             answering index_N beyond the last page (as central-ministry sites do).
- chongqing: createPage(total, current, "index", "html"), 10 a page, body div.trs_editor_view,
             <li><strong>发布机构：</strong><span>…</span></li> info list; some reports only as a PDF.
- channel:   /c{col}/list.shtml, list_2.shtml … with createPageHTML('page_div', pages, current(1-based),
             'list', 'shtml', records); articles /c{col}/c{docid}/content.shtml.
Attachments are P0….pdf files in the article's YYYYMM directory.
"""

from __future__ import annotations

import random
from html import escape
from urllib.parse import quote

from crawlers.sim.families.base import (
    COLUMN_NAME,
    Rendered,
    Request,
    Resource,
    doc_truth,
    home_and_xxgk,
    html_resource,
    index_number,
    list_truth,
    meta_tags,
    page_shell,
    paragraphs_html,
    publisher,
)
from crawlers.sim.model import Doc, Site

PER_PAGE = {"classic": 20, "shtml": 15, "chongqing": 10, "channel": 15}


def column_path(site: Site) -> str:
    if site.variant == "channel":
        return f"/c{site.column_id}/"
    if site.variant == "chongqing":
        return f"/zwgk_{site.column_id % 1000}/fdzdgknr/fzzfjsndbg/"
    return "/zwgk/fdzdgknr/qtfdxx/fzzfjsndbg/"


def _ext(site: Site) -> str:
    return "shtml" if site.variant in ("shtml", "channel") else "html"


def article_path(site: Site, doc: Doc) -> str:
    if site.variant == "channel":
        return f"/c{site.column_id}/c{doc.doc_id}/content.shtml"
    d = doc.published
    return f"{column_path(site)}{d:%Y%m}/t{d:%Y%m%d}_{doc.doc_id}.{_ext(site)}"


def attachment_path(site: Site, doc: Doc) -> str:
    d = doc.published
    serial = random.Random(f"att|{site.key}|{doc.doc_id}").randint(100_000_000, 999_999_999)
    folder = article_path(site, doc).rsplit("/", 1)[0]
    return f"{folder}/P0{d:%Y%m%d}{serial}.pdf"


def list_path(site: Site, page: int) -> str:
    """page is 0-based."""
    col = column_path(site)
    if site.variant == "channel":
        return f"{col}list.shtml" if page == 0 else f"{col}list_{page + 1}.shtml"
    return f"{col}index.{_ext(site)}" if page == 0 else f"{col}index_{page}.{_ext(site)}"


def _link(site: Site, doc: Doc) -> str:
    if site.variant == "channel":
        return article_path(site, doc)
    return "./" + article_path(site, doc)[len(column_path(site)) :]


def _pager(site: Site, pages: int, page: int, records: int) -> str:
    if site.variant == "channel":
        call = f"createPageHTML('page_div', {pages}, {page + 1}, 'list', 'shtml', {records});"
        return f'<div id="page_div" class="page"></div>\n<script type="text/javascript">{call}</script>'
    if site.variant == "chongqing":
        call = f'createPage({pages}, {page}, "index", "html");'
    elif site.variant == "shtml":
        call = f'createPageHTML({pages}, {page}, "index", "shtml", "black2", {records});'
    else:
        call = f'createPageHTML({pages}, {page}, "index", "html");'
    return f'<div class="page"><script type="text/javascript">\n{call}\n</script></div>'


_PAGER_JS = """var currentPage = 0;
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
  if(_nPageCount == null || _nPageCount<=1){ return; }
  var nCurrIndex = _nCurrIndex || 0;
  if(nCurrIndex == 0) document.write("首页 上一页 ");
  else {
    document.write("<a href=\\"" + _sPageName + "." + _sPageExt + "\\">首页</a> ");
    var prev = nCurrIndex == 1 ? _sPageName + "." + _sPageExt
                               : _sPageName + "_" + (nCurrIndex - 1) + "." + _sPageExt;
    document.write("<a href=\\"" + prev + "\\">上一页</a> ");
  }
  if(nCurrIndex + 1 < _nPageCount)
    document.write("<a href=\\"" + _sPageName + "_" + (nCurrIndex + 1) + "." + _sPageExt + "\\">下一页</a> ");
  document.write("<a href=\\"" + _sPageName + "_" + (_nPageCount - 1) + "." + _sPageExt + "\\">尾页</a>");
}
"""


def _list_items(site: Site, docs: list[Doc]) -> str:
    rows = []
    for d in docs:
        title = escape(d.title)
        if site.variant == "chongqing":
            rows.append(
                f'<li><a href="{_link(site, d)}" target="_blank" title="{title}">{title}</a>'
                f"<span>{d.published:%Y-%m-%d}</span></li>"
            )
        else:
            rows.append(
                f'<li><span class="date">{d.published:%Y-%m-%d}</span>'
                f'<a href="{_link(site, d)}" target="_blank" title="{title}">{title}</a></li>'
            )
    return "\n".join(rows)


def _info_block(site: Site, doc: Doc) -> str:
    issued_by = escape(publisher(doc))
    if site.variant == "chongqing":
        return (
            '<div class="zwxl-table"><ul>'
            f"<li><strong>索引号：</strong><span>{index_number(site, doc)}</span></li>"
            f"<li><strong>发布机构：</strong><span>{issued_by}</span></li>"
            f"<li><strong>发文字号：</strong><span>{escape(doc.doc_number)}</span></li>"
            f"<li><strong>成文日期：</strong><span>{doc.written:%Y-%m-%d}</span></li>"
            f"<li><strong>发布日期：</strong><span>{doc.published:%Y-%m-%d}</span></li>"
            f"<li><strong>主题分类：</strong><span>其他</span></li></ul></div>"
            f"<publishtime>{doc.published:%Y-%m-%d %H:%M:%S}</publishtime>"
        )
    return (
        '<div class="sub"><ul>'
        f"<li>索 引 号：{index_number(site, doc)}</li>"
        f"<li>发文机构：{issued_by}</li>"
        f"<li>发文字号：{escape(doc.doc_number)}</li>"
        "<li>主题分类：综合政务/其他</li>"
        f"<li>成文日期：{doc.written.year}年{doc.written.month:02d}月{doc.written.day:02d}日</li>"
        f"<li>发布日期：{doc.published:%Y-%m-%d}</li><li>有效性：</li></ul></div>"
    )


def _article(site: Site, doc: Doc, body_html: str) -> str:
    cls = (
        "TRS_Editor"
        if site.variant in ("classic", "shtml")
        else "trs_editor_view TRS_UEDITOR trs_paper_default trs_web"
    )
    body = (
        '<div class="crumb">当前位置：<a href="/">首页</a> &gt; '
        '<a href="/zwgk/index.html">政府信息公开</a> &gt; '
        f'<a href="{column_path(site)}">{COLUMN_NAME}</a></div>\n'
        f'{_info_block(site, doc)}\n<div class="article"><h1 class="title">{escape(doc.title)}</h1>\n'
        f'<div class="info"><span>{escape(date_line(doc))}</span></div>\n'
        f'<div class="{cls}">\n{body_html}\n</div></div>'
    )
    return page_shell(site, doc.title, meta_tags(site, COLUMN_NAME, doc), body)


def date_line(doc: Doc) -> str:
    return f"发布时间：{doc.published:%Y-%m-%d %H:%M}　来源：{publisher(doc)}"


def render(site: Site, seed: int) -> Rendered:
    r = Rendered()
    col = column_path(site)
    home_and_xxgk(site, r, col)
    docs = sorted(site.docs, key=lambda d: (d.published, d.doc_id), reverse=True)
    per = PER_PAGE.get(site.variant, 20)
    pages = max(1, -(-len(docs) // per))
    for page in range(pages):
        chunk = docs[page * per : (page + 1) * per]
        body = (
            f'<div class="list"><h2>{COLUMN_NAME}</h2><ul class="list-ul">\n'
            f"{_list_items(site, chunk)}\n</ul>\n"
            '<script type="text/javascript" src="/images/createPageHTML.js"></script>\n'
            f"{_pager(site, pages, page, len(docs))}</div>"
        )
        html = page_shell(
            site, COLUMN_NAME, meta_tags(site, COLUMN_NAME, column_type="信息公开，法治政府建设"), body
        )
        path = list_path(site, page)
        r.add(path, html_resource(site, html, chunk[0].published if chunk else None))
        r.truth.append(list_truth(path, page=page))
        r.lists.append(path)
    r.add(col, r.routes[list_path(site, 0)])  # the bare directory answers like index.html
    if site.variant == "shtml":
        stub = html_resource(
            site,
            '<html><head><meta charset="utf-8"></head><body><div class="list"><ul></ul>'
            '</div><script>createPageHTML(0, 0, "index", "shtml");</script></body></html>',
        )
        for extra in range(pages, pages + 3):
            r.add(list_path(site, extra), stub)
    r.add("/images/createPageHTML.js", Resource(_PAGER_JS.encode(), "application/javascript"))
    for d in docs:
        path = article_path(site, d)
        if d.pdf_only or d.pdf_copy:
            att = attachment_path(site, d)
            name = f"{d.title}.pdf"
            link = f'<p>附件：<a href="./{att.rsplit("/", 1)[1]}" target="_blank">{escape(name)}</a></p>'
            r.attachments[att] = ("pdf", d)
            r.leaves.append(att)
            r.truth.append(doc_truth(att, site, d, kind="attachment", attachment_of=path))
        if d.pdf_only:
            note = "现将报告全文予以公开，请点击附件查阅。"
            body_html = f'<p style="text-indent:2em;">{note}</p>\n{link}'
            text = "\n".join([d.title, note, f"附件：{name}"])
            r.truth.append(
                doc_truth(
                    path,
                    site,
                    d,
                    text=text,
                    with_metrics=False,
                    report_in_attachment=att,
                    date_line=date_line(d),
                )
            )
        else:
            body_html = paragraphs_html(d) + (link if d.pdf_copy else "")
            text = d.text + (f"\n附件：{name}" if d.pdf_copy else "")
            r.truth.append(doc_truth(path, site, d, text=text, date_line=date_line(d)))
        r.add(path, html_resource(site, _article(site, d, body_html), d.published))
        r.leaves.append(path)
    r.columns.append((list_path(site, 0) if site.variant == "channel" else col, COLUMN_NAME, "trs"))
    r.handler = _search_handler(site, docs)
    return r


SEARCH_PATH = "/was5/web/search"
SEARCH_PER_PAGE = 10


def _search_handler(site: Site, docs: list[Doc]):
    """TRS WAS5 full-text search: /was5/web/search?searchword=…&channelid=…&page=N."""

    def handler(req: Request) -> Resource | None:
        if req.path != SEARCH_PATH:
            return None
        word = req.param("searchword").strip()
        try:
            page = max(int(req.param("page", "1") or 1), 1)
        except ValueError:
            page = 1
        hits = [d for d in docs if word and (word in d.title or word in d.body_text)]
        chunk = hits[(page - 1) * SEARCH_PER_PAGE : page * SEARCH_PER_PAGE]
        rows = "".join(
            f'<div class="outline"><a href="{article_path(site, d)}" target="_blank">{escape(d.title)}</a>'
            f'<span class="date">{d.published:%Y.%m.%d}</span></div>\n'
            for d in chunk
        )
        pages = max(1, -(-len(hits) // SEARCH_PER_PAGE))
        nxt = (
            f'<a href="{SEARCH_PATH}?searchword={quote(word)}&channelid={req.param("channelid")}'
            f'&page={page + 1}">'
            "下一页</a>"
            if page < pages
            else ""
        )
        body = (
            f'<div class="search-result"><div class="total">共找到<span>{len(hits)}</span>条结果</div>\n'
            f"{rows}"
            f'<div class="page">第{page}/{pages}页 {nxt}</div></div>'
        )
        html = page_shell(site, "检索结果", meta_tags(site), body)
        return Resource(
            html.encode(site.encoding, "xmlcharrefreplace"),
            f"text/html; charset={site.encoding}",
            cacheable=False,
        )

    return handler
