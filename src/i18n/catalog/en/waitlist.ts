// English: the waitlist messages.
export const enWaitlist = {
  'waitlist.days': '{from} to {to}',
  'waitlist.when': '{days}, {part}',
  'waitlist.entry': '{service} with {provider}, {when}',
  'waitlist.anAppointment': 'An appointment',
  'waitlist.yourProvider': 'your provider',
  'waitlist.whoToWatch': 'Who should I watch {when} for?',
  'waitlist.someoneElse':
    'Someone else? Name them, e.g. "tell me if a massage with Anna opens on Friday".',
  'waitlist.whichService': 'Which service should I watch {when} for?',
  'waitlist.anotherService': 'Another one? Name it, e.g. "tell me if a massage opens on Friday".',
  'waitlist.notWaiting': 'OK, not waiting for anything new. Send /book to book a free time.',
  'waitlist.nobody':
    'There is no one to wait for right now, sorry. Send /book to see who is bookable.',
  'waitlist.cancel': 'Cancel',
  'waitlist.book': 'Book',
  'waitlist.bookAnother': 'Book another time',
  'waitlist.myWaitlist': 'My waitlist',
  'waitlist.myBookings': 'My bookings',
  'waitlist.joinGone':
    'That provider or service is not taking bookings any more. Send /book to pick a time.',
  'waitlist.joinBadDays':
    "I can't wait for {when}: those days are past or too far apart (two months at most). Send /book to pick a time.",
  'waitlist.joined':
    "You're on the waitlist for {service} with {provider} on {when}. I'll message you if a time opens; /waitlist shows or removes it.",
  'waitlist.freeNow': 'There is a free time then right now: send /book to take it.',
  'waitlist.askForDays':
    'Tell me the days to watch, for example "tell me if something opens on Friday morning" or "/waitlist next week".',
  'waitlist.empty': "You're not waiting for anything. /book",
  'waitlist.listHeading': "You're on the waitlist for:",
  'waitlist.listLine': '{index}. {entry}',
  'waitlist.more': '…and {count} more.',
  'waitlist.willMessage': "I'll message you when a time opens.",
  'waitlist.remove': 'Remove {index}',
  'waitlist.alreadyOff': 'That one was already off the list.',
  'waitlist.removed': 'Removed.',
  'waitlist.removedEntry': 'Removed: {entry}.',
  'waitlist.waitButton': 'Tell me if a time opens',
  'waitlist.offerWhen': '{day} {clock}',
  'waitlist.offerOpened': 'Good news: {when} with {provider} ({service}, {duration}) just opened.',
  'waitlist.offerKept': 'It is kept for you until {clock} ({zone}). Book it?',
  'waitlist.offerNext':
    'If you do not answer by then, it goes to the next person waiting; your place in line for other times stays. Send /waitlist to see what you are waiting for.',
  'waitlist.noThanks': 'No thanks',
  'waitlist.mailSubject': 'A time opened: {when} with {provider}',
  'waitlist.mailHello': 'Hello {name},',
  'waitlist.mailOpened':
    '{when} ({city} time) with {provider} ({service}, {duration}) just opened.',
  'waitlist.mailKept':
    'It is kept for you until {clock}. Open your chat with us and press Book to take it.',
  'waitlist.mailNext': 'If you do not, it goes to the next person waiting.',
  'waitlist.offerForeign':
    'That offer was sent to someone else, so only they can take it. Send /book to find a time of your own.',
  'waitlist.bookingGone': 'That booking no longer exists.',
  'waitlist.offerTaken':
    "That time was given to someone else: the offer ended at {ends}. You're still on the waitlist for other times; /waitlist shows it.",
  'waitlist.failedStillWaiting':
    "{why} You're still on the waitlist for other times; /waitlist shows it.",
  'waitlist.bookedAlready': 'You already booked this time.',
  'waitlist.passedGone':
    "You said no thanks to that time, so it went to the next person. You're still on the waitlist for other times; /waitlist shows it.",
  'waitlist.offerEnded': 'That offer ended at {ends}. Send /book to pick another time.',
  'waitlist.passed': "OK, I'll offer it to the next person.",
  'waitlist.passedStillWaiting':
    "OK, I'll offer it to the next person. You're still on the waitlist for {entry}.",
  'waitlist.removeMe': 'Remove me from this waitlist',
  'waitlist.acceptedAlready': 'You already booked that time. /mybookings shows it.',
  'waitlist.passedAlready':
    "You already said no thanks to that time. You're still on the waitlist for other times; /waitlist shows it.",
} as const;
