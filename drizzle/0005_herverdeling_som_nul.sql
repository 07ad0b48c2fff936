-- Zero-sum at the database level (Huisvestingswet art. 29 lid 2): the changes of one
-- herverdeling add up to 0 at every commit. Deferred, so that the rows of a proposal can be
-- replaced inside one transaction; any code path that would leave a sum ≠ 0 is rolled back.
CREATE OR REPLACE FUNCTION herverdeling_som_nul() RETURNS trigger AS $$
DECLARE
	hid integer;
	som bigint;
BEGIN
	hid := COALESCE(NEW.herverdeling_id, OLD.herverdeling_id);
	SELECT COALESCE(SUM(wijziging), 0) INTO som FROM herverdeling_gemeenten WHERE herverdeling_id = hid;
	IF som <> 0 THEN
		RAISE EXCEPTION 'herverdeling % telt op tot % in plaats van 0', hid, som;
	END IF;
	RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER herverdeling_som_nul
	AFTER INSERT OR UPDATE OR DELETE ON herverdeling_gemeenten
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION herverdeling_som_nul();
