CREATE TYPE "public"."indicator_snapshot_kind" AS ENUM('annual_report', 'adoption');--> statement-breakpoint
CREATE TABLE "measurement_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"measurement_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" text,
	"import_batch_id" uuid,
	"old_value" double precision,
	"old_qualifier" "measurement_qualifier",
	"old_estimate" boolean NOT NULL,
	"old_provisional" boolean NOT NULL,
	"old_series_break" boolean NOT NULL,
	"old_suppressed" boolean NOT NULL,
	"new_value" double precision,
	"new_qualifier" "measurement_qualifier",
	"new_estimate" boolean NOT NULL,
	"new_provisional" boolean NOT NULL,
	"new_series_break" boolean NOT NULL,
	"new_suppressed" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_snapshot_values" (
	"snapshot_id" uuid NOT NULL,
	"measurement_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_kind" "measurement_period_kind" NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"series_key" text NOT NULL,
	"detail_level" smallint NOT NULL,
	"value" double precision,
	"qualifier" "measurement_qualifier",
	"unit" text DEFAULT '' NOT NULL,
	"estimate" boolean NOT NULL,
	"provisional" boolean NOT NULL,
	"series_break" boolean NOT NULL,
	"suppressed" boolean NOT NULL,
	CONSTRAINT "indicator_snapshot_values_snapshot_id_measurement_id_pk" PRIMARY KEY("snapshot_id","measurement_id"),
	CONSTRAINT "indicator_snapshot_values_value_or_suppressed" CHECK ("indicator_snapshot_values"."value" is not null or "indicator_snapshot_values"."suppressed")
);
--> statement-breakpoint
CREATE TABLE "indicator_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"kind" "indicator_snapshot_kind" NOT NULL,
	"year" integer NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_by" text,
	"value_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measurement_revisions" ADD CONSTRAINT "measurement_revisions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_revisions" ADD CONSTRAINT "measurement_revisions_measurement_id_indicator_measurements_id_fk" FOREIGN KEY ("measurement_id") REFERENCES "public"."indicator_measurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_revisions" ADD CONSTRAINT "measurement_revisions_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_revisions" ADD CONSTRAINT "measurement_revisions_import_batch_id_measurement_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."measurement_import_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_snapshot_values" ADD CONSTRAINT "indicator_snapshot_values_snapshot_id_indicator_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."indicator_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_snapshot_values" ADD CONSTRAINT "indicator_snapshot_values_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_snapshot_values" ADD CONSTRAINT "indicator_snapshot_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_snapshots" ADD CONSTRAINT "indicator_snapshots_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_snapshots" ADD CONSTRAINT "indicator_snapshots_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measurement_revisions_measurement_idx" ON "measurement_revisions" USING btree ("measurement_id","changed_at");--> statement-breakpoint
CREATE INDEX "measurement_revisions_indicator_idx" ON "measurement_revisions" USING btree ("municipality_id","indicator_id","changed_at");--> statement-breakpoint
CREATE INDEX "indicator_snapshot_values_cell_idx" ON "indicator_snapshot_values" USING btree ("snapshot_id","indicator_id","period_end");--> statement-breakpoint
CREATE INDEX "indicator_snapshots_edition_idx" ON "indicator_snapshots" USING btree ("municipality_id","edition_id","taken_at");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_snapshots_one_report_a_year_idx" ON "indicator_snapshots" USING btree ("edition_id","year") WHERE "indicator_snapshots"."kind" = 'annual_report';