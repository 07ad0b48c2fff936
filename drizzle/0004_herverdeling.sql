CREATE TABLE "herverdeling_gemeenten" (
	"herverdeling_id" integer NOT NULL,
	"gemeente_code" text NOT NULL,
	"provincie_code" text NOT NULL,
	"wijziging" integer NOT NULL,
	"reactie" text DEFAULT 'open' NOT NULL,
	"besluit_datum" date,
	"kenmerk" text,
	"reden" text,
	"reactie_door" integer,
	"reactie_door_label" text,
	"reactie_at" timestamp with time zone,
	CONSTRAINT "herverdeling_gemeenten_herverdeling_id_gemeente_code_pk" PRIMARY KEY("herverdeling_id","gemeente_code"),
	CONSTRAINT "herverdeling_gemeenten_wijziging" CHECK ("herverdeling_gemeenten"."wijziging" <> 0),
	CONSTRAINT "herverdeling_gemeenten_reactie" CHECK ("herverdeling_gemeenten"."reactie" in ('open', 'akkoord', 'afgewezen')),
	CONSTRAINT "herverdeling_gemeenten_akkoord" CHECK ("herverdeling_gemeenten"."reactie" <> 'akkoord' or ("herverdeling_gemeenten"."besluit_datum" is not null and "herverdeling_gemeenten"."kenmerk" is not null)),
	CONSTRAINT "herverdeling_gemeenten_afgewezen" CHECK ("herverdeling_gemeenten"."reactie" <> 'afgewezen' or "herverdeling_gemeenten"."reden" is not null)
);
--> statement-breakpoint
CREATE TABLE "herverdelingen" (
	"id" serial PRIMARY KEY NOT NULL,
	"periode" text NOT NULL,
	"status" text DEFAULT 'concept' NOT NULL,
	"motivatie" text NOT NULL,
	"provincie_code" text NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"waarschuwingen" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"geinformeerd" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"door" integer,
	"door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "herverdelingen_periode" CHECK ("herverdelingen"."periode" ~ '^[0-9]{4}-(I|II)$'),
	CONSTRAINT "herverdelingen_status" CHECK ("herverdelingen"."status" in ('concept', 'ingediend', 'vastgesteld', 'verwerkt', 'ingetrokken')),
	CONSTRAINT "herverdelingen_versie" CHECK ("herverdelingen"."versie" >= 1)
);
--> statement-breakpoint
ALTER TABLE "herverdeling_gemeenten" ADD CONSTRAINT "herverdeling_gemeenten_herverdeling_id_herverdelingen_id_fk" FOREIGN KEY ("herverdeling_id") REFERENCES "public"."herverdelingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "herverdeling_gemeenten" ADD CONSTRAINT "herverdeling_gemeenten_reactie_door_users_id_fk" FOREIGN KEY ("reactie_door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "herverdelingen" ADD CONSTRAINT "herverdelingen_door_users_id_fk" FOREIGN KEY ("door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "herverdeling_gemeenten_gemeente_code_index" ON "herverdeling_gemeenten" USING btree ("gemeente_code");--> statement-breakpoint
CREATE INDEX "herverdelingen_periode_index" ON "herverdelingen" USING btree ("periode");