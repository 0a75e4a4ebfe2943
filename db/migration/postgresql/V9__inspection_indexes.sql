-- PostgreSQL version of db/migration/sqlite/V9.
-- Indexes for the data-inspection commands (tickers, changes, and the same filters on export-csv and
-- coverage-report): the common ticker filters are a region with a sector or a source; changes are selected by
-- run (also the enrich summary's count) or by time.

CREATE INDEX ix_tickers_region_sector ON tickers (region, sector_code);
CREATE INDEX ix_tickers_region_source ON tickers (region, source);
CREATE INDEX ix_history_run ON classification_history (run_id);
CREATE INDEX ix_history_changed_at ON classification_history (changed_at);
