-- An edition belongs to one municipality, but PostgreSQL multiplies the selectivity of "this municipality" and
-- "this edition" as if they were independent and expects a few dozen ideas where an edition holds thousands: it
-- then reads all of them and sorts instead of walking the index to the page it needs. The dependency statistics
-- tell it that the edition decides the municipality. ANALYZE fills them (autovacuum does so in time as well).
create statistics if not exists ideas_edition_municipality (dependencies) on municipality_id, edition_id from ideas;
--> statement-breakpoint
analyze ideas;
