CREATE TYPE "public"."indicator_direction" AS ENUM('higher_is_better', 'lower_is_better');--> statement-breakpoint
CREATE TYPE "public"."indicator_frequency" AS ENUM('monthly', 'quarterly', 'yearly');--> statement-breakpoint
CREATE TYPE "public"."measure_status" AS ENUM('planned', 'in_progress', 'done', 'delayed', 'paused', 'dropped');--> statement-breakpoint
CREATE TABLE "indicator_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"value" double precision NOT NULL,
	"district_id" uuid,
	"source_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"goal_id" uuid,
	"measure_id" uuid,
	"name" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"direction" "indicator_direction" NOT NULL,
	"baseline_value" double precision NOT NULL,
	"baseline_date" date NOT NULL,
	"target_value" double precision NOT NULL,
	"target_date" date NOT NULL,
	"frequency" "indicator_frequency" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_one_subject" CHECK (num_nonnulls("indicators"."goal_id", "indicators"."measure_id") = 1),
	CONSTRAINT "indicators_target_after_baseline" CHECK ("indicators"."target_date" > "indicators"."baseline_date")
);
--> statement-breakpoint
CREATE TABLE "measure_districts" (
	"measure_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	CONSTRAINT "measure_districts_measure_id_district_id_pk" PRIMARY KEY("measure_id","district_id")
);
--> statement-breakpoint
CREATE TABLE "measure_organisations" (
	"measure_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	CONSTRAINT "measure_organisations_measure_id_organisation_id_pk" PRIMARY KEY("measure_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "measure_progress_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"written_on" date NOT NULL,
	"body" text NOT NULL,
	"author_label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_tracking" (
	"measure_id" uuid PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"status" "measure_status" DEFAULT 'planned' NOT NULL,
	"status_reason" text DEFAULT '' NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"actual_start" date,
	"actual_end" date,
	"responsible_office" text DEFAULT '' NOT NULL,
	"city_wide" boolean DEFAULT false NOT NULL,
	"budget_euros" numeric(14, 2),
	"progress" integer DEFAULT 0 NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_tracking_progress_range" CHECK ("measure_tracking"."progress" between 0 and 100),
	CONSTRAINT "measure_tracking_weight_range" CHECK ("measure_tracking"."weight" between 0 and 100),
	CONSTRAINT "measure_tracking_budget_positive" CHECK ("measure_tracking"."budget_euros" is null or "measure_tracking"."budget_euros" >= 0),
	CONSTRAINT "measure_tracking_reason_required" CHECK ("measure_tracking"."status" not in ('delayed', 'dropped') or length(btrim("measure_tracking"."status_reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_districts" ADD CONSTRAINT "measure_districts_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_districts" ADD CONSTRAINT "measure_districts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_districts" ADD CONSTRAINT "measure_districts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_organisations" ADD CONSTRAINT "measure_organisations_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_organisations" ADD CONSTRAINT "measure_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_organisations" ADD CONSTRAINT "measure_organisations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_progress_updates" ADD CONSTRAINT "measure_progress_updates_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_progress_updates" ADD CONSTRAINT "measure_progress_updates_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_tracking" ADD CONSTRAINT "measure_tracking_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_tracking" ADD CONSTRAINT "measure_tracking_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_tracking" ADD CONSTRAINT "measure_tracking_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_measurements_indicator_idx" ON "indicator_measurements" USING btree ("indicator_id","measured_on");--> statement-breakpoint
CREATE INDEX "indicator_measurements_district_idx" ON "indicator_measurements" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "indicators_edition_idx" ON "indicators" USING btree ("municipality_id","edition_id");--> statement-breakpoint
CREATE INDEX "indicators_goal_idx" ON "indicators" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "indicators_measure_idx" ON "indicators" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "measure_districts_district_idx" ON "measure_districts" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "measure_organisations_organisation_idx" ON "measure_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "measure_progress_updates_measure_idx" ON "measure_progress_updates" USING btree ("measure_id","written_on");--> statement-breakpoint
CREATE INDEX "measure_tracking_edition_idx" ON "measure_tracking" USING btree ("municipality_id","edition_id");