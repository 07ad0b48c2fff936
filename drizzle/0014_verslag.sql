CREATE TABLE "verslag_cijfers" (
	"agendapunt_id" integer PRIMARY KEY NOT NULL,
	"vergadering_id" integer NOT NULL,
	"halfjaar" text NOT NULL,
	"inhoud" jsonb NOT NULL,
	"door" integer,
	"door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verslag_opmerkingen" (
	"id" serial PRIMARY KEY NOT NULL,
	"versie_id" integer NOT NULL,
	"vergadering_id" integer NOT NULL,
	"agendapunt_id" integer,
	"tekst" text NOT NULL,
	"door" integer,
	"door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reactie" text,
	"verwerkt_door_label" text,
	"verwerkt_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "verslag_redacteuren" (
	"vergadering_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verslag_redacteuren_vergadering_id_user_id_pk" PRIMARY KEY("vergadering_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "verslag_versies" (
	"id" serial PRIMARY KEY NOT NULL,
	"vergadering_id" integer NOT NULL,
	"nummer" integer NOT NULL,
	"soort" text NOT NULL,
	"inhoud" jsonb NOT NULL,
	"yjs_staat" "bytea" NOT NULL,
	"vastgesteld_in" integer,
	"door" integer,
	"door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verslag_versies_vergaderingId_nummer_unique" UNIQUE("vergadering_id","nummer"),
	CONSTRAINT "verslag_versies_nummer" CHECK ("verslag_versies"."nummer" >= 1)
);
--> statement-breakpoint
ALTER TABLE "verslag_cijfers" ADD CONSTRAINT "verslag_cijfers_agendapunt_id_agendapunten_id_fk" FOREIGN KEY ("agendapunt_id") REFERENCES "public"."agendapunten"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verslag_cijfers" ADD CONSTRAINT "verslag_cijfers_vergadering_id_vergaderingen_id_fk" FOREIGN KEY ("vergadering_id") REFERENCES "public"."vergaderingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verslag_cijfers" ADD CONSTRAINT "verslag_cijfers_door_users_id_fk" FOREIGN KEY ("door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verslag_opmerkingen" ADD CONSTRAINT "verslag_opmerkingen_versie_id_verslag_versies_id_fk" FOREIGN KEY ("versie_id") REFERENCES "public"."verslag_versies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verslag_opmerkingen" ADD CONSTRAINT "verslag_opmerkingen_vergadering_id_vergaderingen_id_fk" FOREIGN KEY ("vergadering_id") REFERENCES "public"."vergaderingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verslag_opmerkingen" ADD CONSTRAINT "verslag_opmerkingen_agendapunt_id_agendapunten_id_fk" FOREIGN KEY ("agendapunt_id") REFERENCES "public"."agendapunten"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verslag_opmerkingen" ADD CONSTRAINT "verslag_opmerkingen_door_users_id_fk" FOREIGN KEY ("door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verslag_redacteuren" ADD CONSTRAINT "verslag_redacteuren_vergadering_id_vergaderingen_id_fk" FOREIGN KEY ("vergadering_id") REFERENCES "public"."vergaderingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verslag_redacteuren" ADD CONSTRAINT "verslag_redacteuren_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verslag_versies" ADD CONSTRAINT "verslag_versies_vergadering_id_vergaderingen_id_fk" FOREIGN KEY ("vergadering_id") REFERENCES "public"."vergaderingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verslag_versies" ADD CONSTRAINT "verslag_versies_vastgesteld_in_vergaderingen_id_fk" FOREIGN KEY ("vastgesteld_in") REFERENCES "public"."vergaderingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verslag_versies" ADD CONSTRAINT "verslag_versies_door_users_id_fk" FOREIGN KEY ("door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verslag_opmerkingen_vergadering_id_agendapunt_id_index" ON "verslag_opmerkingen" USING btree ("vergadering_id","agendapunt_id");--> statement-breakpoint
CREATE UNIQUE INDEX "verslag_versies_een_vastgesteld" ON "verslag_versies" USING btree ("vergadering_id") WHERE "verslag_versies"."soort" = 'vastgesteld';