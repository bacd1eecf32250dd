-- Hand-written: drizzle cannot express exclusion constraints.
-- Double booking is impossible in the database itself: no two PENDING or CONFIRMED appointments of
-- one provider may have overlapping blocked ranges [start_time, blocked_until).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("provider_id" WITH =, tstzrange("start_time", "blocked_until", '[)') WITH &&)
  WHERE ("status" IN ('PENDING', 'CONFIRMED'));
--> statement-breakpoint
-- Weekly windows of one provider and weekday never overlap (times mapped onto a fixed date).
ALTER TABLE "availability" ADD CONSTRAINT "availability_no_overlap"
  EXCLUDE USING gist (
    "provider_id" WITH =,
    "day_of_week" WITH =,
    tsrange(date '2000-01-01' + "start_time", date '2000-01-01' + "end_time", '[)') WITH &&
  ) WHERE ("is_active");
