-- An indicator belongs to one municipality, but PostgreSQL multiplies the selectivity of "this municipality" and
-- "this indicator" as if they were independent: with 50,000 values in 20 towns it expects 5 values where an
-- indicator holds 100. A page of the indicator's values then looks as cheap read all at once and sorted as read
-- in the index's order up to the page, and ANALYZE's sample decided which plan ran (one run in ten read them all).
-- The dependency statistics tell it that the indicator decides the municipality.
create statistics if not exists indicator_measurements_indicator_municipality (dependencies) on municipality_id, indicator_id from indicator_measurements;
--> statement-breakpoint
analyze indicator_measurements;
