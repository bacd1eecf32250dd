// English: the failure messages.
export const enFailure = {
  'failure.IN_THE_PAST': 'That time has already passed',
  'failure.TOO_SOON': 'That time is now too close to book',
  'failure.TOO_FAR_AHEAD': 'That time is too far ahead to book',
  'failure.OFF_GRID': "That time isn't on the schedule",
  'failure.BLOCKED': 'The provider has just blocked that time',
  'failure.OUTSIDE_AVAILABILITY': "That time is outside the provider's hours",
  'failure.unavailable': '{reasons}. These times are still free:',
  'failure.taken': 'Someone was faster and has just taken that time. These times are still free:',
  'failure.takenNearOne':
    'Someone was faster and has just taken that time. These times are still free: The nearest time is {time} (your time).',
  'failure.takenNearTwo':
    'Someone was faster and has just taken that time. These times are still free: The nearest times are {before} and {after} (your time).',
  'failure.lockout':
    'After a missed appointment you cannot book an appointment for the same day until {day}. You can still book any other day:',
  'failure.notFound':
    "Sorry, that {entity, select, provider {provider} service {service} client {client} appointment {appointment} override {override} series {series} other {item}} is no longer available. Let's start again.",
  'failure.invalidChoice': "Sorry, I couldn't use that choice. Let's start again.",
  'failure.menuReused': 'That menu was already used for another booking. Here is a fresh one.',
  'failure.dayFull':
    'This service takes at most {max, plural, one {# booking} other {# bookings}} a day, and {day} is full. Pick another day:',
  'failure.thatDayFull':
    'This service takes at most {max, plural, one {# booking} other {# bookings}} a day, and that day is full. Pick another day:',
  'failure.weekFull':
    'This service takes at most {max, plural, one {# booking} other {# bookings}} a week, and the week of {day} is full. Pick another day:',
  'failure.thatWeekFull':
    'This service takes at most {max, plural, one {# booking} other {# bookings}} a week, and that week is full. Pick another day:',
  'failure.clientActive':
    'You already have {max, plural, one {# upcoming booking} other {# upcoming bookings}} with this provider, the most allowed. Send /mybookings to see them or cancel one, then book again.',
  'failure.alreadyStarted':
    'Nothing changed: the appointment has already started, so it can no longer be cancelled.',
  'failure.stillWaiting': 'Nothing changed: the appointment is still waiting for approval.',
  'failure.notStarted': 'Nothing changed: the appointment has not started yet.',
  'failure.alreadyHandled': 'This request was already handled: the appointment is {status}.',
  'failure.alreadyStatus': 'Nothing changed: the appointment is already {status}.',
} as const;
