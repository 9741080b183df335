DROP INDEX "ideas_municipality_idx";--> statement-breakpoint
CREATE INDEX "ideas_town_created_idx" ON "ideas" USING btree ("municipality_id","created_at","id");