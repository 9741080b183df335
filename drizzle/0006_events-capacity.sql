-- Capacity is a rule of the database, not only of the code: with the event row locked, a confirmed
-- registration beyond the event's capacity is refused whoever writes it. Walk-ins hold no seat.
CREATE FUNCTION event_registrations_enforce_capacity() RETURNS trigger AS $$
DECLARE
	seats integer;
	taken integer;
BEGIN
	IF NEW.status <> 'confirmed' OR NEW.walk_in THEN
		RETURN NEW;
	END IF;
	IF TG_OP = 'UPDATE' AND OLD.status = 'confirmed' AND NOT OLD.walk_in THEN
		RETURN NEW;
	END IF;
	SELECT capacity INTO seats FROM events WHERE id = NEW.event_id FOR UPDATE;
	IF seats IS NULL THEN
		RETURN NEW;
	END IF;
	SELECT count(*) INTO taken FROM event_registrations
		WHERE event_id = NEW.event_id AND status = 'confirmed' AND NOT walk_in AND id <> NEW.id;
	IF taken >= seats THEN
		RAISE EXCEPTION 'event % is full', NEW.event_id USING ERRCODE = 'check_violation', CONSTRAINT = 'event_registrations_capacity';
	END IF;
	RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER event_registrations_capacity
	BEFORE INSERT OR UPDATE OF status, walk_in ON event_registrations
	FOR EACH ROW EXECUTE FUNCTION event_registrations_enforce_capacity();
