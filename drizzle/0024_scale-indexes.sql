DROP INDEX "ideas_edition_created_idx";--> statement-breakpoint
DROP INDEX "indicator_measurements_municipality_idx";--> statement-breakpoint
CREATE INDEX "ideas_edition_status_created_idx" ON "ideas" USING btree ("edition_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "ideas_edition_created_idx" ON "ideas" USING btree ("edition_id","created_at","id");--> statement-breakpoint
CREATE INDEX "indicator_measurements_municipality_idx" ON "indicator_measurements" USING btree ("municipality_id","indicator_id","measured_on");