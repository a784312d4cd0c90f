"""Parse: every archived page of the year's links, read from the WARC archive (never refetched) and
parsed into a report; the reparse job re-runs this stage alone when the parser improves."""

from collections import Counter
from urllib.parse import urlsplit

import dagster as dg

from crawlers.archive import Archive
from parsing.errors import ParseError
from parsing.page import parse_page
from pipelines.defs.groups import PARSE
from pipelines.defs.metadata import counts_table, markdown_table, per_year
from pipelines.defs.partitions import report_year_backfill, report_year_partitions, years_of
from pipelines.defs.records import page_line, read_crawl_record, write_parsed
from pipelines.defs.resources import DataDirResource
from warehouse.records import ParsedPage


def parse_year(archive: Archive, record: dict) -> tuple[list[dict], dict[str, int]]:
    """Lines for the parsed file of one year's crawl record, and counts of what happened."""
    lines: list[dict] = []
    counts: Counter[str] = Counter()
    for link in record["links"]:
        url, source_id = link["url"], link["source_id"]
        fetched = archive.read(url)
        if fetched is None:
            counts["not_archived"] += 1
            continue
        content_type = fetched.headers.get("content-type") or fetched.headers.get("Content-Type")
        try:
            report = parse_page(fetched.body, url=fetched.final_url or url, content_type=content_type)
        except ParseError as exc:
            counts["parse_errors"] += 1
            lines.append(
                page_line(None, url=url, source_id=source_id, error=str(exc), archive_ref=fetched.archive_ref)
            )
            continue
        counts[report.doc_kind] += 1
        page = ParsedPage(
            report=report,
            url=url,
            final_url=fetched.final_url,
            source_id=source_id,
            fetched_at=fetched.fetched_at,
            archive_ref=fetched.archive_ref,
        )
        lines.append(page_line(page, url=url, source_id=source_id))
    return lines, dict(counts)


@dg.asset(
    group_name=PARSE,
    kinds={"python"},
    deps=["fetched_pages"],
    partitions_def=report_year_partitions,
    backfill_policy=report_year_backfill,
    description="Each archived page of the year's discovered links parsed (HTML, PDF, DOCX, text) "
    "into a report: kind, year, issuer, region, publish date, sections, metric facts with their "
    "evidence sentence. Pages that cannot be parsed are kept with the reason. "
    "File: data/parsed/<year>.jsonl.gz.",
)
def parsed_reports(context: dg.AssetExecutionContext, data_dir: DataDirResource) -> dg.MaterializeResult:
    years = years_of(context)
    archive = Archive(data_dir.raw)
    totals: Counter[str] = Counter()
    annual_per_year, failures, preview = [], [], []
    try:
        for year in years:
            record = read_crawl_record(data_dir.crawl_record(year))
            lines, counts = parse_year(archive, record)
            write_parsed(data_dir.parsed_file(year), lines)
            totals.update(counts)
            annual_per_year.append((year, counts.get("annual_report", 0)))
            for line in lines:
                if line.get("error"):
                    failures.append(
                        {"host": urlsplit(line["url"]).netloc, "url": line["url"], "error": line["error"]}
                    )
                elif len(preview) < 10 and line["report"]["doc_kind"] == "annual_report":
                    r = line["report"]
                    preview.append(
                        {
                            "year": r["report_year"],
                            "issuer": r["issuer"],
                            "published": r["publish_date"],
                            "metrics": len(r["metrics"]),
                            "url": line["url"],
                        }
                    )
            context.log.info("report year %d: %s", year, dict(counts))
    finally:
        archive.close()
    return dg.MaterializeResult(
        metadata={
            "pages": sum(v for k, v in totals.items() if k not in ("not_archived", "parse_errors")),
            "annual_reports_per_year": per_year(annual_per_year),
            "by_kind": counts_table(totals, "kind"),
            "parse_errors": totals.get("parse_errors", 0),
            "not_archived": totals.get("not_archived", 0),
            "failures_per_host": counts_table(Counter(f["host"] for f in failures), "host", "failures"),
            "failures": markdown_table(failures),
            "preview": markdown_table(preview),
        }
    )
