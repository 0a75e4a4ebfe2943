-- One listing per Yahoo symbol (issue 16): imports look up which listed ticker of a market holds a Yahoo symbol.
-- Not unique: a store written before the rule may hold two listings with one symbol, and must still migrate.

CREATE INDEX ix_tickers_region_yahoo ON tickers (region, yahoo_symbol);
