CREATE TABLE "actiepunten" (
	"id" serial PRIMARY KEY NOT NULL,
	"regietafel_id" integer NOT NULL,
	"vergadering_id" integer NOT NULL,
	"agendapunt_id" integer,
	"omschrijving" text NOT NULL,
	"eigenaar_user_id" integer,
	"eigenaar_naam" text NOT NULL,
	"eigenaar_organisatie" text DEFAULT '' NOT NULL,
	"deadline" date,
	"status" text DEFAULT 'open' NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_door" integer,
	"aangemaakt_door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_door_label" text,
	"gewijzigd_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actiepunten_status" CHECK ("actiepunten"."status" in ('open', 'in-uitvoering', 'afgerond', 'vervallen')),
	CONSTRAINT "actiepunten_omschrijving" CHECK (length(trim("actiepunten"."omschrijving")) between 1 and 2000),
	CONSTRAINT "actiepunten_eigenaar" CHECK (length(trim("actiepunten"."eigenaar_naam")) between 1 and 200),
	CONSTRAINT "actiepunten_versie" CHECK ("actiepunten"."versie" >= 1)
);
--> statement-breakpoint
CREATE TABLE "agendapunt_bijlagen" (
	"id" serial PRIMARY KEY NOT NULL,
	"agendapunt_id" integer NOT NULL,
	"bestand_id" integer NOT NULL,
	"door" integer,
	"door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agendapunt_bijlagen_bestandId_unique" UNIQUE("bestand_id")
);
--> statement-breakpoint
CREATE TABLE "agendapunten" (
	"id" serial PRIMARY KEY NOT NULL,
	"vergadering_id" integer NOT NULL,
	"volgorde" integer NOT NULL,
	"titel" text NOT NULL,
	"type" text NOT NULL,
	"duur" integer NOT NULL,
	"presentator" text DEFAULT '' NOT NULL,
	"omschrijving" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agendapunten_type" CHECK ("agendapunten"."type" in ('opening', 'vaststelling-verslag', 'actiepunten', 'stand-van-zaken', 'bespreking', 'besluitvorming', 'rondvraag', 'sluiting')),
	CONSTRAINT "agendapunten_titel" CHECK (length("agendapunten"."titel") between 1 and 200),
	CONSTRAINT "agendapunten_duur" CHECK ("agendapunten"."duur" between 1 and 480),
	CONSTRAINT "agendapunten_volgorde" CHECK ("agendapunten"."volgorde" >= 0)
);
--> statement-breakpoint
CREATE TABLE "vergadering_gasten" (
	"id" serial PRIMARY KEY NOT NULL,
	"vergadering_id" integer NOT NULL,
	"naam" text NOT NULL,
	"functie" text DEFAULT '' NOT NULL,
	"organisatie" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gasten_naam" CHECK (length(trim("vergadering_gasten"."naam")) between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "vergadering_genodigden" (
	"vergadering_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"naam" text NOT NULL,
	"functie" text DEFAULT '' NOT NULL,
	"organisatie" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'onbekend' NOT NULL,
	"vervanger_naam" text,
	"vervanger_functie" text,
	"vervanger_organisatie" text,
	"gewijzigd_door_label" text,
	"gewijzigd_at" timestamp with time zone,
	CONSTRAINT "vergadering_genodigden_vergadering_id_user_id_pk" PRIMARY KEY("vergadering_id","user_id"),
	CONSTRAINT "genodigden_status" CHECK ("vergadering_genodigden"."status" in ('onbekend', 'aanwezig', 'afgemeld', 'vervangen')),
	CONSTRAINT "genodigden_vervanger" CHECK (("vergadering_genodigden"."status" = 'vervangen') = ("vergadering_genodigden"."vervanger_naam" is not null and length(trim("vergadering_genodigden"."vervanger_naam")) > 0))
);
--> statement-breakpoint
CREATE TABLE "vergaderingen" (
	"id" serial PRIMARY KEY NOT NULL,
	"regietafel_id" integer NOT NULL,
	"datum" date NOT NULL,
	"begintijd" text NOT NULL,
	"eindtijd" text NOT NULL,
	"locatie" text DEFAULT '' NOT NULL,
	"online_link" text,
	"status" text DEFAULT 'gepland' NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"ics_volgnummer" integer DEFAULT 0 NOT NULL,
	"huidig_agendapunt_id" integer,
	"huidig_sinds" timestamp with time zone,
	"gestart_at" timestamp with time zone,
	"afgerond_at" timestamp with time zone,
	"aangemaakt_door" integer,
	"aangemaakt_door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vergaderingen_id_tafel" UNIQUE("id","regietafel_id"),
	CONSTRAINT "vergaderingen_status" CHECK ("vergaderingen"."status" in ('gepland', 'bezig', 'afgerond')),
	CONSTRAINT "vergaderingen_versie" CHECK ("vergaderingen"."versie" >= 1 and "vergaderingen"."ics_volgnummer" >= 0),
	CONSTRAINT "vergaderingen_tijden" CHECK ("vergaderingen"."begintijd" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "vergaderingen"."eindtijd" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "vergaderingen"."eindtijd" > "vergaderingen"."begintijd"),
	CONSTRAINT "vergaderingen_link" CHECK ("vergaderingen"."online_link" is null or "vergaderingen"."online_link" ~ '^https://'),
	CONSTRAINT "vergaderingen_plaats" CHECK (length(trim("vergaderingen"."locatie")) > 0 or "vergaderingen"."online_link" is not null)
);
--> statement-breakpoint
ALTER TABLE "actiepunten" ADD CONSTRAINT "actiepunten_regietafel_id_regietafels_id_fk" FOREIGN KEY ("regietafel_id") REFERENCES "public"."regietafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actiepunten" ADD CONSTRAINT "actiepunten_agendapunt_id_agendapunten_id_fk" FOREIGN KEY ("agendapunt_id") REFERENCES "public"."agendapunten"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actiepunten" ADD CONSTRAINT "actiepunten_eigenaar_user_id_users_id_fk" FOREIGN KEY ("eigenaar_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actiepunten" ADD CONSTRAINT "actiepunten_aangemaakt_door_users_id_fk" FOREIGN KEY ("aangemaakt_door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actiepunten" ADD CONSTRAINT "actiepunten_vergadering_tafel" FOREIGN KEY ("vergadering_id","regietafel_id") REFERENCES "public"."vergaderingen"("id","regietafel_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agendapunt_bijlagen" ADD CONSTRAINT "agendapunt_bijlagen_agendapunt_id_agendapunten_id_fk" FOREIGN KEY ("agendapunt_id") REFERENCES "public"."agendapunten"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agendapunt_bijlagen" ADD CONSTRAINT "agendapunt_bijlagen_bestand_id_bestanden_id_fk" FOREIGN KEY ("bestand_id") REFERENCES "public"."bestanden"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agendapunt_bijlagen" ADD CONSTRAINT "agendapunt_bijlagen_door_users_id_fk" FOREIGN KEY ("door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agendapunten" ADD CONSTRAINT "agendapunten_vergadering_id_vergaderingen_id_fk" FOREIGN KEY ("vergadering_id") REFERENCES "public"."vergaderingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vergadering_gasten" ADD CONSTRAINT "vergadering_gasten_vergadering_id_vergaderingen_id_fk" FOREIGN KEY ("vergadering_id") REFERENCES "public"."vergaderingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vergadering_genodigden" ADD CONSTRAINT "vergadering_genodigden_vergadering_id_vergaderingen_id_fk" FOREIGN KEY ("vergadering_id") REFERENCES "public"."vergaderingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vergadering_genodigden" ADD CONSTRAINT "vergadering_genodigden_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vergaderingen" ADD CONSTRAINT "vergaderingen_regietafel_id_regietafels_id_fk" FOREIGN KEY ("regietafel_id") REFERENCES "public"."regietafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vergaderingen" ADD CONSTRAINT "vergaderingen_huidig_agendapunt_id_agendapunten_id_fk" FOREIGN KEY ("huidig_agendapunt_id") REFERENCES "public"."agendapunten"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vergaderingen" ADD CONSTRAINT "vergaderingen_aangemaakt_door_users_id_fk" FOREIGN KEY ("aangemaakt_door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actiepunten_regietafel_id_status_index" ON "actiepunten" USING btree ("regietafel_id","status");--> statement-breakpoint
CREATE INDEX "actiepunten_eigenaar_user_id_index" ON "actiepunten" USING btree ("eigenaar_user_id");--> statement-breakpoint
CREATE INDEX "actiepunten_vergadering_id_index" ON "actiepunten" USING btree ("vergadering_id");--> statement-breakpoint
CREATE INDEX "agendapunt_bijlagen_agendapunt_id_index" ON "agendapunt_bijlagen" USING btree ("agendapunt_id");--> statement-breakpoint
CREATE INDEX "agendapunten_vergadering_id_volgorde_index" ON "agendapunten" USING btree ("vergadering_id","volgorde");--> statement-breakpoint
CREATE INDEX "vergadering_gasten_vergadering_id_index" ON "vergadering_gasten" USING btree ("vergadering_id");--> statement-breakpoint
CREATE INDEX "vergaderingen_regietafel_id_datum_index" ON "vergaderingen" USING btree ("regietafel_id","datum");--> statement-breakpoint
CREATE UNIQUE INDEX "vergaderingen_een_bezig" ON "vergaderingen" USING btree ("regietafel_id") WHERE "vergaderingen"."status" = 'bezig';