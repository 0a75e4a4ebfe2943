-- PostgreSQL version of db/migration/sqlite/V2. Classification sources as a chain: every source's latest answer per ticker (evidence), per-source counts of
-- each run's regions in place of the two fixed columns, and the disagreement mark that feeds the review queue.

CREATE TABLE classification_evidence (
    region              VARCHAR(2)   NOT NULL,
    ticker              VARCHAR(32)  NOT NULL,
    source              VARCHAR(16)  NOT NULL,
    verdict             VARCHAR(16)  NOT NULL,
    raw_code            VARCHAR(64),
    raw_label           VARCHAR(256),
    sector_code         VARCHAR(2),
    industry_code       VARCHAR(8),
    industry            VARCHAR(128),
    confidence          VARCHAR(8),
    detail              VARCHAR(256),
    observed_at         TIMESTAMP    NOT NULL,
    run_id              INTEGER,
    CONSTRAINT pk_classification_evidence PRIMARY KEY (region, ticker, source),
    CONSTRAINT fk_evidence_ticker FOREIGN KEY (region, ticker) REFERENCES tickers (region, ticker),
    CONSTRAINT fk_evidence_run FOREIGN KEY (run_id) REFERENCES enrichment_runs (id)
);

CREATE TABLE run_region_sources (
    run_id              INTEGER      NOT NULL,
    region              VARCHAR(2)   NOT NULL,
    source              VARCHAR(16)  NOT NULL,
    classified          INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT pk_run_region_sources PRIMARY KEY (run_id, region, source),
    CONSTRAINT fk_run_region_sources_region FOREIGN KEY (run_id, region) REFERENCES run_regions (run_id, region)
);

INSERT INTO run_region_sources (run_id, region, source, classified)
    SELECT run_id, region, 'KIS', from_kis FROM run_regions WHERE from_kis > 0;
INSERT INTO run_region_sources (run_id, region, source, classified)
    SELECT run_id, region, 'YAHOO', from_yahoo FROM run_regions WHERE from_yahoo > 0;

ALTER TABLE run_regions DROP COLUMN from_kis;
ALTER TABLE run_regions DROP COLUMN from_yahoo;

ALTER TABLE tickers ADD COLUMN disagreement BOOLEAN NOT NULL DEFAULT FALSE;

-- Source names are no longer three fixed words (SQLite does not enforce the length).
ALTER TABLE tickers ALTER COLUMN source TYPE VARCHAR(16);
ALTER TABLE classification_history ALTER COLUMN source TYPE VARCHAR(16);
ALTER TABLE classification_history ALTER COLUMN old_source TYPE VARCHAR(16);
