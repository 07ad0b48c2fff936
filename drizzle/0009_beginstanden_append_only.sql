-- beginstanden is append-only, like audit_log: a correction is a new row (the newest counts), so
-- the history of what a gemeente's starting standing was, and on which source, stays intact.
CREATE OR REPLACE FUNCTION beginstanden_append_only() RETURNS trigger AS $$
BEGIN
	RAISE EXCEPTION 'beginstanden is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER beginstanden_no_update_delete
	BEFORE UPDATE OR DELETE ON beginstanden
	FOR EACH ROW EXECUTE FUNCTION beginstanden_append_only();
