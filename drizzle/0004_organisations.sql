CREATE TYPE "public"."organisation_role" AS ENUM('contact', 'board', 'member');--> statement-breakpoint
CREATE TYPE "public"."organisation_sector" AS ENUM('administration', 'migrant_self_organisation', 'association', 'university', 'welfare', 'business', 'politics', 'other');--> statement-breakpoint
CREATE TABLE "organisation_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" "organisation_role" DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"sector" "organisation_sector" NOT NULL,
	"district_id" uuid,
	"contact_person" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"web" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"listed_publicly_since" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_memberships" ADD CONSTRAINT "organisation_memberships_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_memberships" ADD CONSTRAINT "organisation_memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_memberships" ADD CONSTRAINT "organisation_memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_memberships_unique_idx" ON "organisation_memberships" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "organisation_memberships_person_idx" ON "organisation_memberships" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_municipality_slug_idx" ON "organisations" USING btree ("municipality_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_municipality_name_idx" ON "organisations" USING btree ("municipality_id",lower("name"));--> statement-breakpoint
CREATE INDEX "organisations_municipality_sector_idx" ON "organisations" USING btree ("municipality_id","sector");--> statement-breakpoint
CREATE INDEX "organisations_listed_idx" ON "organisations" USING btree ("municipality_id") WHERE "organisations"."listed_publicly_since" is not null;--> statement-breakpoint
CREATE INDEX "people_municipality_name_idx" ON "people" USING btree ("municipality_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "people_municipality_email_idx" ON "people" USING btree ("municipality_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "people_municipality_user_idx" ON "people" USING btree ("municipality_id","user_id");--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;