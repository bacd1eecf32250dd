// A change to an appointment that the other party should hear about, as plain data.

export type AppointmentChange =
  | { readonly kind: 'booked'; readonly appointmentId: string }
  | { readonly kind: 'approved'; readonly appointmentId: string }
  | { readonly kind: 'declined'; readonly appointmentId: string; readonly reason: string | null }
  | {
      readonly kind: 'cancelled';
      readonly appointmentId: string;
      readonly by: 'CLIENT' | 'PROVIDER';
    }
  | { readonly kind: 'rescheduled'; readonly appointmentId: string; readonly previousStart: Date }
  | { readonly kind: 'no-show'; readonly appointmentId: string };

/** Told after a change commits; must not throw (delivery problems are its own to log). */
export type AppointmentChangeListener = (change: AppointmentChange) => Promise<void>;
