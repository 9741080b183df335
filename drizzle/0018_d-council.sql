CREATE TYPE "public"."council_decision_result" AS ENUM('adopted', 'adopted_with_changes', 'referred_back', 'rejected');--> statement-breakpoint
CREATE TABLE "council_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"body" text NOT NULL,
	"decided_on" date NOT NULL,
	"result" "council_decision_result" NOT NULL,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstained" integer,
	"reference_number" text DEFAULT '' NOT NULL,
	"council_url" text DEFAULT '' NOT NULL,
	"oparl_paper_url" text DEFAULT '' NOT NULL,
	"document_file_key" text,
	"document_file_name" text DEFAULT '' NOT NULL,
	"document_bytes" integer,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "adopted_version_id" uuid;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_submissions" ADD CONSTRAINT "council_submissions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_submissions" ADD CONSTRAINT "council_submissions_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_submissions" ADD CONSTRAINT "council_submissions_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "council_decisions_edition_idx" ON "council_decisions" USING btree ("municipality_id","edition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_submissions_edition_idx" ON "council_submissions" USING btree ("municipality_id","edition_id");--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_adopted_version_id_document_versions_id_fk" FOREIGN KEY ("adopted_version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;