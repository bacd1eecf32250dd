CREATE TABLE "chat_conversations" (
	"platform" text NOT NULL,
	"platform_user_id" text NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_conversations_platform_platform_user_id_pk" PRIMARY KEY("platform","platform_user_id")
);
--> statement-breakpoint
CREATE TABLE "chat_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"platform" text NOT NULL,
	"platform_user_id" text NOT NULL,
	"display_name" text NOT NULL,
	"client_id" uuid,
	"provider_id" uuid,
	"dm_address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_identities_platform_check" CHECK ("chat_identities"."platform" in ('telegram', 'slack', 'discord', 'web'))
);
--> statement-breakpoint
CREATE TABLE "chat_processed_updates" (
	"platform" text NOT NULL,
	"update_id" text NOT NULL,
	"processed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_processed_updates_platform_update_id_pk" PRIMARY KEY("platform","update_id")
);
--> statement-breakpoint
CREATE TABLE "provider_link_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_identities" ADD CONSTRAINT "chat_identities_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_identities" ADD CONSTRAINT "chat_identities_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_link_codes" ADD CONSTRAINT "provider_link_codes_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chat_identities_platform_user_idx" ON "chat_identities" USING btree ("platform","platform_user_id");--> statement-breakpoint
CREATE INDEX "chat_identities_client_idx" ON "chat_identities" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "chat_identities_provider_idx" ON "chat_identities" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "chat_processed_updates_at_idx" ON "chat_processed_updates" USING btree ("processed_at");