CREATE TABLE "indicator_interim_targets" (
	"municipality_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_interim_targets_indicator_id_year_pk" PRIMARY KEY("indicator_id","year"),
	CONSTRAINT "indicator_interim_targets_year_range" CHECK ("indicator_interim_targets"."year" between 1900 and 2200)
);
--> statement-breakpoint
ALTER TABLE "indicator_interim_targets" ADD CONSTRAINT "indicator_interim_targets_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_interim_targets" ADD CONSTRAINT "indicator_interim_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_interim_targets_municipality_idx" ON "indicator_interim_targets" USING btree ("municipality_id","indicator_id");