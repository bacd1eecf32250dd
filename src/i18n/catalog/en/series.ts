// English: the series messages.
export const enSeries = {
  'series.rhythm':
    '{weeks, plural, one {Every {day} at {clock} ({zone})} =2 {Every other {day} at {clock} ({zone})} other {Every # weeks on {day} at {clock} ({zone})}}',
  'series.rhythmInline':
    '{weeks, plural, one {every {day} at {clock} ({zone})} =2 {every other {day} at {clock} ({zone})} other {every # weeks on {day} at {clock} ({zone})}}',
  'series.heading':
    '{rhythm}, {count, plural, one {once} other {# times}}, {service} with {provider}',
  'series.when': '{day}, {clock}',
  'series.free': '✓ {when}',
  'series.refused': '✗ {when} ({why})',
  'series.refusedRun': '✗ {from} to {last}: {count, plural, one {# date} other {# dates}} ({why})',
  'series.why.taken': 'taken',
  'series.why.noShowLockout': 'not bookable after a missed appointment',
  'series.why.limitReached': 'booking limit reached',
  'series.why.past': 'already past',
  'series.why.tooSoon': 'too soon to book',
  'series.why.tooFar': 'too far ahead to book',
  'series.why.offGrid': 'not a start time',
  'series.why.blocked': 'the provider is away',
  'series.why.outsideHours': "outside the provider's hours",
  'series.takenMeanwhile':
    'Someone has just taken a date of this series. Here is how it stands now:',
  'series.bookAgain': 'Book again',
  'series.book': 'Book',
  'series.myBookings': 'My bookings',
  'series.booked':
    '{outcome, select, PENDING {Requested} AWAITING_PAYMENT {Held} other {Booked}} {done} of {total}: {service} with {provider}, {rhythm}',
  'series.skipped': 'Skipped:',
  'series.pendingFollowUp': "{provider} approves each one; I'll tell you.",
  'series.seeMyBookings': 'Send /mybookings to see them.',
  'series.heldFollowUp': 'Each is held until paid: /mybookings has a Pay button for each.',
  'series.bookedFollowUp':
    '/mybookings lists each one, to move or cancel it on its own or the whole series.',
  'series.alreadyBooked':
    'This series is already booked: that button was pressed before, so nothing was booked twice.',
  'series.cancelAsk': 'Cancel the whole series of {service} with {provider}?',
  'series.cancelDates':
    '{count, plural, one {Its 1 upcoming date goes} other {Its # upcoming dates go}}: {dates}.',
  'series.pastStay': 'Past dates stay as they are.',
  'series.stillDue': '{when} is less than {hours} hours away, so its {price} is still due.',
  'series.cancelYes': 'Yes, cancel the series',
  'series.keep': 'Keep it',
  'series.notYours': 'That series is no longer yours to cancel.',
  'series.gone': 'That series no longer exists.',
  'series.cancelledNone': 'Cancelled already: the series has no upcoming dates left.',
  'series.cancelled':
    'Cancelled: the series, {count, plural, one {# upcoming date} other {# upcoming dates}}',
  'series.dropped': '✗ {when}',
  'series.nobody': 'There is no one to book right now, sorry.',
  'series.nothingToBook':
    '{provider} has nothing to book right now. Send /book to choose someone else.',
  'series.choiceGone':
    '{what, select, provider {Sorry, that provider is no longer available. Send /book to start again.} other {Sorry, that service is no longer available. Send /book to start again.}}',
  'series.change': 'What would you like to change? Pick how many weeks, or another day or time.',
  'series.pickFirst':
    'Pick the first date and time; on the summary, press "{button}" to make it a series.',
  'series.capped': 'A series has at most {max} dates, so I planned {max}.',
  'series.askWeeksHeading': '{service} with {provider}, {rhythm}.',
  'series.howManyWeeks': 'How many weeks?',
  'series.weeks': '{count, plural, one {# week} other {# weeks}}',
  'series.previewHeading': '{heading}:',
  'series.allFree': '{count, plural, one {It is free.} other {All # are free.}}',
  'series.bookAll': 'Book all {count}',
  'series.someFree': '{free} of {total} are free.',
  'series.bookFree': '{count, plural, one {Book the 1 free one} other {Book the # free ones}}',
  'series.noneFree': 'None of these dates is free. Try another day or time, or /book a single one.',
  'series.changeButton': 'Change',
  'series.otherTime': 'Other day or time',
  'series.cancelButton': 'Cancel',
  'series.flowCancelled': 'Cancelled: nothing was booked. Send /book to start again.',
  'series.position':
    '{weeks, plural, one {weekly} =2 {every other week} other {every # weeks}}, {index} of {total}',
  'series.positionMoved':
    '{weeks, plural, one {weekly series} =2 {every other week series} other {every # weeks series}}',
} as const;
