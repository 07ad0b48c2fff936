CREATE TABLE "beoordelingen" (
	"id" serial PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"periode" text NOT NULL,
	"kind" text NOT NULL,
	"peildatum" text NOT NULL,
	"beleidsversie_id" integer,
	"invoer" jsonb NOT NULL,
	"resultaat" jsonb NOT NULL,
	"trede_voor" text NOT NULL,
	"trede_na" text NOT NULL,
	"berekend_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "beoordelingen_gemeenteCode_periode_kind_unique" UNIQUE("gemeente_code","periode","kind"),
	CONSTRAINT "beoordelingen_kind" CHECK ("beoordelingen"."kind" in ('midpoint', 'end')),
	CONSTRAINT "beoordelingen_trede_voor" CHECK ("beoordelingen"."trede_voor" in ('0', '1', '2', '3A', '3B', '4', '5', '6')),
	CONSTRAINT "beoordelingen_trede_na" CHECK ("beoordelingen"."trede_na" in ('0', '1', '2', '3A', '3B', '4', '5', '6'))
);
--> statement-breakpoint
CREATE TABLE "besluiten" (
	"id" serial PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"periode" text NOT NULL,
	"kind" text NOT NULL,
	"trede" text NOT NULL,
	"datum" text,
	"kenmerk" text,
	"motivatie" text DEFAULT '' NOT NULL,
	"door" integer,
	"door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "besluiten_kind" CHECK ("besluiten"."kind" in ('midpoint', 'end')),
	CONSTRAINT "besluiten_trede" CHECK ("besluiten"."trede" in ('0', '1', '2', '3A', '3B', '4', '5', '6'))
);
--> statement-breakpoint
ALTER TABLE "beoordelingen" ADD CONSTRAINT "beoordelingen_beleidsversie_id_beleidsversies_id_fk" FOREIGN KEY ("beleidsversie_id") REFERENCES "public"."beleidsversies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "besluiten" ADD CONSTRAINT "besluiten_door_users_id_fk" FOREIGN KEY ("door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "beoordelingen_periode_index" ON "beoordelingen" USING btree ("periode");--> statement-breakpoint
CREATE INDEX "besluiten_gemeente_code_periode_kind_index" ON "besluiten" USING btree ("gemeente_code","periode","kind");