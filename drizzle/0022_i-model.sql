CREATE TYPE "public"."measurement_period_kind" AS ENUM('year', 'quarter', 'month', 'range');--> statement-breakpoint
CREATE TYPE "public"."measurement_qualifier" AS ENUM('<', '<=', '>', '>=');--> statement-breakpoint
CREATE TABLE "indicator_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"key" text NOT NULL,
	"publisher" text NOT NULL,
	"dataset" text DEFAULT '' NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"licence" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"frequency" "indicator_frequency",
	"last_release_on" date,
	"next_release_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_sources_key_format" CHECK ("indicator_sources"."key" ~ '^[a-z0-9][a-z0-9_-]*$')
);
--> statement-breakpoint
CREATE TABLE "dimension_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"dimension_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_total" boolean DEFAULT false NOT NULL,
	"district_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dimension_members_key_format" CHECK ("dimension_members"."key" ~ '^[a-z0-9][a-z0-9_-]*$'),
	CONSTRAINT "dimension_members_total_key" CHECK ("dimension_members"."is_total" = ("dimension_members"."key" = 'total')),
	CONSTRAINT "dimension_members_total_no_district" CHECK (not ("dimension_members"."is_total" and "dimension_members"."district_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "dimensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dimensions_key_format" CHECK ("dimensions"."key" ~ '^[a-z0-9][a-z0-9_]*$')
);
--> statement-breakpoint
CREATE TABLE "indicator_breakdowns" (
	"indicator_id" uuid NOT NULL,
	"dimension_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_breakdowns_indicator_id_dimension_id_pk" PRIMARY KEY("indicator_id","dimension_id")
);
--> statement-breakpoint
CREATE TABLE "measurement_import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"started_by" text,
	"file_name" text DEFAULT '' NOT NULL,
	"rows_imported" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measurement_members" (
	"measurement_id" uuid NOT NULL,
	"dimension_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	CONSTRAINT "measurement_members_measurement_id_dimension_id_pk" PRIMARY KEY("measurement_id","dimension_id")
);
--> statement-breakpoint
-- Data step (hand-written, see docs/indicator-model.md): keep the old date and district per row before the columns go.
CREATE TABLE "i_model_old_measurements" AS SELECT "id", "measured_on", "district_id" FROM "indicator_measurements";--> statement-breakpoint
ALTER TABLE "indicator_measurements" DROP CONSTRAINT "indicator_measurements_district_id_districts_id_fk";
--> statement-breakpoint
DROP INDEX "indicator_measurements_district_idx";--> statement-breakpoint
ALTER TABLE "indicator_measurements" drop column "measured_on";--> statement-breakpoint
ALTER TABLE "indicator_measurements" ALTER COLUMN "value" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "period_kind" "measurement_period_kind";--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "period_start" date;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "period_end" date;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "series_key" text;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "qualifier" "measurement_qualifier";--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "unit" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "estimate" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "series_break" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "suppressed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "entered_by" text;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "import_batch_id" uuid;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "indicator_sources" ADD CONSTRAINT "indicator_sources_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dimension_members" ADD CONSTRAINT "dimension_members_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dimension_members" ADD CONSTRAINT "dimension_members_dimension_id_dimensions_id_fk" FOREIGN KEY ("dimension_id") REFERENCES "public"."dimensions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dimension_members" ADD CONSTRAINT "dimension_members_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dimensions" ADD CONSTRAINT "dimensions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_breakdowns" ADD CONSTRAINT "indicator_breakdowns_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_breakdowns" ADD CONSTRAINT "indicator_breakdowns_dimension_id_dimensions_id_fk" FOREIGN KEY ("dimension_id") REFERENCES "public"."dimensions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_breakdowns" ADD CONSTRAINT "indicator_breakdowns_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_import_batches" ADD CONSTRAINT "measurement_import_batches_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_import_batches" ADD CONSTRAINT "measurement_import_batches_started_by_auth_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_members" ADD CONSTRAINT "measurement_members_measurement_id_indicator_measurements_id_fk" FOREIGN KEY ("measurement_id") REFERENCES "public"."indicator_measurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_members" ADD CONSTRAINT "measurement_members_dimension_id_dimensions_id_fk" FOREIGN KEY ("dimension_id") REFERENCES "public"."dimensions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_members" ADD CONSTRAINT "measurement_members_member_id_dimension_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."dimension_members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_members" ADD CONSTRAINT "measurement_members_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_sources_key_idx" ON "indicator_sources" USING btree ("municipality_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "dimension_members_key_idx" ON "dimension_members" USING btree ("dimension_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "dimension_members_one_total_idx" ON "dimension_members" USING btree ("dimension_id") WHERE "dimension_members"."is_total";--> statement-breakpoint
CREATE UNIQUE INDEX "dimension_members_district_idx" ON "dimension_members" USING btree ("dimension_id","district_id");--> statement-breakpoint
CREATE INDEX "dimension_members_district_lookup_idx" ON "dimension_members" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dimensions_key_idx" ON "dimensions" USING btree ("municipality_id","key");--> statement-breakpoint
CREATE INDEX "indicator_breakdowns_dimension_idx" ON "indicator_breakdowns" USING btree ("dimension_id");--> statement-breakpoint
CREATE INDEX "measurement_import_batches_municipality_idx" ON "measurement_import_batches" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "measurement_members_member_idx" ON "measurement_members" USING btree ("member_id");--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_source_id_indicator_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."indicator_sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_entered_by_auth_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_import_batch_id_measurement_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."measurement_import_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_source_id_indicator_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."indicator_sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_measurements_series_period_idx" ON "indicator_measurements" USING btree ("indicator_id","series_key","period_start","period_end");--> statement-breakpoint
CREATE INDEX "indicator_measurements_municipality_idx" ON "indicator_measurements" USING btree ("municipality_id","indicator_id");--> statement-breakpoint
CREATE INDEX "indicator_measurements_batch_idx" ON "indicator_measurements" USING btree ("import_batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_idx" ON "indicators" USING btree ("edition_id","code");--> statement-breakpoint
ALTER TABLE "indicator_measurements" DROP COLUMN "district_id";--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_period_order" CHECK ("indicator_measurements"."period_start" <= "indicator_measurements"."period_end");--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_value_or_suppressed" CHECK ("indicator_measurements"."value" is not null or "indicator_measurements"."suppressed");--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_qualifier_needs_value" CHECK ("indicator_measurements"."qualifier" is null or "indicator_measurements"."value" is not null);--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_series_key_format" CHECK ("indicator_measurements"."series_key" ~ '^([a-z0-9][a-z0-9_]*=[a-z0-9][a-z0-9_-]*(,[a-z0-9][a-z0-9_]*=[a-z0-9][a-z0-9_-]*)*)?$');--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_code_format" CHECK ("indicators"."code" ~ '^[a-z0-9][a-z0-9_.-]*$');--> statement-breakpoint
-- Data step: existing indicators get a code, municipalities with districts a district dimension
-- (with its explicit total), every indicator there the district breakdown, and every old row a period
-- and a member combination. Nothing is lost: period_end is the old measured_on, district → member.
UPDATE "indicators" SET "code" = 'ind-' || n.rn FROM (SELECT "id", row_number() OVER (PARTITION BY "edition_id" ORDER BY "created_at", "id") AS rn FROM "indicators") n WHERE n."id" = "indicators"."id";--> statement-breakpoint
INSERT INTO "dimensions" ("municipality_id", "key", "label", "position") SELECT DISTINCT "municipality_id", 'district', 'Stadtteil', 0 FROM "districts";--> statement-breakpoint
INSERT INTO "dimension_members" ("municipality_id", "dimension_id", "key", "label", "position", "is_total") SELECT "municipality_id", "id", 'total', 'Gesamt', 0, true FROM "dimensions" WHERE "key" = 'district';--> statement-breakpoint
INSERT INTO "dimension_members" ("municipality_id", "dimension_id", "key", "label", "position", "district_id") SELECT d."municipality_id", dim."id", d."slug", d."name", d."position" + 1, d."id" FROM "districts" d JOIN "dimensions" dim ON dim."municipality_id" = d."municipality_id" AND dim."key" = 'district';--> statement-breakpoint
INSERT INTO "indicator_breakdowns" ("indicator_id", "dimension_id", "municipality_id", "position") SELECT i."id", dim."id", i."municipality_id", 0 FROM "indicators" i JOIN "dimensions" dim ON dim."municipality_id" = i."municipality_id" AND dim."key" = 'district';--> statement-breakpoint
UPDATE "indicator_measurements" m SET
	"period_end" = o."measured_on",
	"period_kind" = CASE
		WHEN i."frequency" = 'yearly' AND to_char(o."measured_on", 'MM-DD') = '12-31' THEN 'year'
		WHEN i."frequency" = 'quarterly' AND o."measured_on" + 1 = date_trunc('quarter', o."measured_on" + 1)::date THEN 'quarter'
		WHEN i."frequency" = 'monthly' AND o."measured_on" + 1 = date_trunc('month', o."measured_on" + 1)::date THEN 'month'
		ELSE 'range' END::"measurement_period_kind",
	"period_start" = CASE
		WHEN i."frequency" = 'yearly' AND to_char(o."measured_on", 'MM-DD') = '12-31' THEN date_trunc('year', o."measured_on")::date
		WHEN i."frequency" = 'quarterly' AND o."measured_on" + 1 = date_trunc('quarter', o."measured_on" + 1)::date THEN date_trunc('quarter', o."measured_on")::date
		WHEN i."frequency" = 'monthly' AND o."measured_on" + 1 = date_trunc('month', o."measured_on" + 1)::date THEN date_trunc('month', o."measured_on")::date
		ELSE o."measured_on" END,
	"series_key" = CASE WHEN b."indicator_id" IS NULL THEN '' ELSE 'district=' || coalesce(d."slug", 'total') END,
	"updated_at" = m."created_at"
FROM "i_model_old_measurements" o
JOIN "indicators" i ON true
LEFT JOIN "indicator_breakdowns" b ON b."indicator_id" = i."id"
LEFT JOIN "districts" d ON d."id" = o."district_id"
WHERE o."id" = m."id" AND i."id" = m."indicator_id";--> statement-breakpoint
INSERT INTO "measurement_members" ("measurement_id", "dimension_id", "member_id", "municipality_id")
SELECT m."id", dm."dimension_id", dm."id", m."municipality_id"
FROM "indicator_measurements" m
JOIN "i_model_old_measurements" o ON o."id" = m."id"
JOIN "indicator_breakdowns" b ON b."indicator_id" = m."indicator_id"
JOIN "dimension_members" dm ON dm."dimension_id" = b."dimension_id" AND (dm."district_id" = o."district_id" OR (o."district_id" IS NULL AND dm."is_total"));--> statement-breakpoint
DROP TABLE "i_model_old_measurements";--> statement-breakpoint
ALTER TABLE "indicators" ALTER COLUMN "code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ALTER COLUMN "period_kind" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ALTER COLUMN "period_start" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ALTER COLUMN "period_end" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ALTER COLUMN "series_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "measured_on" date GENERATED ALWAYS AS (period_end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD COLUMN "detail_level" smallint GENERATED ALWAYS AS ((length(series_key) - length(replace(series_key, '=', ''))) - (length(series_key || ',') - length(replace(series_key || ',', '=total,', ''))) / 7) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "indicator_measurements_indicator_idx" ON "indicator_measurements" USING btree ("indicator_id","measured_on");