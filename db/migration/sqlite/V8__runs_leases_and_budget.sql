-- Several instances on one store (issue 18). A run records the host and process that run it and a heartbeat, so
-- that a run whose process died is told from one still going (and marked ABANDONED). While a run enriches a region
-- it holds that region's lease, one row per region: a second run skips or waits for it. The Yahoo budget is one
-- timeline of request slots per service that every process reserves short stretches of, so that all processes on
-- one store together stay within the configured rate.

ALTER TABLE enrichment_runs ADD COLUMN host VARCHAR(255);
ALTER TABLE enrichment_runs ADD COLUMN pid BIGINT;
ALTER TABLE enrichment_runs ADD COLUMN heartbeat_at TIMESTAMP;

CREATE TABLE region_leases (
    region              VARCHAR(2)   NOT NULL,
    run_id              INTEGER      NOT NULL,
    started_at          TIMESTAMP    NOT NULL,
    CONSTRAINT pk_region_leases PRIMARY KEY (region),
    CONSTRAINT fk_region_leases_run FOREIGN KEY (run_id) REFERENCES enrichment_runs (id)
);

CREATE TABLE request_budgets (
    service             VARCHAR(16)  NOT NULL,
    next_free_us        BIGINT       NOT NULL,
    CONSTRAINT pk_request_budgets PRIMARY KEY (service)
);

INSERT INTO request_budgets (service, next_free_us) VALUES ('YAHOO', 0);
