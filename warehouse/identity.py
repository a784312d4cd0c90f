"""Which pages are the same report, and the report_id they share.

A report is identified by who reported on which year: region code + issuer + report year (the law
asks each body for one report a year). That key survives the text being corrected or re-typeset
between crawls, which is what lets report_versions keep a report's history under one id. A content
fingerprint alone would fork the report on every edit. When the parser could not tell region,
issuer or year, the fingerprint is the only honest key.

Pages are grouped transitively: two pages with the same fingerprint are one report even when one
portal's page lacks the region code (a county's report reposted by its prefecture), and two pages
with the same key are one report even when a PDF and an HTML copy differ slightly in text.
The group's id comes from its smallest key (or smallest fingerprint when no page has a key).
A fingerprint never joins the keys of two different issuers: two bodies' reports that happen to
share a fingerprint (boilerplate-heavy short pages) stay two reports.
"""

from __future__ import annotations

import hashlib
import re

from parsing.model import Report
from warehouse.records import ParsedPage

_SPACE = re.compile(r"\s+")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_fingerprint(report: Report) -> str:
    """The parser's fingerprint, or a hash of the whitespace-free text when it gave none."""
    return report.fingerprint or "sha256:" + text_hash(_SPACE.sub("", report.text))


def natural_key(report: Report) -> str | None:
    """region|issuer|year, or None when any part is unknown. The issuer loses a leading province or
    prefecture name, since portals print 广东省肇庆市德庆县人民政府 and 德庆县人民政府 alike."""
    region = report.region
    where = region.code or region.name
    if not (where and report.issuer and report.report_year):
        return None
    issuer = _SPACE.sub("", report.issuer)
    for prefix in (region.province, region.prefecture):
        if prefix and issuer.startswith(prefix) and len(issuer) > len(prefix):
            issuer = issuer[len(prefix) :]
    return f"{where}|{issuer}|{report.report_year}"


def _issuer_of(key: str) -> str:
    return key.split("|")[1]


def group_pages(pages: list[ParsedPage]) -> dict[str, list[ParsedPage]]:
    """report_id -> pages of that report (union-find over shared keys and fingerprints)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    keys_of: dict[str, set[str]] = {}  # root -> the natural keys in its group

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            root, child = min(ra, rb), max(ra, rb)
            parent[child] = root
            keys_of.setdefault(root, set()).update(keys_of.pop(child, set()))

    labels = []
    for page in pages:
        fp = "f:" + content_fingerprint(page.report)
        key = natural_key(page.report)
        label = fp
        find(fp)
        if key:
            k = "k:" + key
            keys_of.setdefault(find(k), set()).add(k)
            if all(_issuer_of(other) == _issuer_of(k) for other in keys_of.get(find(fp), set())):
                union(fp, k)
            else:
                label = k  # the fingerprint already belongs to another body's report
        labels.append(label)

    members: dict[str, list[str]] = {}
    for label in parent:
        members.setdefault(find(label), []).append(label)
    groups: dict[str, list[ParsedPage]] = {}
    for page, label in zip(pages, labels, strict=True):
        names = members[find(label)]
        keys = sorted(n for n in names if n.startswith("k:"))
        anchor = keys[0] if keys else min(names)
        report_id = hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:16]
        groups.setdefault(report_id, []).append(page)
    return groups
