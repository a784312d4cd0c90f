-- Every parsed page of a load (annual reports and the rest), for coverage; replaced per report year.
CREATE TABLE parsed_pages (
    report_year INTEGER NOT NULL,     -- the partition the page was loaded under
    url         VARCHAR NOT NULL,
    final_url   VARCHAR,
    source_id   VARCHAR,
    doc_kind    VARCHAR NOT NULL,
    parsed_year INTEGER,              -- the year the parser read from the page
    title       VARCHAR,
    report_id   VARCHAR,              -- set when the page became (part of) a report
    fetched_at  TIMESTAMPTZ,
    archive_ref VARCHAR
);

-- Metric keys with their Chinese labels (filled from warehouse/metric_labels.py by refresh_views).
CREATE TABLE metric_catalog (
    key   VARCHAR NOT NULL,
    topic VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    unit  VARCHAR
);

-- jieba-segmented copies for the fts indexes (rebuilt by warehouse.search.refresh_search_index).
CREATE TABLE report_search (
    report_id VARCHAR NOT NULL,
    title     VARCHAR,
    words     VARCHAR,
    text_hash VARCHAR NOT NULL
);

CREATE TABLE evidence_search (
    metric_id VARCHAR NOT NULL,
    report_id VARCHAR NOT NULL,
    evidence  VARCHAR,
    words     VARCHAR
);

CREATE TABLE warehouse_meta (
    key   VARCHAR NOT NULL,
    value VARCHAR
);
