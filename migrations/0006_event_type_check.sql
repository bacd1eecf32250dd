-- Generated from APPOINTMENT_EVENT_TYPES (src/domain/appointment-event-types.ts). Every type ever
-- stored is in the list (the booking union plus DELIVERY_FAILED), so existing rows pass.
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_type_check" CHECK ("appointment_events"."type" in ('BOOKED', 'APPROVED', 'DECLINED', 'CANCELLED', 'COMPLETED', 'NO_SHOW', 'RESCHEDULED', 'DELIVERY_FAILED'));
