ALTER TABLE "users" ADD COLUMN "aanhef" text;--> statement-breakpoint
ALTER TABLE "vergadering_gasten" ADD COLUMN "aanhef" text;--> statement-breakpoint
ALTER TABLE "vergadering_genodigden" ADD COLUMN "vervanger_aanhef" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_aanhef" CHECK ("users"."aanhef" is null or "users"."aanhef" in ('de heer', 'mevrouw'));--> statement-breakpoint
ALTER TABLE "vergadering_gasten" ADD CONSTRAINT "gasten_aanhef" CHECK ("vergadering_gasten"."aanhef" is null or "vergadering_gasten"."aanhef" in ('de heer', 'mevrouw'));--> statement-breakpoint
ALTER TABLE "vergadering_genodigden" ADD CONSTRAINT "genodigden_vervanger_aanhef" CHECK ("vergadering_genodigden"."vervanger_aanhef" is null or "vergadering_genodigden"."vervanger_aanhef" in ('de heer', 'mevrouw'));