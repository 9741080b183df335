DROP INDEX "ideas_edition_created_idx";--> statement-breakpoint
DROP INDEX "ideas_edition_status_created_idx";--> statement-breakpoint
CREATE INDEX "ideas_edition_created_idx" ON "ideas" USING btree ("municipality_id","edition_id","created_at","id");--> statement-breakpoint
CREATE INDEX "ideas_edition_status_created_idx" ON "ideas" USING btree ("municipality_id","edition_id","status","created_at","id");