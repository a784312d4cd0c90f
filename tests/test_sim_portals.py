"""The portals over real HTTP (faults off): every truth URL served, pagination complete, caching,
encodings."""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict

import httpx
import pytest

from crawlers.sim import SimConfig, SimPortals

CONFIG = SimConfig(hosts=14, years=range(2020, 2024))


@pytest.fixture(scope="module")
def sim():
    with SimPortals(CONFIG) as portals:
        yield portals


@pytest.fixture(scope="module")
def client():
    with httpx.Client(timeout=10) as c:
        yield c


def _docs_by_source(sim) -> dict[str, set[str]]:
    out = defaultdict(set)
    for e in sim.truth:
        if e["kind"] in ("report", "near_miss"):
            out[e["source_id"]].add(e["url"])
    return out


def test_every_truth_url_is_served(sim, client):
    assert {s.adapter for s in sim.sources} == {"trs", "hanweb", "gkmlpt", "generic"}
    assert {s.level for s in sim.sources} == {"province", "prefecture", "county", "township", "department"}
    for e in sim.truth:
        r = client.get(e["url"])
        assert r.status_code == 200, e["url"]
        assert e["recoverable"] is True and e["faults"] == []
        if e["kind"] in ("report", "near_miss"):
            charset = r.headers["content-type"].split("charset=")[1]
            markup = re.sub(r"<!--.*?-->", "", r.content.decode(charset), flags=re.S)
            seen = html.unescape(re.sub(r"<[^>]+>", "", markup))
            assert all(line in seen for line in e["text"].split("\n")), e["url"]
        if e["kind"] == "report" and not e.get("report_in_attachment") and not e.get("traditional"):
            for m in e["metrics"]:
                assert m["evidence"] in e["text"]
        if e["kind"] == "attachment":
            assert r.content.startswith(b"%PDF" if e["url"].endswith(".pdf") else b"PK\x03\x04")


def test_same_seed_same_bytes_across_servers(sim, client):
    with SimPortals(CONFIG) as other, httpx.Client(timeout=10) as c2:
        for a, b in list(zip(sim.truth, other.truth, strict=True))[::7]:
            ba, bb = client.get(a["url"]).content, c2.get(b["url"]).content
            # Only the gkmlpt API writes absolute URLs, which name the serving host.
            assert ba.replace(a["host"].encode(), b"HOST") == bb.replace(b["host"].encode(), b"HOST")


def _trs_links(client, url: str) -> tuple[set[str], list[str]]:
    html = client.get(url).text
    links = {httpx.URL(url).join(h).path for h in re.findall(r'<li>.*?href="([^"]+)"', html)}
    return links, re.findall(r"createPage(?:HTML)?\(([^)]*)\)", html)


def test_trs_pagination_covers_exactly_the_documents(sim, client):
    for source in [s for s in sim.sources if s.adapter == "trs"]:
        col = source.columns[0].url
        found: set[str] = set()
        first, calls = _trs_links(client, col)
        found |= first
        args = [a.strip().strip("'\"") for a in calls[0].split(",")]
        if args[0] == "page_div":  # createPageHTML('page_div', pages, current, 'list', 'shtml', records)
            pages, name, ext = int(args[1]), args[3], args[4]
            urls = [f"{name}_{n}.{ext}" for n in range(2, pages + 1)]
        else:  # createPageHTML(pages, current, "index", "html")
            pages, name, ext = int(args[0]), args[2], args[3]
            urls = [f"{name}_{n}.{ext}" for n in range(1, pages)]
        base = col.rsplit("/", 1)[0] + "/"
        for u in urls:
            links, _ = _trs_links(client, base + u)
            found |= links
        host = httpx.URL(col)
        assert {f"http://{host.host}:{host.port}{p}" for p in found} == _docs_by_source(sim)[source.id], (
            source.id
        )


def test_hanweb_embedded_records_plus_dataproxy_cover_the_column(sim, client):
    for source in [s for s in sim.sources if s.adapter == "hanweb"]:
        col = source.columns[0].url
        html = client.get(col).text
        unitid = re.search(r'<div id="(\d+)"><script type="text/xml">', html).group(1)
        total = int(re.search(r"totalRecord: (\d+)", html).group(1))
        webid = re.search(r"webid: '(\d+)'", html).group(1)
        columnid = re.search(r"/col/col(\d+)/", col).group(1)
        found = set(re.findall(r'href="(/art/[^"]+)"', html))
        per = int(re.search(r"perPage: (\d+)", html).group(1))
        start = len(found) + 1
        while start <= total:
            r = client.post(
                f"{col.split('/col/')[0]}/module/web/jpage/dataproxy.jsp",
                params={"startrecord": start, "endrecord": start + 3 * per - 1, "perpage": per},
                data={
                    "col": 1,
                    "appid": 1,
                    "webid": webid,
                    "path": "/",
                    "columnid": columnid,
                    "sourceContentType": 1,
                    "unitid": unitid,
                    "webname": source.name,
                    "permissiontype": 0,
                },
                headers={"X-Requested-With": "XMLHttpRequest"},
            )
            assert f"<totalrecord>{total}</totalrecord>" in r.text
            found |= set(re.findall(r'href="(/art/[^"]+)"', r.text))
            start += 3 * per
        base = source.base_url.rstrip("/")
        assert {base + p for p in found} == _docs_by_source(sim)[source.id]
        assert client.get(col.replace("index.html", "index_1.html")).status_code == 404
        page2 = client.get(col, params={"uid": unitid, "pageNum": 2}).text
        assert len(re.findall(r"<record>", page2)) == min(per, max(total - per, 0))


def test_gkmlpt_api_lists_every_post(sim, client):
    sources = [s for s in sim.sources if s.adapter == "gkmlpt"]
    assert any(len(s.columns) > 1 for s in sources), "no township gkmlpt under a path prefix"
    for source in sources:
        found: set[str] = set()
        for column in source.columns:
            index_url, cat = column.url.split("#")
            api = index_url.replace("/gkmlpt/index", f"/gkmlpt/api/all/{cat}")
            html = client.get(index_url).text
            sid = re.search(r"window._CONFIG = \{SID:'(\d+)'", html).group(1)
            tree = json.loads(re.search(r"TREE:(\[.*?\]), SERVICE_AREA_ID:", html).group(1))
            assert any(c["id"] == int(cat) for node in tree for c in node["children"])
            here, page = set(), 1
            while True:
                data = client.get(api, params={"page": page, "sid": sid}).json()
                if not data["articles"]:
                    break
                assert len(data["articles"]) <= 100
                here |= {a["url"] for a in data["articles"]}
                page += 1
            assert len(here) == data["total"] and not here & found
            prefix = httpx.URL(index_url).path.removesuffix("/gkmlpt/index")
            assert all(httpx.URL(u).path.startswith(f"{prefix}/gkmlpt/content/") for u in here)
            found |= here
        assert found == _docs_by_source(sim)[source.id]
        post = next(iter(found))
        assert "_CONFIG" in client.get(post).text and "DETAIL" in client.get(post).text
        assert client.get(post.replace("/post_", "/mpost_")).status_code == 200


def test_generic_pager_follows_next_links(sim, client):
    for source in [s for s in sim.sources if s.adapter == "generic"]:
        url, found = source.columns[0].url, set()
        for _ in range(100):
            r = client.get(url)
            text = r.content.decode(r.headers["content-type"].split("charset=")[1])
            found |= {
                str(httpx.URL(url).join(h))
                for h in re.findall(r'<a href="([^"]*(?:show\.php|content_)[^"]*)"', text)
            }
            nxt = re.search(r'<a href="([^"]+)">(?:下一页|下一頁)</a>', text)
            if not nxt:
                break
            url = str(httpx.URL(url).join(nxt.group(1)))
        assert found == _docs_by_source(sim)[source.id]


def test_conditional_get_answers_304(sim, client):
    url = next(e["url"] for e in sim.truth if e["kind"] == "report")
    first = client.get(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_gzip_when_asked(sim):
    url = next(e["url"] for e in sim.truth if e["kind"] == "report")
    with httpx.Client() as c:
        r = c.get(url, headers={"Accept-Encoding": "gzip"})
        assert r.headers.get("content-encoding") == "gzip"
        r2 = c.get(url, headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in r2.headers and r.content == r2.content


def test_gbk_site_bytes_decode_with_gbk(sim, client):
    entry = next(e for e in sim.truth if e["source_id"] == "sim-generic-county" and e["kind"] == "report")
    r = client.get(entry["url"])
    assert "charset=gbk" in r.headers["content-type"]
    text = r.content.decode("gbk")
    assert 'content="text/html; charset=gbk"' in text and entry["title"] in text
    with pytest.raises(UnicodeDecodeError):
        r.content.decode("utf-8")


def test_big5_gateway_serves_traditional_text(sim, client):
    entry = next(e for e in sim.truth if e.get("traditional") and e["kind"] == "report")
    r = client.get(entry["url"])
    assert "charset=big5" in r.headers["content-type"]
    html = r.content.decode("big5")
    assert "/gate/big5/" in entry["url"] and "法治政府建設" in html and 'charset="big5"' in html
    assert entry["text_simplified"].split("\n")[0] == entry["title"]
    assert "/gate/" not in entry["simplified_url"]
    assert entry["title"] in client.get(entry["simplified_url"]).text
    for m in entry["metrics"]:
        assert m["evidence"] in entry["text_simplified"]


def test_pdf_only_report_points_at_its_attachment(sim, client):
    page = next(e for e in sim.truth if e.get("report_in_attachment"))
    att = next(e for e in sim.truth if e["url"] == page["report_in_attachment"])
    assert att["kind"] == "attachment" and att["attachment_of"] == page["url"] and att["metrics"]
    assert page["metrics"] == []
    assert att["url"].rsplit("/", 1)[1] in client.get(page["url"]).text


def test_accounting_counts_connections_and_paths(sim):
    source = sim.sources[0]
    before = sim.stats(source.id)["requests"]
    with httpx.Client() as c:
        c.get(source.base_url)
        c.get(source.base_url)
    stats = sim.stats(source.id)
    assert stats["requests"] == before + 2
    assert stats["path_counts"]["/"] >= 2
    assert stats["connections_max"] >= 1 and stats["in_flight_max"] >= 1
    assert sim.stats(httpx.URL(source.base_url).host) == sim.stats(source.id)


def test_robots_and_home_navigation(sim, client):
    for source in sim.sources:
        robots = client.get(source.base_url + "robots.txt")
        assert robots.status_code == 200 and "User-agent: *" in robots.text
        home = client.get(source.base_url).text
        assert 'name="SiteIDCode"' in home or "SiteIDCode" in home
        xxgk = re.search(r'href="([^"]+)">政府信息公开', home).group(1)
        assert "法治政府建设年度报告" in client.get(source.base_url.rstrip("/") + xxgk).text


def test_docx_attachment_holds_the_report_and_is_stable(sim, client):
    import io
    import zipfile

    entry = next(e for e in sim.truth if e["kind"] == "attachment" and e["url"].endswith(".docx"))
    first, second = client.get(entry["url"]).content, client.get(entry["url"]).content
    assert first == second == sim.attachment_bytes(entry["url"])
    xml = zipfile.ZipFile(io.BytesIO(first)).read("word/document.xml").decode("utf-8")
    assert entry["title"] in xml
    assert "附件：" in client.get(entry["attachment_of"]).text


def test_sitemap_lists_the_documents(sim, client):
    with_sitemap = [s for s in sim.sources if "Sitemap:" in client.get(s.base_url + "robots.txt").text]
    assert with_sitemap
    source = with_sitemap[0]
    xml = client.get(source.base_url + "sitemap.xml").text
    listed = set(re.findall(r"<loc>([^<]+)</loc>", xml))
    assert listed == {u.replace("&", "&amp;") for u in _docs_by_source(sim)[source.id]}


def test_malformed_request_gets_400(sim):
    import socket

    host, port = sim.portals[0].server.ip, sim.portals[0].server.port
    with socket.create_connection((host, port), timeout=5) as s:
        s.sendall(b"NONSENSE\r\n\r\n")
        reply = s.recv(4096)
    assert reply.startswith(b"HTTP/1.1 400") and b"bad request line" in reply


def test_site_search_of_trs_and_hanweb(sim, client):
    for adapter, path, total_re, link_re in (
        ("trs", "was5/web/search", r"共找到<span>(\d+)</span>条", r'<a href="([^"]+)" target="_blank">'),
        ("hanweb", "jrobot/search.do", r'data-total="(\d+)"', r'<a href="(/art/[^"]+)"'),
    ):
        source = next(s for s in sim.sources if s.adapter == adapter)
        docs = _docs_by_source(sim)[source.id]
        params = (
            {"searchword": "法治政府建设", "channelid": "1"}
            if adapter == "trs"
            else {"q": "法治政府建设", "p": 1}
        )
        page = client.get(source.base_url + path, params=params).text
        total = int(re.search(total_re, page).group(1))
        assert 0 < total <= len(docs)
        base = source.base_url.rstrip("/")
        assert {base + link for link in re.findall(link_re, page)} <= docs


def test_peak_rate_and_reset(sim):
    source = sim.sources[1]
    sim.reset_stats()
    assert sim.stats(source.id)["requests"] == 0
    with httpx.Client() as c:
        for _ in range(5):
            c.get(source.base_url + "robots.txt")
    assert sim.stats(source.id)["requests"] == 5
    assert sim.peak_rate(source.id, window=60.0) == 5 / 60.0
    assert sim.peak_rate(source.id, window=1.0) >= 1.0
