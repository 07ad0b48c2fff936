CREATE TABLE "bestanden" (
	"id" serial PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"mime" text NOT NULL,
	"grootte" integer NOT NULL,
	"sha256" text NOT NULL,
	"inhoud" "bytea" NOT NULL,
	"door" integer,
	"door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bestanden_naam" CHECK (length("bestanden"."naam") between 1 and 255),
	CONSTRAINT "bestanden_grootte" CHECK ("bestanden"."grootte" > 0 and "bestanden"."grootte" = octet_length("bestanden"."inhoud")),
	CONSTRAINT "bestanden_sha256" CHECK ("bestanden"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "bestanden_mime" CHECK ("bestanden"."mime" ~ '^[a-z]+/[a-z0-9.+-]+$')
);
--> statement-breakpoint
CREATE TABLE "huurcontracten" (
	"id" serial PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"periode" text NOT NULL,
	"datum" date NOT NULL,
	"personen" integer NOT NULL,
	"ingangsdatum" date NOT NULL,
	"bestand_id" integer NOT NULL,
	"kenmerk" text,
	"omschrijving" text,
	"status" text DEFAULT 'ingediend' NOT NULL,
	"reden" text,
	"ingediend_door" integer,
	"ingediend_door_label" text NOT NULL,
	"ingediend_at" timestamp with time zone DEFAULT now() NOT NULL,
	"beoordeeld_door" integer,
	"beoordeeld_door_label" text,
	"beoordeeld_at" timestamp with time zone,
	"ingetrokken_door" integer,
	"ingetrokken_door_label" text,
	"ingetrokken_at" timestamp with time zone,
	"versie" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "huurcontracten_gemeente" CHECK ("huurcontracten"."gemeente_code" ~ '^GM[0-9]{4}$'),
	CONSTRAINT "huurcontracten_periode" CHECK ("huurcontracten"."periode" = extract(year from "huurcontracten"."datum")::int::text || case when extract(month from "huurcontracten"."datum") <= 6 then '-I' else '-II' end),
	CONSTRAINT "huurcontracten_personen" CHECK ("huurcontracten"."personen" between 1 and 100),
	CONSTRAINT "huurcontracten_ingang" CHECK ("huurcontracten"."ingangsdatum" >= "huurcontracten"."datum"),
	CONSTRAINT "huurcontracten_status" CHECK ("huurcontracten"."status" in ('ingediend', 'geaccepteerd', 'afgewezen', 'ingetrokken')),
	CONSTRAINT "huurcontracten_reden" CHECK ("huurcontracten"."status" <> 'afgewezen' or length(trim(coalesce("huurcontracten"."reden", ''))) > 0),
	CONSTRAINT "huurcontracten_beoordeeld" CHECK (("huurcontracten"."status" in ('geaccepteerd', 'afgewezen')) = ("huurcontracten"."beoordeeld_at" is not null and "huurcontracten"."beoordeeld_door_label" is not null)),
	CONSTRAINT "huurcontracten_ingetrokken" CHECK (("huurcontracten"."status" = 'ingetrokken') = ("huurcontracten"."ingetrokken_at" is not null and "huurcontracten"."ingetrokken_door_label" is not null)),
	CONSTRAINT "huurcontracten_teksten" CHECK (coalesce(length("huurcontracten"."kenmerk"), 0) <= 100 and coalesce(length("huurcontracten"."omschrijving"), 0) <= 1000 and coalesce(length("huurcontracten"."reden"), 0) <= 2000),
	CONSTRAINT "huurcontracten_versie" CHECK ("huurcontracten"."versie" >= 1)
);
--> statement-breakpoint
ALTER TABLE "bestanden" ADD CONSTRAINT "bestanden_door_users_id_fk" FOREIGN KEY ("door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huurcontracten" ADD CONSTRAINT "huurcontracten_bestand_id_bestanden_id_fk" FOREIGN KEY ("bestand_id") REFERENCES "public"."bestanden"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huurcontracten" ADD CONSTRAINT "huurcontracten_ingediend_door_users_id_fk" FOREIGN KEY ("ingediend_door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huurcontracten" ADD CONSTRAINT "huurcontracten_beoordeeld_door_users_id_fk" FOREIGN KEY ("beoordeeld_door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "huurcontracten" ADD CONSTRAINT "huurcontracten_ingetrokken_door_users_id_fk" FOREIGN KEY ("ingetrokken_door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "huurcontracten_gemeente_code_periode_index" ON "huurcontracten" USING btree ("gemeente_code","periode");--> statement-breakpoint
CREATE INDEX "huurcontracten_status_index" ON "huurcontracten" USING btree ("status");