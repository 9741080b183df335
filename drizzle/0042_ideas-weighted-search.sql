-- btree_gin lets the word index lead with the town's id; like pg_trgm it is a trusted extension, which
-- the database's owner may create without being a superuser.
create extension if not exists btree_gin;--> statement-breakpoint
DROP INDEX "ideas_search_idx";--> statement-breakpoint
ALTER TABLE "ideas" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS ((setweight(to_tsvector('german'::regconfig, "ideas"."title"), 'A') || setweight(to_tsvector('german'::regconfig, "ideas"."body"), 'B'))) STORED;--> statement-breakpoint
CREATE INDEX "ideas_town_search_idx" ON "ideas" USING gin ("municipality_id","search_vector");