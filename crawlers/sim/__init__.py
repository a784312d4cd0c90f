"""Imitation Chinese government portals, served over real HTTP/1.1 on loopback.

    from crawlers.sim import SimConfig, SimPortals

    with SimPortals(SimConfig(hosts=4, years=range(2019, 2024), faults="none")) as sim:
        sim.sources          # list[crawlers.model.Source], one per portal, each on its own 127.0.0.N
        sim.truth            # list[dict], one per generated page (see below)
        sim.stats(host)      # accounting of one host: "127.0.0.2:41234", its IP, or the source id
        sim.stats("offsite") # the host that off-site redirects point to (a crawler should never reach it)

The same seed gives the same portals byte for byte (the gkmlpt list API alone writes absolute URLs,
which name the serving host:port). `fazhi sim` (crawlers/sim/cli.py) serves the same thing from the
command line.

Portals, one module per CMS family (crawlers/sim/families/): TRS (four pager dialects), Hanweb 大汉
(datastore XML + dataproxy.jsp), Guangdong gkmlpt (SPA + JSON API) and home-grown sites (下一页 pager,
a single table of links, GBK bytes, a /gate/big5/ 繁体 gateway). Regions are real GB/T 2260 units
(crawlers/sim/regions.py); report texts are written by crawlers/sim/content/ and carry metric
sentences whose facts follow gold_format.md conventions.

Opt-in dialects (SimConfig(variants=True), `fazhi sim --variants`), appended after the default
portals and absent from the default world: TRS lists written by <script> blocks (Wuhan), a Hanweb
jpaas column shell filled from its JSON API gateway, a Guangdong NFCMS portal (index_N pages,
nfw-cms attachments), a Kaipu/UCAP portal listing through common/search JSON in GB18030 behind a
UTF-8 header, and a home-grown portal with a base64 pager whose registry entry names the parent
section; then, written after the adapters were fixed on those, a Beijing TRS column sliced in the
browser, an Anhui (Lonsun) query-addressed column and a Shanghai column with year archives beside
it; a third round, crawled before the adapters were changed for it: a gkmlpt catalogue with no
rule-of-law category, a Suzhou column filled from a POST-only list endpoint, a JSP list paged by
onclick handlers posting a form (titles cut short), and a general 其他法定信息 column holding the
reports among other documents. bench/crawl_variants.py crawls them.

Truth entry (JSON-friendly dict):
    url, host, source_id, kind (report | near_miss | list | attachment), report_year,
    recoverable (False only when a permanent fault makes the page unfetchable for good),
    faults (labels such as "503x1", "challenge:permanent", "wrong_charset")
  pages holding a report or near miss (kind report / near_miss, and attachments that hold a report):
    family, doc_kind, title, region {name, code, level, province, prefecture[, county]}, issuer,
    issuer_kind, publish_date, metrics [{key, value, unit, qualifier, period_year, evidence}],
    text (title + body as a reader sees it), text_is_excerpt
  extras: attachment_of (article URL of an attachment), report_in_attachment (article whose report is
    only in the linked PDF; its own metrics are empty), traditional + text_simplified + title_as_printed +
    simplified_url (繁体 gateway pages; evidence is quoted from text_simplified; simplified_url is the same
    document's 简体 address), page (TRS list page index).
"""

from crawlers.sim.config import SimConfig
from crawlers.sim.portals import SimPortals

__all__ = ["SimConfig", "SimPortals"]
