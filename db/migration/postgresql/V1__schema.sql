-- Spock Metadata Shell schema. PostgreSQL version of db/migration/sqlite: the same tables; only the generated ids differ (SERIAL).

CREATE TABLE tickers (
    region              VARCHAR(2)   NOT NULL,
    ticker              VARCHAR(32)  NOT NULL,
    exchange            VARCHAR(8)   NOT NULL,
    name_en             VARCHAR(256),
    name_ko             VARCHAR(256),
    security_type       VARCHAR(16)  NOT NULL DEFAULT 'STOCK',
    kis_code            VARCHAR(3)   NOT NULL DEFAULT '000',
    yahoo_symbol        VARCHAR(40)  NOT NULL,
    sector_code         VARCHAR(2),
    sector_en           VARCHAR(64),
    sector_ko           VARCHAR(64),
    industry            VARCHAR(128),
    is_spac             BOOLEAN      NOT NULL DEFAULT FALSE,
    is_preferred        BOOLEAN      NOT NULL DEFAULT FALSE,
    source              VARCHAR(8),
    confidence          VARCHAR(8),
    status              VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    last_enriched       TIMESTAMP,
    last_error          VARCHAR(512),
    delisted            BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMP    NOT NULL,
    updated_at          TIMESTAMP    NOT NULL,
    CONSTRAINT pk_tickers PRIMARY KEY (region, ticker)
);

CREATE INDEX ix_tickers_ticker ON tickers (ticker);
CREATE INDEX ix_tickers_region_status ON tickers (region, status);

CREATE TABLE enrichment_runs (
    id                  SERIAL       PRIMARY KEY,
    started_at          TIMESTAMP    NOT NULL,
    finished_at         TIMESTAMP,
    regions             VARCHAR(64)  NOT NULL,
    mode                VARCHAR(16)  NOT NULL,
    status              VARCHAR(16)  NOT NULL
);

CREATE TABLE run_regions (
    run_id              INTEGER      NOT NULL,
    region              VARCHAR(2)   NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    total               INTEGER      NOT NULL DEFAULT 0,
    enriched            INTEGER      NOT NULL DEFAULT 0,
    from_kis            INTEGER      NOT NULL DEFAULT 0,
    from_yahoo          INTEGER      NOT NULL DEFAULT 0,
    not_applicable      INTEGER      NOT NULL DEFAULT 0,
    failed              INTEGER      NOT NULL DEFAULT 0,
    deferred            INTEGER      NOT NULL DEFAULT 0,
    retries             INTEGER      NOT NULL DEFAULT 0,
    duration_ms         BIGINT       NOT NULL DEFAULT 0,
    finished_at         TIMESTAMP,
    CONSTRAINT pk_run_regions PRIMARY KEY (run_id, region),
    CONSTRAINT fk_run_regions_run FOREIGN KEY (run_id) REFERENCES enrichment_runs (id)
);

CREATE TABLE classification_history (
    id                  SERIAL       PRIMARY KEY,
    region              VARCHAR(2)   NOT NULL,
    ticker              VARCHAR(32)  NOT NULL,
    run_id              INTEGER,
    changed_at          TIMESTAMP    NOT NULL,
    source              VARCHAR(8)   NOT NULL,
    old_sector_code     VARCHAR(2),
    new_sector_code     VARCHAR(2),
    old_industry        VARCHAR(128),
    new_industry        VARCHAR(128),
    old_source          VARCHAR(8),
    reason              VARCHAR(512),
    CONSTRAINT fk_history_ticker FOREIGN KEY (region, ticker) REFERENCES tickers (region, ticker),
    CONSTRAINT fk_history_run FOREIGN KEY (run_id) REFERENCES enrichment_runs (id)
);

CREATE INDEX ix_history_ticker ON classification_history (region, ticker, changed_at);
