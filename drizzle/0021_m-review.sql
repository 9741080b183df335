CREATE TYPE "public"."goal_rating" AS ENUM('on_track', 'at_risk', 'off_track', 'achieved');--> statement-breakpoint
CREATE TYPE "public"."review_kind" AS ENUM('mid_term', 'final');--> statement-breakpoint
CREATE TABLE "edition_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"kind" "review_kind" NOT NULL,
	"title" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_ratings" (
	"review_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"rating" "goal_rating" NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	CONSTRAINT "review_ratings_review_id_goal_id_pk" PRIMARY KEY("review_id","goal_id")
);
--> statement-breakpoint
ALTER TABLE "edition_reviews" ADD CONSTRAINT "edition_reviews_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_reviews" ADD CONSTRAINT "edition_reviews_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_ratings" ADD CONSTRAINT "review_ratings_review_id_edition_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."edition_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_ratings" ADD CONSTRAINT "review_ratings_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_ratings" ADD CONSTRAINT "review_ratings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edition_reviews_edition_idx" ON "edition_reviews" USING btree ("municipality_id","edition_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "review_ratings_goal_idx" ON "review_ratings" USING btree ("goal_id");