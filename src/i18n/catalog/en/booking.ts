// English: the booking messages.
export const enBooking = {
  'booking.noOne': 'There is no one to book right now, sorry.',
  'booking.nothingToBook':
    '{provider} has nothing to book right now. Send /book to choose someone else.',
  'booking.noFreeTimes':
    '{provider} has no free times for {service} in the coming weeks. Send /book to choose something else.',
  'booking.nothingFreeWish': 'Nothing is free {wish} that day; here are all its times.',
  'booking.exactTakenOne': '{time} is not free that day. The nearest free time is {nearest}.',
  'booking.exactTakenTwo':
    '{time} is not free that day. The nearest free times are {before} and {after}.',
  'booking.tryAgain': 'Send /mybookings to try again.',
  'booking.whoToBook': 'Who would you like to book?',
  'booking.providerLine':
    '{number}. {name} ({type, select, DOCTOR {doctor} CONSULTANT {consultant} TRAINER {trainer} THERAPIST {therapist} other {provider}})',
  'booking.whatToBook': 'What would you like to book with {provider}?',
  'booking.serviceLine': '{number}. {service}: {facts}',
  'booking.serviceLineApproval': '{number}. {service}: {facts} (needs approval)',
  'booking.serviceFacts': '{duration}, {price}',
  'booking.pickNewDay': 'Pick a new day for {service} with {provider}:',
  'booking.whichDay':
    '{service} with {provider}. Which day? (days with free times, in your time zone, {city})',
  'booking.moveWhat': 'Move {service} with {provider}',
  'booking.moveFrom': 'from {when}',
  'booking.moveTo': 'to {when}?',
  'booking.pleaseConfirm': 'Please confirm:',
  'booking.serviceWith': '{service} with {provider}',
  'booking.approvesEach': '{provider} approves each booking of this service.',
  'booking.confirm': 'Confirm',
  'booking.repeatWeekly': 'Repeat weekly',
  'booking.cancel': 'Cancel',
  'booking.previous': '‹ Previous',
  'booking.next': 'Next ›',
  'booking.otherDay': 'Other day',
  'booking.noMatch': 'I found no provider or service matching "{words}".',
  'booking.noMatchKept': 'I found no provider or service matching "{words}"; I kept {kept}.',
  'booking.moveKept': 'OK, your appointment stays as it was.',
  'booking.cancelled': 'Cancelled: nothing was booked. Send /book to start again.',
  'booking.timesOn': '{service} with {provider} on {day}.',
  'booking.pickTime': 'Pick a time (your time, {city}):',
  'booking.bookAgain': 'Book again',
  'booking.myBookings': 'My bookings',
  'booking.gone': 'That booking no longer exists. Send /book to start again.',
  'booking.moved': 'Moved: {service} with {provider}',
  'booking.movedNow': 'now {when}',
  'booking.movedWas': 'was {when}',
  'booking.stillWaiting': 'It is still waiting for approval.',
  'booking.noFreeOn': 'There are no free times on {day}.',
  'booking.dayOver': '{day} is over; please choose a later day.',
  'booking.dayTooSoon':
    'Bookings need {notice}, so nothing on {day} can be booked any more (the earliest is {time} on {date}, your time).',
  'booking.dayTooFar': '{day} is too far ahead: {limit}.',
  'booking.dayAway': 'The provider is away on {day}.',
  'booking.dayClosed': "The provider doesn't work on {day}.",
  'booking.dayFull':
    'This service takes at most {max, plural, one {# booking} other {# bookings}} a day, and {day} is full.',
  'booking.weekFull':
    'This service takes at most {max, plural, one {# booking} other {# bookings}} a week, and the week of {day} is full.',
  'booking.noticeDays': "{count, plural, one {# day's notice} other {# days' notice}}",
  'booking.noticeHours': "{count, plural, one {# hour's notice} other {# hours' notice}}",
  'booking.noticeMinutes': "{count, plural, one {# minute's notice} other {# minutes' notice}}",
  'booking.advance':
    'bookings open {count, plural, one {# day} other {# days}} ahead (until {until})',
  'booking.minNotice': 'bookings need {notice}',
  'booking.nearestOne': 'the nearest time is {time} (your time)',
  'booking.nearestTwo': 'the nearest times are {before} and {after} (your time)',
  'booking.emailHowTo':
    'To set or change it, send /email followed by your address, e.g. /email ada@example.com. Send /email off to stop emails.',
  'booking.emailNone': "You haven't set an email address, so I only message you here.",
  'booking.emailCurrent': 'I send confirmations and reminders to {email}.',
  'booking.emailInvalid': '"{typed}" doesn\'t look like an email address, so nothing changed.',
  'booking.emailSet':
    "Done! I'll send confirmations and reminders to {email}.\nSend /email with a new address to change it, or /email off to stop emails.",
  'booking.emailNothingToRemove':
    "You haven't set an email address, so there was nothing to remove.\nSend /email followed by your address to get confirmations and reminders by email.",
  'booking.emailRemoved':
    "Done: I won't send you emails any more; you'll still get messages here.\nSend /email followed by your address to turn them back on.",
  'booking.page': 'Page {page} of {pages}.',
  'booking.pageNext': 'Page {page} of {pages}. Send /{command} {next} for the next.',
  'booking.pageBack': 'Page {page} of {pages}. /{command} {previous} goes back.',
  'booking.pageBoth':
    'Page {page} of {pages}. Send /{command} {next} for the next. /{command} {previous} goes back.',
} as const;
