CREATE TABLE "appointment_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"timezone" text NOT NULL,
	"first_date" date NOT NULL,
	"local_time" time NOT NULL,
	"interval_weeks" integer DEFAULT 1 NOT NULL,
	"occurrences" integer NOT NULL,
	"created_by" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_series_occurrences_check" CHECK ("appointment_series"."occurrences" between 1 and 52),
	CONSTRAINT "appointment_series_interval_check" CHECK ("appointment_series"."interval_weeks" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"timezone" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"part_of_day" text DEFAULT 'ANY' NOT NULL,
	"status" text DEFAULT 'WAITING' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_entries_dates_check" CHECK ("waitlist_entries"."to_date" >= "waitlist_entries"."from_date" and "waitlist_entries"."to_date" - "waitlist_entries"."from_date" <= 62),
	CONSTRAINT "waitlist_entries_part_check" CHECK ("waitlist_entries"."part_of_day" in ('ANY', 'MORNING', 'AFTERNOON', 'EVENING')),
	CONSTRAINT "waitlist_entries_status_check" CHECK ("waitlist_entries"."status" in ('WAITING', 'BOOKED', 'REMOVED', 'EXPIRED'))
);
--> statement-breakpoint
CREATE TABLE "waitlist_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"start_time" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"appointment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "waitlist_offers_range_check" CHECK ("waitlist_offers"."blocked_until" > "waitlist_offers"."start_time"),
	CONSTRAINT "waitlist_offers_status_check" CHECK ("waitlist_offers"."status" in ('OPEN', 'ACCEPTED', 'PASSED', 'EXPIRED', 'WITHDRAWN')),
	CONSTRAINT "waitlist_offers_accepted_check" CHECK (("waitlist_offers"."status" = 'ACCEPTED') = ("waitlist_offers"."appointment_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "max_active_bookings_per_client" integer;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "max_bookings_per_day" integer;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "max_bookings_per_week" integer;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_entry_id_waitlist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."waitlist_entries"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_series_client_idx" ON "appointment_series" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "waitlist_entries_line_idx" ON "waitlist_entries" USING btree ("provider_id","created_at") WHERE "waitlist_entries"."status" = 'WAITING';--> statement-breakpoint
CREATE INDEX "waitlist_entries_client_idx" ON "waitlist_entries" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_one_open_idx" ON "waitlist_offers" USING btree ("entry_id") WHERE "waitlist_offers"."status" = 'OPEN';--> statement-breakpoint
CREATE INDEX "waitlist_offers_open_idx" ON "waitlist_offers" USING btree ("provider_id","expires_at") WHERE "waitlist_offers"."status" = 'OPEN';--> statement-breakpoint
CREATE INDEX "waitlist_offers_entry_idx" ON "waitlist_offers" USING btree ("entry_id","start_time");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_series_id_appointment_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."appointment_series"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_series_idx" ON "appointments" USING btree ("series_id") WHERE "appointments"."series_id" is not null;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_max_active_per_client_check" CHECK ("providers"."max_active_bookings_per_client" is null or "providers"."max_active_bookings_per_client" between 1 and 1000);--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_max_per_day_check" CHECK ("services"."max_bookings_per_day" is null or "services"."max_bookings_per_day" between 1 and 1000);--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_max_per_week_check" CHECK ("services"."max_bookings_per_week" is null or "services"."max_bookings_per_week" between 1 and 10000);--> statement-breakpoint
-- Hand-written: drizzle cannot express exclusion constraints. Two open waitlist offers of one
-- provider never reserve overlapping time, whatever the code does.
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_no_overlap"
  EXCLUDE USING gist ("provider_id" WITH =, tstzrange("start_time", "blocked_until", '[)') WITH &&)
  WHERE ("status" = 'OPEN');
