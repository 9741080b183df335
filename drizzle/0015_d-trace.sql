CREATE TABLE "idea_traces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"idea_id" uuid NOT NULL,
	"goal_id" uuid,
	"measure_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_traces_one_target" CHECK (("idea_traces"."goal_id" is null) <> ("idea_traces"."measure_id" is null))
);
--> statement-breakpoint
ALTER TABLE "idea_traces" ADD CONSTRAINT "idea_traces_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_traces" ADD CONSTRAINT "idea_traces_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_traces" ADD CONSTRAINT "idea_traces_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_traces" ADD CONSTRAINT "idea_traces_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_traces" ADD CONSTRAINT "idea_traces_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_traces" ADD CONSTRAINT "idea_traces_created_by_auth_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "idea_traces_idea_goal_idx" ON "idea_traces" USING btree ("idea_id","goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_traces_idea_measure_idx" ON "idea_traces" USING btree ("idea_id","measure_id");--> statement-breakpoint
CREATE INDEX "idea_traces_edition_idx" ON "idea_traces" USING btree ("municipality_id","edition_id");--> statement-breakpoint
CREATE INDEX "idea_traces_goal_idx" ON "idea_traces" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "idea_traces_measure_idx" ON "idea_traces" USING btree ("measure_id");