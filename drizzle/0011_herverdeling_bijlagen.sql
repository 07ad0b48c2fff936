CREATE TABLE "herverdeling_bijlagen" (
	"herverdeling_id" integer NOT NULL,
	"bestand_id" integer NOT NULL,
	"door" integer,
	"door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "herverdeling_bijlagen_herverdeling_id_bestand_id_pk" PRIMARY KEY("herverdeling_id","bestand_id"),
	CONSTRAINT "herverdeling_bijlagen_bestandId_unique" UNIQUE("bestand_id")
);
--> statement-breakpoint
ALTER TABLE "herverdeling_bijlagen" ADD CONSTRAINT "herverdeling_bijlagen_herverdeling_id_herverdelingen_id_fk" FOREIGN KEY ("herverdeling_id") REFERENCES "public"."herverdelingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "herverdeling_bijlagen" ADD CONSTRAINT "herverdeling_bijlagen_bestand_id_bestanden_id_fk" FOREIGN KEY ("bestand_id") REFERENCES "public"."bestanden"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "herverdeling_bijlagen" ADD CONSTRAINT "herverdeling_bijlagen_door_users_id_fk" FOREIGN KEY ("door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;