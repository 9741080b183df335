CREATE TABLE "idea_field_tallies" (
	"municipality_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"field_id" uuid NOT NULL,
	"visible_ideas" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "idea_field_tallies_municipality_id_edition_id_field_id_pk" PRIMARY KEY("municipality_id","edition_id","field_id")
);
--> statement-breakpoint
ALTER TABLE "idea_field_tallies" ADD CONSTRAINT "idea_field_tallies_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_field_tallies" ADD CONSTRAINT "idea_field_tallies_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_field_tallies" ADD CONSTRAINT "idea_field_tallies_field_id_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."fields"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The tallies follow every write to ideas in the same transaction, once per statement: a bulk load or a
-- moderator hiding a hundred ideas adds up its rows in one upsert. Rows are written in key order, so that
-- two transactions touching the same fields take their locks in the same order.
CREATE FUNCTION idea_field_tallies_after_insert() RETURNS trigger AS $$
BEGIN
	INSERT INTO idea_field_tallies (municipality_id, edition_id, field_id, visible_ideas)
		SELECT municipality_id, edition_id, field_id, count(*) FROM inserted_ideas WHERE hidden_reason IS NULL
		GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
	ON CONFLICT (municipality_id, edition_id, field_id) DO UPDATE SET visible_ideas = idea_field_tallies.visible_ideas + excluded.visible_ideas;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER idea_field_tallies_insert AFTER INSERT ON ideas
	REFERENCING NEW TABLE AS inserted_ideas FOR EACH STATEMENT EXECUTE FUNCTION idea_field_tallies_after_insert();
--> statement-breakpoint
CREATE FUNCTION idea_field_tallies_after_update() RETURNS trigger AS $$
BEGIN
	INSERT INTO idea_field_tallies (municipality_id, edition_id, field_id, visible_ideas)
		SELECT municipality_id, edition_id, field_id, sum(change) FROM (
			SELECT municipality_id, edition_id, field_id, 1 AS change FROM updated_ideas WHERE hidden_reason IS NULL
			UNION ALL
			SELECT municipality_id, edition_id, field_id, -1 FROM previous_ideas WHERE hidden_reason IS NULL
		) AS changes
		GROUP BY 1, 2, 3 HAVING sum(change) <> 0 ORDER BY 1, 2, 3
	ON CONFLICT (municipality_id, edition_id, field_id) DO UPDATE SET visible_ideas = idea_field_tallies.visible_ideas + excluded.visible_ideas;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER idea_field_tallies_update AFTER UPDATE ON ideas
	REFERENCING OLD TABLE AS previous_ideas NEW TABLE AS updated_ideas FOR EACH STATEMENT EXECUTE FUNCTION idea_field_tallies_after_update();
--> statement-breakpoint
-- Only existing tallies are lowered: when a field or an edition is deleted, its tally may already be gone
-- with it by the time the cascade has deleted its ideas, and must not come back.
CREATE FUNCTION idea_field_tallies_after_delete() RETURNS trigger AS $$
BEGIN
	UPDATE idea_field_tallies SET visible_ideas = visible_ideas - removed.ideas
	FROM (
		SELECT municipality_id, edition_id, field_id, count(*) AS ideas FROM deleted_ideas WHERE hidden_reason IS NULL GROUP BY 1, 2, 3
	) AS removed
	WHERE idea_field_tallies.municipality_id = removed.municipality_id AND idea_field_tallies.edition_id = removed.edition_id
		AND idea_field_tallies.field_id = removed.field_id;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER idea_field_tallies_delete AFTER DELETE ON ideas
	REFERENCING OLD TABLE AS deleted_ideas FOR EACH STATEMENT EXECUTE FUNCTION idea_field_tallies_after_delete();
--> statement-breakpoint
CREATE FUNCTION idea_field_tallies_after_truncate() RETURNS trigger AS $$
BEGIN
	DELETE FROM idea_field_tallies;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER idea_field_tallies_truncate AFTER TRUNCATE ON ideas FOR EACH STATEMENT EXECUTE FUNCTION idea_field_tallies_after_truncate();
--> statement-breakpoint
INSERT INTO idea_field_tallies (municipality_id, edition_id, field_id, visible_ideas)
	SELECT municipality_id, edition_id, field_id, count(*) FROM ideas WHERE hidden_reason IS NULL GROUP BY 1, 2, 3;
