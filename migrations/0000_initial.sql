CREATE TYPE "public"."appointment_status" AS ENUM('PENDING', 'CONFIRMED', 'CANCELLED', 'COMPLETED', 'NO_SHOW');--> statement-breakpoint
CREATE TYPE "public"."calendar_type" AS ENUM('GOOGLE', 'OUTLOOK', 'APPLE');--> statement-breakpoint
CREATE TYPE "public"."override_source" AS ENUM('MANUAL', 'GOOGLE', 'OUTLOOK', 'APPLE');--> statement-breakpoint
CREATE TYPE "public"."party_role" AS ENUM('CLIENT', 'PROVIDER');--> statement-breakpoint
CREATE TYPE "public"."provider_type" AS ENUM('DOCTOR', 'CONSULTANT', 'TRAINER', 'THERAPIST');--> statement-breakpoint
CREATE TYPE "public"."refund_status" AS ENUM('NONE', 'REFUND_DUE', 'NO_REFUND');--> statement-breakpoint
CREATE TABLE "appointment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"appointment_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor" text NOT NULL,
	"from_status" "appointment_status",
	"to_status" "appointment_status" NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"start_time" timestamp with time zone NOT NULL,
	"end_time" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"status" "appointment_status" NOT NULL,
	"notes" text,
	"meeting_link" text,
	"price" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"refund_status" "refund_status" DEFAULT 'NONE' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" "party_role",
	"cancellation_reason" text,
	"external_event_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_range_check" CHECK ("appointments"."end_time" > "appointments"."start_time"),
	CONSTRAINT "appointments_blocked_check" CHECK ("appointments"."blocked_until" >= "appointments"."end_time"),
	CONSTRAINT "appointments_price_check" CHECK ("appointments"."price" >= 0),
	CONSTRAINT "appointments_cancel_check" CHECK (("appointments"."status" = 'CANCELLED') = ("appointments"."cancelled_at" is not null and "appointments"."cancelled_by" is not null))
);
--> statement-breakpoint
CREATE TABLE "availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"day_of_week" smallint NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "availability_day_check" CHECK ("availability"."day_of_week" between 0 and 6),
	CONSTRAINT "availability_range_check" CHECK ("availability"."end_time" > "availability"."start_time")
);
--> statement-breakpoint
CREATE TABLE "availability_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" time,
	"end_time" time,
	"is_blocked" boolean NOT NULL,
	"source" "override_source" DEFAULT 'MANUAL' NOT NULL,
	"external_event_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overrides_times_pair_check" CHECK (("availability_overrides"."start_time" is null) = ("availability_overrides"."end_time" is null)),
	CONSTRAINT "overrides_range_check" CHECK ("availability_overrides"."end_time" is null or "availability_overrides"."end_time" > "availability_overrides"."start_time"),
	CONSTRAINT "overrides_extra_has_times_check" CHECK ("availability_overrides"."is_blocked" or "availability_overrides"."start_time" is not null)
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"timezone" text NOT NULL,
	"no_show_count" integer DEFAULT 0 NOT NULL,
	"no_show_lockout_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_no_show_count_check" CHECK ("clients"."no_show_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "calendar_syncs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"calendar_type" "calendar_type" NOT NULL,
	"access_token_encrypted" text,
	"refresh_token_encrypted" text,
	"token_expires_at" timestamp with time zone,
	"external_calendar_id" text,
	"sync_token" text,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"last_synced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key"),
	CONSTRAINT "idempotency_expiry_check" CHECK ("idempotency_keys"."expires_at" > "idempotency_keys"."created_at")
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"type" "provider_type" NOT NULL,
	"timezone" text NOT NULL,
	"bio" text,
	"photo_url" text,
	"email" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"price" integer DEFAULT 0 NOT NULL,
	"currency" char(3) DEFAULT 'EUR' NOT NULL,
	"buffer_time_minutes" integer DEFAULT 0 NOT NULL,
	"max_advance_days" integer DEFAULT 60 NOT NULL,
	"cancellation_hours" integer DEFAULT 24 NOT NULL,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"min_notice_minutes" integer DEFAULT 0 NOT NULL,
	"slot_interval_minutes" integer,
	"is_virtual" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_duration_check" CHECK ("services"."duration_minutes" between 1 and 1440),
	CONSTRAINT "services_price_check" CHECK ("services"."price" >= 0),
	CONSTRAINT "services_buffer_check" CHECK ("services"."buffer_time_minutes" between 0 and 1440),
	CONSTRAINT "services_max_advance_check" CHECK ("services"."max_advance_days" between 1 and 3650),
	CONSTRAINT "services_cancellation_check" CHECK ("services"."cancellation_hours" >= 0),
	CONSTRAINT "services_min_notice_check" CHECK ("services"."min_notice_minutes" >= 0),
	CONSTRAINT "services_slot_interval_check" CHECK ("services"."slot_interval_minutes" is null or "services"."slot_interval_minutes" between 1 and 1440)
);
--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability" ADD CONSTRAINT "availability_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_overrides" ADD CONSTRAINT "availability_overrides_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_syncs" ADD CONSTRAINT "calendar_syncs_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_events_appointment_idx" ON "appointment_events" USING btree ("appointment_id","id");--> statement-breakpoint
CREATE INDEX "appointments_provider_start_idx" ON "appointments" USING btree ("provider_id","start_time");--> statement-breakpoint
CREATE INDEX "appointments_client_start_idx" ON "appointments" USING btree ("client_id","start_time");--> statement-breakpoint
CREATE INDEX "availability_provider_idx" ON "availability" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "overrides_provider_date_idx" ON "availability_overrides" USING btree ("provider_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "overrides_external_event_idx" ON "availability_overrides" USING btree ("provider_id","source","external_event_id","date") WHERE "availability_overrides"."external_event_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_syncs_provider_type_idx" ON "calendar_syncs" USING btree ("provider_id","calendar_type");--> statement-breakpoint
CREATE INDEX "services_provider_idx" ON "services" USING btree ("provider_id");