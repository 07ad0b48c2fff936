CREATE TABLE "grenzen" (
	"jaar" integer NOT NULL,
	"soort" text NOT NULL,
	"code" text NOT NULL,
	"geometrie" jsonb NOT NULL,
	"bbox" jsonb NOT NULL,
	"hash" text NOT NULL,
	"punten" integer NOT NULL,
	"import_id" integer NOT NULL,
	CONSTRAINT "grenzen_jaar_soort_code_pk" PRIMARY KEY("jaar","soort","code"),
	CONSTRAINT "grenzen_soort" CHECK ("grenzen"."soort" in ('gemeente', 'provincie', 'regio')),
	CONSTRAINT "grenzen_code" CHECK (("grenzen"."soort" = 'gemeente' and "grenzen"."code" ~ '^GM[0-9]{4}$') or ("grenzen"."soort" = 'provincie' and "grenzen"."code" ~ '^PV[0-9]{2}$') or ("grenzen"."soort" = 'regio' and "grenzen"."code" ~ '^[0-9]+$')),
	CONSTRAINT "grenzen_punten" CHECK ("grenzen"."punten" > 0)
);
--> statement-breakpoint
ALTER TABLE "imports" DROP CONSTRAINT "imports_soort";--> statement-breakpoint
ALTER TABLE "grenzen" ADD CONSTRAINT "grenzen_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grenzen_import_id_index" ON "grenzen" USING btree ("import_id");--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_soort" CHECK ("imports"."soort" in ('taakstelling', 'bevolking', 'berekening', 'realisatie', 'grenzen'));