CREATE TABLE "beleidsversies" (
	"id" serial PRIMARY KEY NOT NULL,
	"provincie_code" text NOT NULL,
	"vanaf" text NOT NULL,
	"versie" integer NOT NULL,
	"beleid" jsonb NOT NULL,
	"door" integer,
	"door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"toelichting" text DEFAULT '' NOT NULL,
	CONSTRAINT "beleidsversies_provincieCode_vanaf_versie_unique" UNIQUE("provincie_code","vanaf","versie"),
	CONSTRAINT "beleidsversies_vanaf" CHECK ("beleidsversies"."vanaf" ~ '^[0-9]{4}-(I|II)$'),
	CONSTRAINT "beleidsversies_versie" CHECK ("beleidsversies"."versie" >= 1)
);
--> statement-breakpoint
CREATE TABLE "bevolking" (
	"jaar" integer NOT NULL,
	"code" text NOT NULL,
	"inwoners" integer NOT NULL,
	"import_id" integer NOT NULL,
	CONSTRAINT "bevolking_jaar_code_pk" PRIMARY KEY("jaar","code"),
	CONSTRAINT "bevolking_code" CHECK ("bevolking"."code" ~ '^(GM[0-9]{4}|NL01)$'),
	CONSTRAINT "bevolking_inwoners" CHECK ("bevolking"."inwoners" >= 0)
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"soort" text NOT NULL,
	"bestandsnaam" text NOT NULL,
	"sha256" text NOT NULL,
	"parameters" text DEFAULT '' NOT NULL,
	"rijen" integer NOT NULL,
	"meldingen" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"door" integer,
	"door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imports_soort_sha256_parameters_unique" UNIQUE("soort","sha256","parameters"),
	CONSTRAINT "imports_soort" CHECK ("imports"."soort" in ('taakstelling', 'bevolking', 'berekening', 'realisatie')),
	CONSTRAINT "imports_rijen" CHECK ("imports"."rijen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "realisatiecijfers" (
	"gemeente_code" text NOT NULL,
	"maand" text NOT NULL,
	"periode" text NOT NULL,
	"gehuisvest" integer NOT NULL,
	"koppelingen" integer NOT NULL,
	"omkoppelingen" integer NOT NULL,
	"stapelgemeente" boolean NOT NULL,
	"import_id" integer NOT NULL,
	CONSTRAINT "realisatiecijfers_gemeente_code_maand_pk" PRIMARY KEY("gemeente_code","maand"),
	CONSTRAINT "realisatiecijfers_maand" CHECK ("realisatiecijfers"."maand" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "realisatiecijfers_periode" CHECK ("realisatiecijfers"."periode" ~ '^[0-9]{4}-(I|II)$'),
	CONSTRAINT "realisatiecijfers_gehuisvest" CHECK ("realisatiecijfers"."gehuisvest" >= 0),
	CONSTRAINT "realisatiecijfers_koppelingen" CHECK ("realisatiecijfers"."koppelingen" >= 0),
	CONSTRAINT "realisatiecijfers_omkoppelingen" CHECK ("realisatiecijfers"."omkoppelingen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "taakstellingen" (
	"periode" text NOT NULL,
	"gemeente_code" text NOT NULL,
	"aantal" integer NOT NULL,
	"bron" text NOT NULL,
	"vg" integer,
	"import_id" integer NOT NULL,
	CONSTRAINT "taakstellingen_periode_gemeente_code_pk" PRIMARY KEY("periode","gemeente_code"),
	CONSTRAINT "taakstellingen_periode" CHECK ("taakstellingen"."periode" ~ '^[0-9]{4}-(I|II)$'),
	CONSTRAINT "taakstellingen_aantal" CHECK ("taakstellingen"."aantal" >= 0),
	CONSTRAINT "taakstellingen_bron" CHECK ("taakstellingen"."bron" in ('import', 'berekend')),
	CONSTRAINT "taakstellingen_vg" CHECK ("taakstellingen"."vg" is null or "taakstellingen"."vg" >= 0)
);
--> statement-breakpoint
ALTER TABLE "beleidsversies" ADD CONSTRAINT "beleidsversies_provincie_code_provincies_code_fk" FOREIGN KEY ("provincie_code") REFERENCES "public"."provincies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beleidsversies" ADD CONSTRAINT "beleidsversies_door_users_id_fk" FOREIGN KEY ("door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bevolking" ADD CONSTRAINT "bevolking_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_door_users_id_fk" FOREIGN KEY ("door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisatiecijfers" ADD CONSTRAINT "realisatiecijfers_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taakstellingen" ADD CONSTRAINT "taakstellingen_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "realisatiecijfers_periode_gemeente_code_index" ON "realisatiecijfers" USING btree ("periode","gemeente_code");--> statement-breakpoint
CREATE INDEX "taakstellingen_gemeente_code_index" ON "taakstellingen" USING btree ("gemeente_code");