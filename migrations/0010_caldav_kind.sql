ALTER TYPE "public"."calendar_type" ADD VALUE 'CALDAV';--> statement-breakpoint
ALTER TYPE "public"."override_source" ADD VALUE 'CALDAV';