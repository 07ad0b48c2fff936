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
ALTER TABLE "bestanden" ADD CONSTRAINT "bestanden_door_users_id_fk" FOREIGN KEY ("door") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;