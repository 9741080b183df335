CREATE TABLE "platform_legal_pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "legal_page_kind" NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "longitude" double precision;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_legal_pages_kind_idx" ON "platform_legal_pages" USING btree ("kind");