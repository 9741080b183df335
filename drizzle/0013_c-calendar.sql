CREATE TYPE "public"."event_publication" AS ENUM('published', 'submitted', 'rejected');--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "opening_hours" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "first_weekday" integer;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "district_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "publication" "event_publication" DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "organiser" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "organiser_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_municipality_publication_idx" ON "events" USING btree ("municipality_id","publication","created_at");