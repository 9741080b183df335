CREATE TYPE "public"."strategy_notice_kind" AS ENUM('stage', 'version', 'event', 'message');--> statement-breakpoint
CREATE TABLE "strategy_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"edition_id" uuid,
	"kind" "strategy_notice_kind" NOT NULL,
	"stage" "edition_stage",
	"version_number" integer,
	"event_id" uuid,
	"subject" text,
	"body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_through" uuid,
	"recipients" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "strategy_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"email" text NOT NULL,
	"locale" text NOT NULL,
	"origin" text NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "strategy_notices" ADD CONSTRAINT "strategy_notices_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_notices" ADD CONSTRAINT "strategy_notices_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_notices" ADD CONSTRAINT "strategy_notices_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_notices" ADD CONSTRAINT "strategy_notices_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_subscriptions" ADD CONSTRAINT "strategy_subscriptions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_subscriptions" ADD CONSTRAINT "strategy_subscriptions_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "strategy_notices_pending_idx" ON "strategy_notices" USING btree ("created_at") WHERE completed_at is null;--> statement-breakpoint
CREATE INDEX "strategy_notices_strategy_idx" ON "strategy_notices" USING btree ("municipality_id","strategy_id","created_at");--> statement-breakpoint
CREATE INDEX "strategy_notices_event_idx" ON "strategy_notices" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_subscriptions_strategy_email_idx" ON "strategy_subscriptions" USING btree ("strategy_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_subscriptions_token_idx" ON "strategy_subscriptions" USING btree ("token");--> statement-breakpoint
CREATE INDEX "strategy_subscriptions_email_idx" ON "strategy_subscriptions" USING btree ("email");--> statement-breakpoint
CREATE INDEX "strategy_subscriptions_confirmed_idx" ON "strategy_subscriptions" USING btree ("strategy_id","id") WHERE confirmed_at is not null;