DROP INDEX "indicators_edition_idx";--> statement-breakpoint
CREATE INDEX "indicators_edition_idx" ON "indicators" USING btree ("municipality_id","edition_id","name" collate "C","id");