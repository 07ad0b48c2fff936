-- A beleidsversie is never changed: a change of policy is a new version, so that every stored
-- assessment keeps pointing at the policy it was made under. Refuse UPDATE at the database level
-- (DELETE is already refused by the foreign key from beoordelingen once a version is used).
CREATE OR REPLACE FUNCTION beleidsversies_ongewijzigd() RETURNS trigger AS $$
BEGIN
	RAISE EXCEPTION 'beleidsversies are never updated; save a new version instead (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER beleidsversies_no_update
	BEFORE UPDATE ON beleidsversies
	FOR EACH ROW EXECUTE FUNCTION beleidsversies_ongewijzigd();
