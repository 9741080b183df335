DROP INDEX "ideas_title_trgm_idx";--> statement-breakpoint
CREATE INDEX "ideas_town_title_trgm_idx" ON "ideas" USING gin ("municipality_id","title" gin_trgm_ops);