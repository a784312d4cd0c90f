"""Full-text search over reports and metric evidence.

DuckDB's fts extension splits on a regex and knows no Chinese words, so the text is segmented with
jieba first (search mode: 行政复议 also yields 行政 and 复议) into space-separated `words` columns of
report_search and evidence_search, and BM25 indexes are built on those. Queries are segmented the
same way. The same index serves SQL users, e.g. (segment the query words with spaces):

    SELECT r.title, r.urls[1] AS url, s.score
    FROM (SELECT report_id, fts_main_report_search.match_bm25(report_id, '行政 复议 行政复议') AS score
          FROM report_search) AS s
    JOIN reports AS r USING (report_id)
    WHERE s.score IS NOT NULL ORDER BY s.score DESC LIMIT 10;

and fts_main_evidence_search.match_bm25(metric_id, '…') over evidence_search for metric sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from warehouse.arrow import insert_rows
from warehouse.segment import segment
from warehouse.transactions import transaction

# The words are segmented already (punctuation dropped): fts only has to split them on spaces.
_FTS_OPTIONS = "stemmer='none', stopwords='none', ignore='\\s+', overwrite=1"
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")
_S = pa.string()
REPORT_SEARCH = pa.schema([("report_id", _S), ("title", _S), ("words", _S), ("text_hash", _S)])
EVIDENCE_SEARCH = pa.schema([("metric_id", _S), ("report_id", _S), ("evidence", _S), ("words", _S)])


@dataclass
class Hit:
    report_id: str
    title: str | None
    issuer: str | None
    region_name: str | None
    report_year: int
    url: str | None
    score: float
    sentences: list[str] = field(default_factory=list)  # metric evidence first, then text sentences


def refresh_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """Bring the segmented tables in line with reports/metrics (only changed rows are re-segmented)
    and rebuild both fts indexes, in one transaction."""
    with transaction(con):
        con.execute(
            "DELETE FROM report_search AS s WHERE NOT EXISTS (SELECT 1 FROM reports AS r"
            " WHERE r.report_id = s.report_id AND r.text_hash = s.text_hash"
            " AND r.title IS NOT DISTINCT FROM s.title)"
        )
        new_reports = con.execute(
            "SELECT report_id, title, text, text_hash FROM reports AS r WHERE NOT EXISTS"
            " (SELECT 1 FROM report_search AS s WHERE s.report_id = r.report_id)"
        ).fetchall()
        insert_rows(con, "report_search", [
            {"report_id": rid, "title": title, "words": segment(f"{title or ''}\n{text or ''}"),
             "text_hash": h}
            for rid, title, text, h in new_reports
        ], REPORT_SEARCH)  # fmt: skip
        con.execute(
            "DELETE FROM evidence_search AS s WHERE NOT EXISTS (SELECT 1 FROM report_metrics AS m"
            " WHERE m.metric_id = s.metric_id AND m.evidence IS NOT DISTINCT FROM s.evidence)"
        )
        new_evidence = con.execute(
            "SELECT metric_id, report_id, evidence FROM report_metrics AS m WHERE NOT EXISTS"
            " (SELECT 1 FROM evidence_search AS s WHERE s.metric_id = m.metric_id)"
        ).fetchall()
        insert_rows(con, "evidence_search", [
            {"metric_id": mid, "report_id": rid, "evidence": ev, "words": segment(ev or "")}
            for mid, rid, ev in new_evidence
        ], EVIDENCE_SEARCH)  # fmt: skip
        con.execute(f"PRAGMA create_fts_index('report_search', 'report_id', 'words', {_FTS_OPTIONS})")
        con.execute(f"PRAGMA create_fts_index('evidence_search', 'metric_id', 'words', {_FTS_OPTIONS})")


def _has_index(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM duckdb_schemas() WHERE schema_name IN"
        " ('fts_main_report_search', 'fts_main_evidence_search')"
    ).fetchone()[0] == 2)  # fmt: skip


def _best_sentences(text: str, phrases: list[str], terms: list[str], limit: int) -> list[str]:
    """Sentences holding the most whole query phrases, then the most segmented terms, in text order."""
    scored = []
    for i, sentence in enumerate(s.strip() for s in _SENTENCE_END.split(text)):
        score = 10 * sum(p in sentence for p in phrases) + sum(t in sentence for t in terms)
        if sentence and score:
            scored.append((-score, i, sentence))
    return [s for _, _, s in sorted(scored)[:limit]]


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 20, sentences: int = 3) -> list[Hit]:
    """Reports matching `query` by BM25, best first, each with up to `sentences` best sentences."""
    terms = list(dict.fromkeys(segment(query).split()))
    if not terms:
        return []
    if not _has_index(con):
        raise RuntimeError("the warehouse has no search index yet (it is built by each load)")
    words = " ".join(terms)
    rows = con.execute(
        "SELECT r.report_id, r.title, r.issuer, r.region_name, r.report_year, r.urls[1], s.score, r.text"
        " FROM (SELECT report_id, fts_main_report_search.match_bm25(report_id, ?) AS score"
        "       FROM report_search) AS s"
        " JOIN reports AS r USING (report_id) WHERE s.score IS NOT NULL"
        " ORDER BY s.score DESC, r.report_id LIMIT ?",
        [words, limit],
    ).fetchall()
    if not rows:
        return []
    evidence: dict[str, list[str]] = {}
    for rid, ev in con.execute(
        "SELECT report_id, evidence FROM (SELECT report_id, evidence,"
        " fts_main_evidence_search.match_bm25(metric_id, ?) AS score FROM evidence_search"
        " WHERE list_contains(?, report_id)) WHERE score IS NOT NULL ORDER BY score DESC",
        [words, [r[0] for r in rows]],
    ).fetchall():
        evidence.setdefault(rid, []).append(ev)
    phrases = query.split()
    hits = []
    for rid, title, issuer, region, year, url, score, text in rows:
        best = list(dict.fromkeys(evidence.get(rid, [])[:sentences]))
        for sentence in _best_sentences(text or "", phrases, terms, sentences):
            if len(best) < sentences and sentence not in best:
                best.append(sentence)
        hits.append(Hit(rid, title, issuer, region, year, url, score, best))
    return hits
