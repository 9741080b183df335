CREATE TABLE "disclosure_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"indicator_id" uuid,
	"min_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosure_rules_min_count_range" CHECK ("disclosure_rules"."min_count" between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "disclosure_rules" ADD CONSTRAINT "disclosure_rules_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_rules" ADD CONSTRAINT "disclosure_rules_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_rules_municipality_idx" ON "disclosure_rules" USING btree ("municipality_id") WHERE "disclosure_rules"."indicator_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_rules_indicator_idx" ON "disclosure_rules" USING btree ("municipality_id","indicator_id") WHERE "disclosure_rules"."indicator_id" is not null;