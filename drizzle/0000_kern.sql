CREATE TYPE "public"."regio_type" AS ENUM('veiligheidsregio', 'woonregio', 'coa-regio', 'arbeidsmarktregio');--> statement-breakpoint
CREATE TYPE "public"."organisatie_type" AS ENUM('provincie', 'gemeente', 'coa', 'ministerie', 'corporatie', 'overig');--> statement-breakpoint
CREATE TYPE "public"."organisatie_rol" AS ENUM('medewerker', 'beheerder', 'toezichthouder', 'gemeente-ambtenaar', 'gemeente-bestuurder', 'coa-regievoerder');--> statement-breakpoint
CREATE TYPE "public"."regietafel_soort" AS ENUM('prt', 'regionaal');--> statement-breakpoint
CREATE TYPE "public"."tafel_rol" AS ENUM('voorzitter', 'secretaris', 'deelnemer');--> statement-breakpoint
CREATE TABLE "gemeenten" (
	"jaar" integer NOT NULL,
	"code" text NOT NULL,
	"naam" text NOT NULL,
	"provincie_code" text NOT NULL,
	CONSTRAINT "gemeenten_jaar_code_pk" PRIMARY KEY("jaar","code")
);
--> statement-breakpoint
CREATE TABLE "provincies" (
	"code" text PRIMARY KEY NOT NULL,
	"naam" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regio_gemeenten" (
	"regio_id" integer NOT NULL,
	"jaar" integer NOT NULL,
	"gemeente_code" text NOT NULL,
	CONSTRAINT "regio_gemeenten_regio_id_jaar_gemeente_code_pk" PRIMARY KEY("regio_id","jaar","gemeente_code")
);
--> statement-breakpoint
CREATE TABLE "regios" (
	"id" serial PRIMARY KEY NOT NULL,
	"type" "regio_type" NOT NULL,
	"naam" text NOT NULL,
	"code" text,
	"provincie_code" text,
	CONSTRAINT "regios_type_naam_unique" UNIQUE("type","naam")
);
--> statement-breakpoint
CREATE TABLE "organisaties" (
	"id" serial PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"type" "organisatie_type" NOT NULL,
	"provincie_code" text,
	"gemeente_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kiosk_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"regietafel_id" integer NOT NULL,
	"naam" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "kiosk_links_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "login_pogingen" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sleutel" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"organisatie_id" integer NOT NULL,
	"rol" "organisatie_rol" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_userId_organisatieId_rol_unique" UNIQUE("user_id","organisatie_id","rol")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"naam" text NOT NULL,
	"functie" text DEFAULT '' NOT NULL,
	"password_hash" text NOT NULL,
	"actief" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "mededelingen" (
	"id" serial PRIMARY KEY NOT NULL,
	"regietafel_id" integer NOT NULL,
	"auteur_id" integer NOT NULL,
	"tekst" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regietafel_leden" (
	"regietafel_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"rol" "tafel_rol" NOT NULL,
	"sinds" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regietafel_leden_regietafel_id_user_id_pk" PRIMARY KEY("regietafel_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "regietafels" (
	"id" serial PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"soort" "regietafel_soort" NOT NULL,
	"provincie_code" text NOT NULL,
	"regio_id" integer,
	"beschrijving" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"actor_label" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "realtime_gebeurtenissen" (
	"kamer" text NOT NULL,
	"seq" bigint NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "realtime_gebeurtenissen_kamer_seq_pk" PRIMARY KEY("kamer","seq")
);
--> statement-breakpoint
CREATE TABLE "realtime_kamers" (
	"kamer" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "socket_io_attachments" (
	"id" bigserial NOT NULL,
	"created_at" timestamp with time zone DEFAULT now(),
	"payload" "bytea",
	CONSTRAINT "socket_io_attachments_id_unique" UNIQUE("id")
);
--> statement-breakpoint
ALTER TABLE "gemeenten" ADD CONSTRAINT "gemeenten_provincie_code_provincies_code_fk" FOREIGN KEY ("provincie_code") REFERENCES "public"."provincies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regio_gemeenten" ADD CONSTRAINT "regio_gemeenten_regio_id_regios_id_fk" FOREIGN KEY ("regio_id") REFERENCES "public"."regios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regio_gemeenten" ADD CONSTRAINT "regio_gemeenten_jaar_gemeente_code_gemeenten_jaar_code_fk" FOREIGN KEY ("jaar","gemeente_code") REFERENCES "public"."gemeenten"("jaar","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regios" ADD CONSTRAINT "regios_provincie_code_provincies_code_fk" FOREIGN KEY ("provincie_code") REFERENCES "public"."provincies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisaties" ADD CONSTRAINT "organisaties_provincie_code_provincies_code_fk" FOREIGN KEY ("provincie_code") REFERENCES "public"."provincies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_links" ADD CONSTRAINT "kiosk_links_regietafel_id_regietafels_id_fk" FOREIGN KEY ("regietafel_id") REFERENCES "public"."regietafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_links" ADD CONSTRAINT "kiosk_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisatie_id_organisaties_id_fk" FOREIGN KEY ("organisatie_id") REFERENCES "public"."organisaties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mededelingen" ADD CONSTRAINT "mededelingen_regietafel_id_regietafels_id_fk" FOREIGN KEY ("regietafel_id") REFERENCES "public"."regietafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mededelingen" ADD CONSTRAINT "mededelingen_auteur_id_users_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regietafel_leden" ADD CONSTRAINT "regietafel_leden_regietafel_id_regietafels_id_fk" FOREIGN KEY ("regietafel_id") REFERENCES "public"."regietafels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regietafel_leden" ADD CONSTRAINT "regietafel_leden_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regietafels" ADD CONSTRAINT "regietafels_provincie_code_provincies_code_fk" FOREIGN KEY ("provincie_code") REFERENCES "public"."provincies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regietafels" ADD CONSTRAINT "regietafels_regio_id_regios_id_fk" FOREIGN KEY ("regio_id") REFERENCES "public"."regios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gemeenten_provincie_code_jaar_index" ON "gemeenten" USING btree ("provincie_code","jaar");--> statement-breakpoint
CREATE INDEX "regio_gemeenten_jaar_gemeente_code_index" ON "regio_gemeenten" USING btree ("jaar","gemeente_code");--> statement-breakpoint
CREATE INDEX "organisaties_type_index" ON "organisaties" USING btree ("type");--> statement-breakpoint
CREATE INDEX "organisaties_gemeente_code_index" ON "organisaties" USING btree ("gemeente_code");--> statement-breakpoint
CREATE INDEX "login_pogingen_sleutel_at_index" ON "login_pogingen" USING btree ("sleutel","at");--> statement-breakpoint
CREATE INDEX "sessions_user_id_index" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "mededelingen_regietafel_id_created_at_index" ON "mededelingen" USING btree ("regietafel_id","created_at");--> statement-breakpoint
CREATE INDEX "regietafel_leden_user_id_index" ON "regietafel_leden" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_entity_id_index" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_index" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "realtime_gebeurtenissen_at_index" ON "realtime_gebeurtenissen" USING btree ("at");