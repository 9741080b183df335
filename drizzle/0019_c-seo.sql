ALTER TABLE "contact_points" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "longitude" double precision;