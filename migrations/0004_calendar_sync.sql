CREATE TABLE "used_oauth_states" (
	"nonce" text PRIMARY KEY NOT NULL,
	"used_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_syncs" ADD COLUMN "account_name" text;--> statement-breakpoint
ALTER TABLE "calendar_syncs" ADD COLUMN "password_encrypted" text;--> statement-breakpoint
ALTER TABLE "calendar_syncs" ADD COLUMN "channel_id" text;--> statement-breakpoint
ALTER TABLE "calendar_syncs" ADD COLUMN "channel_resource_id" text;--> statement-breakpoint
ALTER TABLE "calendar_syncs" ADD COLUMN "channel_secret_hash" text;--> statement-breakpoint
ALTER TABLE "calendar_syncs" ADD COLUMN "channel_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_syncs_channel_idx" ON "calendar_syncs" USING btree ("channel_id");--> statement-breakpoint
ALTER TABLE "calendar_syncs" ADD CONSTRAINT "calendar_syncs_status_check" CHECK ("calendar_syncs"."status" in ('ACTIVE', 'BROKEN'));