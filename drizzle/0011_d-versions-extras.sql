-- A published version is a record: the database itself refuses to change it. A version may only go
-- together with its edition or municipality (their ON DELETE CASCADE), never on its own.
CREATE FUNCTION document_versions_refuse_change() RETURNS trigger AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		RAISE EXCEPTION 'published document versions cannot be truncated'
			USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'document_versions_immutable';
	END IF;
	IF TG_OP = 'DELETE' THEN
		IF NOT EXISTS (SELECT 1 FROM editions WHERE id = OLD.edition_id)
			OR NOT EXISTS (SELECT 1 FROM municipalities WHERE id = OLD.municipality_id) THEN
			RETURN OLD;
		END IF;
	END IF;
	RAISE EXCEPTION 'document version % is published and cannot be changed', OLD.id
		USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'document_versions_immutable';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER document_versions_immutable
	BEFORE UPDATE OR DELETE ON document_versions
	FOR EACH ROW EXECUTE FUNCTION document_versions_refuse_change();
--> statement-breakpoint
CREATE TRIGGER document_versions_no_truncate
	BEFORE TRUNCATE ON document_versions
	FOR EACH STATEMENT EXECUTE FUNCTION document_versions_refuse_change();
