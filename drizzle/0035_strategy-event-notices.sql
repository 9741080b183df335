ALTER TYPE "public"."strategy_notice_kind" ADD VALUE 'event';--> statement-breakpoint
ALTER TABLE "strategy_notices" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "strategy_notices" ADD CONSTRAINT "strategy_notices_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "strategy_notices_event_idx" ON "strategy_notices" USING btree ("event_id");