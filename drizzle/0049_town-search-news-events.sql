-- A search looks its words up among one town's news or events: led by the town (btree_gin, created in 0042), as the ideas' word index is.
DROP INDEX "events_search_idx";--> statement-breakpoint
DROP INDEX "articles_search_idx";--> statement-breakpoint
CREATE INDEX "events_town_search_idx" ON "events" USING gin ("municipality_id",(setweight(to_tsvector('german'::regconfig, "title"), 'A') || setweight(to_tsvector('german'::regconfig, "description"), 'B')));--> statement-breakpoint
CREATE INDEX "articles_town_search_idx" ON "articles" USING gin ("municipality_id",(setweight(to_tsvector('german'::regconfig, "title"), 'A') || setweight(to_tsvector('german'::regconfig, "lead" || ' ' || "body"), 'B')));