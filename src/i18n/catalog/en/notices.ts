// English: the notices and reminders jobs send to a client or a provider, each in their own language.
export const enNotices = {
  'notices.cancelledByProvider': '{provider} cancelled {service} on {when}.',
  'notices.movedForClient': 'Your {service} with {provider} moved from {from} to {to}.',
  'notices.movedForProvider': "{client}'s {service} moved from {from} to {to}.",
  'notices.noShow': 'You were marked as not attending {service} with {provider} on {when}.',
  'notices.noShowDue': 'The {price} is still due.',
  'notices.noShowLockout':
    'Until {until} you can book appointments on other days, but not for the same day.',
  'notices.reminderLead': '{kind, select, h48 {Reminder: in 2 days} other {Reminder: in 1 hour}}',
  'notices.reminderWhat': '{service} with {other}',
  'notices.reminderSubject':
    '{kind, select, h48 {Reminder: in 2 days} other {Reminder: in 1 hour}}: {service} with {other}',
  'notices.reminderFooter': 'This is an automatic reminder from Slotline.',
  'notices.holdExpired':
    'The {amount} payment for {service} with {provider} on {when} did not arrive in time, so that time has been released.',
  'notices.chooseAnother': 'Send /book to choose another time.',
  'notices.bookingStands': 'Your booking stands: send /mybookings to see it.',
  'notices.myBookingsButton': 'My bookings',
  'notices.bookAgainButton': 'Book again',
  'notices.refunded': 'We refunded {amount} for {service} with {provider} on {when}.',
  'notices.refundShows': 'It usually shows on your statement within 5 to 10 business days.',
  'notices.refundFailed':
    'We could not refund the {amount} you paid for {service} with {provider} on {when} automatically.',
  'notices.refundFailedHow':
    '{provider} will be in touch to pay it back. If you have not heard from them within a few days, contact them and mention the booking on {when}.',
  'notices.outcomeCancelledByClient': 'Cancelled by the client',
  'notices.outcomeDeclined': 'Declined',
  'notices.outcomeApproved': 'Approved ✓',
} as const;
