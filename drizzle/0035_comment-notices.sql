ALTER TABLE "account_profiles" ADD COLUMN "notify_on_comments" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "idea_comments" ADD COLUMN "replies_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "comments_notified_at" timestamp with time zone;