CREATE TYPE "public"."edition_invitation_status" AS ENUM('invited', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."photo_licence" AS ENUM('cc-by-4.0', 'cc-by-sa-4.0', 'cc0-1.0', 'all-rights-reserved');--> statement-breakpoint
CREATE TABLE "edition_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"invited_by" text,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "edition_invitation_status" DEFAULT 'invited' NOT NULL,
	"responded_at" timestamp with time zone,
	"response_message" text DEFAULT '' NOT NULL,
	"responded_by" text,
	"token_hash" text NOT NULL,
	"locale" text DEFAULT 'de' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"thumb_width" integer NOT NULL,
	"thumb_height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"alt_text" text NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"credit" text DEFAULT '' NOT NULL,
	"licence" "photo_licence" NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "edition_invitations" ADD CONSTRAINT "edition_invitations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_invitations" ADD CONSTRAINT "edition_invitations_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_invitations" ADD CONSTRAINT "edition_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_invitations" ADD CONSTRAINT "edition_invitations_invited_by_auth_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_invitations" ADD CONSTRAINT "edition_invitations_responded_by_auth_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_photos" ADD CONSTRAINT "event_photos_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_photos" ADD CONSTRAINT "event_photos_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_photos" ADD CONSTRAINT "event_photos_uploaded_by_auth_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "edition_invitations_edition_organisation_idx" ON "edition_invitations" USING btree ("edition_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "edition_invitations_token_idx" ON "edition_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "edition_invitations_municipality_edition_idx" ON "edition_invitations" USING btree ("municipality_id","edition_id","status");--> statement-breakpoint
CREATE INDEX "edition_invitations_responder_idx" ON "edition_invitations" USING btree ("responded_by");--> statement-breakpoint
CREATE INDEX "event_photos_event_idx" ON "event_photos" USING btree ("municipality_id","event_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_photos_file_key_idx" ON "event_photos" USING btree ("file_key");