ALTER TABLE "idea_comments" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "document_comments" ADD COLUMN "language" text;