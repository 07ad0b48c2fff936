-- A published version of a verslag (concept or vastgesteld) is what the members read and
-- commented on: it is never changed afterwards. A new concept is a new row.
CREATE OR REPLACE FUNCTION verslag_versies_ongewijzigd() RETURNS trigger AS $$
BEGIN
	RAISE EXCEPTION 'verslag_versies are never updated; publish a new version instead (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER verslag_versies_no_update
	BEFORE UPDATE ON verslag_versies
	FOR EACH ROW EXECUTE FUNCTION verslag_versies_ongewijzigd();
