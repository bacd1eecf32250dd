CREATE TABLE "sent_requests" (
	"appointment_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"address" text NOT NULL,
	"message_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "sent_requests_platform_address_message_id_pk" PRIMARY KEY("platform","address","message_id")
);
--> statement-breakpoint
ALTER TABLE "sent_requests" ADD CONSTRAINT "sent_requests_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sent_requests_appointment_idx" ON "sent_requests" USING btree ("appointment_id");