-- Views for SQL users (`fazhi sql`). Timestamps are TIMESTAMPTZ; connections set TimeZone to
-- Asia/Shanghai, so they print in Beijing time. Refreshed by warehouse.views.refresh_views().

-- One row per metric fact, with names, the catalog's Chinese label and the report's first address.
CREATE OR REPLACE VIEW v_metrics AS
SELECT
    m.metric_id,
    r.report_id,
    r.region_code,
    r.region_name,
    coalesce(r.province, g.province) AS province,
    coalesce(r.prefecture, g.prefecture) AS prefecture,
    r.issuer,
    r.issuer_kind,
    r.report_year,
    m.key,
    c.label,
    c.topic,
    m.value,
    m.unit,
    m.qualifier,
    m.period_year,
    m.evidence,
    m.scope,
    r.urls[1] AS url
FROM report_metrics AS m
JOIN reports AS r ON r.report_id = m.report_id AND r.report_year = m.report_year
LEFT JOIN metric_catalog AS c ON c.key = m.key
LEFT JOIN regions AS g ON g.code = r.region_code;

-- Publication against the statutory deadline: departments by 1 March, governments (alone or with
-- the party committee) by 1 April of the year after the report year. Unknown issuer kind or
-- publish date: deadline / days_late / on_time are NULL rather than guessed.
CREATE OR REPLACE VIEW v_timeliness AS
SELECT
    r.report_id,
    r.report_year,
    r.region_code,
    r.region_name,
    r.issuer,
    r.issuer_kind,
    r.publish_date,
    CASE
        WHEN r.issuer_kind = 'department' THEN make_date(r.report_year + 1, 3, 1)
        WHEN r.issuer_kind IN ('government', 'party_government') THEN make_date(r.report_year + 1, 4, 1)
    END AS deadline,
    -- greatest() skips NULLs in DuckDB, so an unknown date must stay NULL explicitly
    CASE WHEN r.publish_date IS NOT NULL THEN greatest(date_diff('day', deadline, r.publish_date), 0) END
        AS days_late,
    r.publish_date <= deadline AS on_time,
    r.urls[1] AS url
FROM reports AS r;

-- Source x year: what discovery listed, what became of the fetches, and whether a report was found.
-- A link's state is its latest fetch (by fetched_at, then load time).
CREATE OR REPLACE VIEW v_coverage AS
WITH years AS (
    SELECT report_year FROM discovered_links WHERE report_year IS NOT NULL
    UNION
    SELECT report_year FROM reports
),
latest_fetch AS (
    SELECT url, arg_max(outcome, (coalesce(fetched_at, loaded_at), loaded_at)) AS outcome
    FROM fetches
    GROUP BY url
),
links AS (
    SELECT d.source_id, d.report_year, count(*) AS discovered,
        count(*) FILTER (WHERE f.outcome IN ('ok', 'not_modified')) AS fetched,
        count(*) FILTER (WHERE f.outcome = 'blocked') AS blocked,
        count(*) FILTER (WHERE f.outcome = 'failed') AS failed,
        count(*) FILTER (WHERE f.outcome = 'skipped_robots') AS skipped_robots,
        count(*) FILTER (WHERE f.outcome IS NULL) AS not_fetched
    FROM discovered_links AS d
    LEFT JOIN latest_fetch AS f ON f.url = d.url
    GROUP BY ALL
),
found AS (
    SELECT s.source_id, r.report_year, count(DISTINCT r.report_id) AS found
    FROM reports AS r, unnest(r.source_ids) AS s(source_id)
    GROUP BY ALL
),
other_pages AS (
    SELECT source_id, report_year, count(*) AS other_pages
    FROM parsed_pages
    WHERE doc_kind <> 'annual_report'
    GROUP BY ALL
)
SELECT
    s.id AS source_id,
    s.name AS source_name,
    s.region_code,
    s.level,
    y.report_year,
    coalesce(l.discovered, 0) AS discovered,
    coalesce(l.fetched, 0) AS fetched,
    coalesce(fo.found, 0) AS found,
    coalesce(fo.found, 0) = 0 AS missing,
    coalesce(l.blocked, 0) AS blocked,
    coalesce(l.failed, 0) AS failed,
    coalesce(l.skipped_robots, 0) AS skipped_robots,
    coalesce(l.not_fetched, 0) AS not_fetched,
    coalesce(o.other_pages, 0) AS other_pages
FROM sources AS s
CROSS JOIN years AS y
LEFT JOIN links AS l ON l.source_id = s.id AND l.report_year = y.report_year
LEFT JOIN found AS fo ON fo.source_id = s.id AND fo.report_year = y.report_year
LEFT JOIN other_pages AS o ON o.source_id = s.id AND o.report_year = y.report_year;
