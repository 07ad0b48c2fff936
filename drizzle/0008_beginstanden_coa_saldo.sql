CREATE TABLE "beginstanden" (
	"id" serial PRIMARY KEY NOT NULL,
	"gemeente_code" text NOT NULL,
	"trede" text NOT NULL,
	"saldo" integer NOT NULL,
	"bron" text NOT NULL,
	"door" integer,
	"door_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "beginstanden_gemeente" CHECK ("beginstanden"."gemeente_code" ~ '^GM[0-9]{4}$'),
	CONSTRAINT "beginstanden_trede" CHECK ("beginstanden"."trede" in ('0', '1', '2', '3A', '3B', '4', '5', '6')),
	CONSTRAINT "beginstanden_bron" CHECK (length(trim("beginstanden"."bron")) > 0)
);
--> statement-breakpoint
ALTER TABLE "realisatiecijfers" ADD COLUMN "saldo_vorige_periode" integer;--> statement-breakpoint
ALTER TABLE "beginstanden" ADD CONSTRAINT "beginstanden_door_users_id_fk" FOREIGN KEY ("door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "beginstanden_gemeente_code_id_index" ON "beginstanden" USING btree ("gemeente_code","id");