CREATE TABLE "idea_title_words" (
	"municipality_id" uuid NOT NULL,
	"word" text NOT NULL,
	"ideas" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "idea_title_words_municipality_id_word_pk" PRIMARY KEY("municipality_id","word")
);
--> statement-breakpoint
DROP INDEX "ideas_town_title_trgm_idx";--> statement-breakpoint
ALTER TABLE "idea_title_words" ADD CONSTRAINT "idea_title_words_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idea_title_words_trgm_idx" ON "idea_title_words" USING gin ("municipality_id","word" gin_trgm_ops);--> statement-breakpoint
-- A title's words as the ideas list's typo search compares them: lower case, each once, the short ones left out
-- (a misspelling of a word of three letters is another word).
CREATE FUNCTION idea_title_words_of(title text) RETURNS SETOF text AS $$
	SELECT word FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, title))) AS word WHERE char_length(word) >= 4;
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- As for idea_field_tallies (0041): once per statement, rows written in key order.
CREATE FUNCTION idea_title_words_after_insert() RETURNS trigger AS $$
BEGIN
	INSERT INTO idea_title_words (municipality_id, word, ideas)
		SELECT municipality_id, word, count(*) FROM inserted_ideas, idea_title_words_of(title) AS word
		GROUP BY 1, 2 ORDER BY 1, 2
	ON CONFLICT (municipality_id, word) DO UPDATE SET ideas = idea_title_words.ideas + excluded.ideas;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER idea_title_words_insert AFTER INSERT ON ideas
	REFERENCING NEW TABLE AS inserted_ideas FOR EACH STATEMENT EXECUTE FUNCTION idea_title_words_after_insert();
--> statement-breakpoint
-- Most updates leave the title alone (a status, a moderation): only ideas whose title changed are counted again.
CREATE FUNCTION idea_title_words_after_update() RETURNS trigger AS $$
BEGIN
	INSERT INTO idea_title_words (municipality_id, word, ideas)
		SELECT municipality_id, word, sum(change) FROM (
			SELECT updated.municipality_id, word, 1 AS change
			FROM updated_ideas AS updated JOIN previous_ideas AS previous ON previous.id = updated.id, idea_title_words_of(updated.title) AS word
			WHERE updated.title IS DISTINCT FROM previous.title
			UNION ALL
			SELECT previous.municipality_id, word, -1
			FROM updated_ideas AS updated JOIN previous_ideas AS previous ON previous.id = updated.id, idea_title_words_of(previous.title) AS word
			WHERE updated.title IS DISTINCT FROM previous.title
		) AS changes
		GROUP BY 1, 2 HAVING sum(change) <> 0 ORDER BY 1, 2
	ON CONFLICT (municipality_id, word) DO UPDATE SET ideas = idea_title_words.ideas + excluded.ideas;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER idea_title_words_update AFTER UPDATE ON ideas
	REFERENCING OLD TABLE AS previous_ideas NEW TABLE AS updated_ideas FOR EACH STATEMENT EXECUTE FUNCTION idea_title_words_after_update();
--> statement-breakpoint
CREATE FUNCTION idea_title_words_after_delete() RETURNS trigger AS $$
BEGIN
	UPDATE idea_title_words SET ideas = idea_title_words.ideas - removed.ideas
	FROM (
		SELECT municipality_id, word, count(*) AS ideas FROM deleted_ideas, idea_title_words_of(title) AS word GROUP BY 1, 2
	) AS removed
	WHERE idea_title_words.municipality_id = removed.municipality_id AND idea_title_words.word = removed.word;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER idea_title_words_delete AFTER DELETE ON ideas
	REFERENCING OLD TABLE AS deleted_ideas FOR EACH STATEMENT EXECUTE FUNCTION idea_title_words_after_delete();
--> statement-breakpoint
CREATE FUNCTION idea_title_words_after_truncate() RETURNS trigger AS $$
BEGIN
	DELETE FROM idea_title_words;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER idea_title_words_truncate AFTER TRUNCATE ON ideas FOR EACH STATEMENT EXECUTE FUNCTION idea_title_words_after_truncate();
--> statement-breakpoint
INSERT INTO idea_title_words (municipality_id, word, ideas)
	SELECT municipality_id, word, count(*) FROM ideas, idea_title_words_of(title) AS word GROUP BY 1, 2;
