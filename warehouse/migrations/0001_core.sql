-- Core schema. Fact tables carry report_year so a year's partition can be replaced with one DELETE
-- per table; they have no PRIMARY KEY/UNIQUE constraints on purpose: DuckDB's index checks make
-- delete-then-insert of the same keys in one transaction fail (duckdb#16520), and loads keep
-- uniqueness themselves (see warehouse/load.py).

CREATE TABLE sources (
    id          VARCHAR NOT NULL,
    name        VARCHAR,
    base_url    VARCHAR,
    adapter     VARCHAR,
    region_code VARCHAR,
    level       VARCHAR,
    columns     STRUCT(url VARCHAR, name VARCHAR, adapter VARCHAR)[]
);

-- GB/T 2260 divisions, 6-digit codes (a province 440000, a prefecture 441200, a county 441226).
CREATE TABLE regions (
    code        VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    level       VARCHAR NOT NULL,   -- province | prefecture | county
    kind        VARCHAR,            -- 省 / 地级市 / 县级市 / 市辖区 / 自治州 …
    parent_code VARCHAR,
    province    VARCHAR,
    prefecture  VARCHAR
);

CREATE TABLE discovered_links (
    source_id   VARCHAR NOT NULL,
    url         VARCHAR NOT NULL,
    title       VARCHAR,
    listed_date DATE,
    report_year INTEGER,
    column_url  VARCHAR,
    first_seen  TIMESTAMPTZ NOT NULL,
    last_seen   TIMESTAMPTZ NOT NULL
);

-- Every request the crawler made (or refused to make, e.g. robots.txt).
CREATE TABLE fetches (
    fetch_id    VARCHAR NOT NULL,   -- hash of url, fetched_at, archive_ref, outcome: loading twice is a no-op
    url         VARCHAR NOT NULL,
    final_url   VARCHAR,
    host        VARCHAR,
    source_id   VARCHAR,
    status      INTEGER,
    outcome     VARCHAR NOT NULL,   -- crawlers.model.Outcome
    bytes       BIGINT,
    elapsed     DOUBLE,             -- seconds
    archive_ref VARCHAR,            -- "warc-file:offset"
    reason      VARCHAR,
    fetched_at  TIMESTAMPTZ,
    loaded_at   TIMESTAMPTZ NOT NULL
);

-- One row per distinct report (identity: warehouse/identity.py).
CREATE TABLE reports (
    report_id    VARCHAR NOT NULL,
    report_year  INTEGER NOT NULL,
    region_code  VARCHAR,
    region_name  VARCHAR,
    level        VARCHAR,
    province     VARCHAR,
    prefecture   VARCHAR,
    issuer       VARCHAR,
    issuer_kind  VARCHAR,
    publish_date DATE,
    title        VARCHAR,
    urls         VARCHAR[] NOT NULL,  -- every address it was found at
    source_ids   VARCHAR[] NOT NULL,
    archive_refs VARCHAR[],
    doc_number   VARCHAR,
    index_number VARCHAR,
    text         VARCHAR,
    text_hash    VARCHAR NOT NULL,    -- sha256 of text: a change makes a new report_versions row
    fingerprint  VARCHAR,
    doc_kind     VARCHAR NOT NULL,
    first_seen   TIMESTAMPTZ,
    last_seen    TIMESTAMPTZ
);

-- Append-only: survives partition reloads, one row per text a report has had.
CREATE TABLE report_versions (
    report_id   VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    report_year INTEGER NOT NULL,
    text_hash   VARCHAR NOT NULL,
    fingerprint VARCHAR,
    title       VARCHAR,
    text        VARCHAR,
    url         VARCHAR,
    seen_at     TIMESTAMPTZ,
    loaded_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE report_sections (
    report_id   VARCHAR NOT NULL,
    report_year INTEGER NOT NULL,
    ordinal     INTEGER NOT NULL,
    level       INTEGER,
    number      VARCHAR,
    heading     VARCHAR,
    part        VARCHAR,
    span_start  INTEGER,
    span_end    INTEGER
);

CREATE TABLE report_metrics (
    metric_id   VARCHAR NOT NULL,   -- report_id:ordinal
    report_id   VARCHAR NOT NULL,
    report_year INTEGER NOT NULL,
    key         VARCHAR NOT NULL,
    value       DOUBLE,
    unit        VARCHAR,
    qualifier   VARCHAR,
    period_year INTEGER,
    evidence    VARCHAR,
    span_start  INTEGER,
    span_end    INTEGER,
    scope       VARCHAR
);

CREATE TABLE numeric_mentions (
    report_id   VARCHAR NOT NULL,
    report_year INTEGER NOT NULL,
    ordinal     INTEGER NOT NULL,
    value       DOUBLE,
    unit        VARCHAR,
    phrase      VARCHAR,
    sentence    VARCHAR,
    span_start  INTEGER,
    span_end    INTEGER
);
