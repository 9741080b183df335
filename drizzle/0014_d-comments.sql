CREATE TYPE "public"."document_comment_status" AS ENUM('open', 'taken_into_account', 'not_taken_into_account');--> statement-breakpoint
CREATE TABLE "document_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"anchor" text NOT NULL,
	"author_user_id" text,
	"body" text NOT NULL,
	"status" "document_comment_status" DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_by" text,
	"answered_by_name" text,
	"answered_at" timestamp with time zone,
	"hidden_reason" text,
	"hidden_by" text,
	"hidden_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_comments" ADD CONSTRAINT "document_comments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_comments" ADD CONSTRAINT "document_comments_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_comments" ADD CONSTRAINT "document_comments_author_user_id_auth_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_comments" ADD CONSTRAINT "document_comments_answered_by_auth_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_comments" ADD CONSTRAINT "document_comments_hidden_by_auth_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_comments_version_anchor_idx" ON "document_comments" USING btree ("municipality_id","version_id","anchor","created_at");--> statement-breakpoint
CREATE INDEX "document_comments_visible_count_idx" ON "document_comments" USING btree ("municipality_id","version_id","anchor") WHERE "document_comments"."hidden_reason" is null;--> statement-breakpoint
CREATE INDEX "document_comments_edition_idx" ON "document_comments" USING btree ("municipality_id","edition_id","created_at");--> statement-breakpoint
CREATE INDEX "document_comments_author_idx" ON "document_comments" USING btree ("author_user_id","created_at");