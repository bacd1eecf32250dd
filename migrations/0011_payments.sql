CREATE TYPE "public"."payment_mode" AS ENUM('NONE', 'DEPOSIT', 'FULL');--> statement-breakpoint
-- Hand-edited: drizzle-kit wrote ADD VALUE 'AWAITING_PAYMENT', but a value added in a transaction
-- cannot be used before it commits, and every migration runs in one transaction. So the type is
-- replaced instead, with the two constraints that name its values dropped and made again; the
-- exclusion constraint now counts an unpaid hold as taking its time.
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_no_overlap";--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_cancel_check";--> statement-breakpoint
ALTER TYPE "public"."appointment_status" RENAME TO "appointment_status_before_payments";--> statement-breakpoint
CREATE TYPE "public"."appointment_status" AS ENUM('AWAITING_PAYMENT', 'PENDING', 'CONFIRMED', 'CANCELLED', 'COMPLETED', 'NO_SHOW');--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "status" TYPE "public"."appointment_status" USING "status"::text::"public"."appointment_status";--> statement-breakpoint
ALTER TABLE "appointment_events" ALTER COLUMN "from_status" TYPE "public"."appointment_status" USING "from_status"::text::"public"."appointment_status";--> statement-breakpoint
ALTER TABLE "appointment_events" ALTER COLUMN "to_status" TYPE "public"."appointment_status" USING "to_status"::text::"public"."appointment_status";--> statement-breakpoint
DROP TYPE "public"."appointment_status_before_payments";--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_cancel_check" CHECK (("appointments"."status" = 'CANCELLED') = ("appointments"."cancelled_at" is not null and "appointments"."cancelled_by" is not null));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("provider_id" WITH =, tstzrange("start_time", "blocked_until", '[)') WITH &&)
  WHERE ("status" IN ('AWAITING_PAYMENT', 'PENDING', 'CONFIRMED'));--> statement-breakpoint
ALTER TYPE "public"."refund_status" ADD VALUE 'REFUNDED';--> statement-breakpoint
ALTER TYPE "public"."refund_status" ADD VALUE 'REFUND_FAILED';--> statement-breakpoint
CREATE TABLE "payment_webhook_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"method" text NOT NULL,
	"state" text NOT NULL,
	"amount" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"checkout_session_id" text,
	"checkout_url" text,
	"payment_intent_id" text,
	"charge_id" text,
	"telegram_charge_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "payments_method_check" CHECK ("payments"."method" in ('STRIPE_CHECKOUT', 'TELEGRAM_INVOICE')),
	CONSTRAINT "payments_state_check" CHECK ("payments"."state" in ('OPEN', 'PAID', 'EXPIRED')),
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount" > 0),
	CONSTRAINT "payments_paid_check" CHECK (("payments"."state" = 'PAID') = ("payments"."paid_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"state" text NOT NULL,
	"amount" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"processor_refund_id" text,
	"failure" text,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "refunds_reason_check" CHECK ("refunds"."reason" in ('CLIENT_CANCELLED', 'PROVIDER_CANCELLED', 'DECLINED', 'PAID_AFTER_HOLD', 'DUPLICATE_PAYMENT', 'AMOUNT_MISMATCH')),
	CONSTRAINT "refunds_state_check" CHECK ("refunds"."state" in ('REFUND_DUE', 'REFUNDED', 'REFUND_FAILED')),
	CONSTRAINT "refunds_amount_check" CHECK ("refunds"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "appointment_events" DROP CONSTRAINT "appointment_events_type_check";--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "amount_due" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "hold_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "payment_mode" "payment_mode" DEFAULT 'NONE' NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "deposit_amount" integer;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_appointment_idx" ON "payments" USING btree ("appointment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_checkout_session_idx" ON "payments" USING btree ("checkout_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_telegram_charge_idx" ON "payments" USING btree ("telegram_charge_id");--> statement-breakpoint
CREATE INDEX "refunds_appointment_idx" ON "refunds" USING btree ("appointment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_payment_idx" ON "refunds" USING btree ("payment_id");--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_type_check" CHECK ("appointment_events"."type" in ('BOOKED', 'APPROVED', 'DECLINED', 'CANCELLED', 'COMPLETED', 'NO_SHOW', 'RESCHEDULED', 'PAID', 'HOLD_EXPIRED', 'LATE_PAYMENT', 'REFUNDED', 'REFUND_FAILED', 'DELIVERY_FAILED'));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_amount_due_check" CHECK ("appointments"."amount_due" between 0 and "appointments"."price");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_hold_check" CHECK (("appointments"."status" = 'AWAITING_PAYMENT') = ("appointments"."hold_expires_at" is not null));--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_deposit_check" CHECK (("services"."payment_mode" = 'DEPOSIT') = ("services"."deposit_amount" is not null) and ("services"."deposit_amount" is null or "services"."deposit_amount" between 1 and "services"."price"));--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_paid_price_check" CHECK ("services"."payment_mode" = 'NONE' or "services"."price" > 0);--> statement-breakpoint
CREATE INDEX "appointments_hold_idx" ON "appointments" USING btree ("hold_expires_at") WHERE "appointments"."status" = 'AWAITING_PAYMENT';
