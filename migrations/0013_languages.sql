ALTER TABLE "chat_identities" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "chat_identities" ADD CONSTRAINT "chat_identities_language_check" CHECK ("chat_identities"."language" ~ '^[a-z]{2,3}$');--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_language_check" CHECK ("clients"."language" ~ '^[a-z]{2,3}$');--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_language_check" CHECK ("providers"."language" ~ '^[a-z]{2,3}$');