DROP INDEX "audit_events_municipality_created_idx";--> statement-breakpoint
CREATE INDEX "audit_events_municipality_created_id_idx" ON "audit_events" USING btree ("municipality_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_municipality_type_created_idx" ON "audit_events" USING btree ("municipality_id","entity_type","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_municipality_type_action_created_idx" ON "audit_events" USING btree ("municipality_id","entity_type","action","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_municipality_action_created_idx" ON "audit_events" USING btree ("municipality_id","action","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_municipality_entity_created_idx" ON "audit_events" USING btree ("municipality_id","entity_id","created_at","id");