-- Not found is an answer, not a failure: each run's regions count it on its own. Runs recorded before this
-- migration counted their not-found tickers under failed; they keep those counts, with not_found 0.

ALTER TABLE run_regions ADD COLUMN not_found INTEGER NOT NULL DEFAULT 0;
