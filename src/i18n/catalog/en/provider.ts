// English: what a linked provider reads in chat: requests, today, the week, blocks, /link.
export const enProvider = {
  'provider.onlyProvider':
    'Only the provider of this appointment can do that. Providers link this chat with /link CODE.',
  'provider.otherProvider':
    'That appointment belongs to another provider, so you cannot change it.',
  'provider.approvedBy': 'Approved by {by}.',
  'provider.declinedBy': 'Declined by {by}.',
  'provider.declinedByWithReason': 'Declined by {by}. Reason: {reason}',
  'provider.alreadyHandled':
    'This request was already handled: the appointment is {status}. Nothing changed.',
  'provider.yourWeekButton': 'Your week',
  'provider.waitingButton': 'Waiting requests ({count})',
  'provider.markedCompleted': "Marked {client}'s {clock} {service} as completed (by {by}).",
  'provider.markedNoShow': "Marked {client}'s {clock} {service} as a no-show (by {by}).",
  'provider.blockUsage':
    'Usage: /block DATE [HH:MM-HH:MM], e.g. /block 2026-12-24 or /block tomorrow 12:00-14:00 (your time zone). Without times the whole day is blocked.',
  'provider.unblockUsage': 'Usage: /unblock DATE, e.g. /unblock 2026-12-24.',
  'provider.blockInvalid': "I couldn't block that: {problem}.\n{usage}",
  'provider.blockedSpan':
    'Blocked {from}–{to} on {day} ({city} time). Bookings already made then stay as they are. Undo with /unblock {date}.',
  'provider.blockedDay':
    'Blocked the whole day on {day} ({city} time). Bookings already made then stay as they are. Undo with /unblock {date}.',
  'provider.nothingBlocked': 'Nothing was blocked on {day}.',
  'provider.unblocked':
    'Unblocked {day}: removed {count, plural, one {# block} other {# blocks}}; your usual hours apply again.',
  'provider.requestsUsage':
    'Send /requests for the requests waiting for you, or /requests 2 for page 2.',
  'provider.noRequests': 'No booking requests are waiting for you.',
  'provider.requestsTitle':
    '{count, plural, one {# booking request waits} other {# booking requests wait}} for you ({city} time):',
  'provider.approveLabel': 'Approve {label}',
  'provider.declineLabel': 'Decline {label}',
  'provider.requestLine': '{day}, {span}: {service} for {client}.',
  'provider.requestLineNotes': '{day}, {span}: {service} for {client}. Notes: {notes}',
  'provider.profileGone': 'Your provider profile no longer exists.',
  'provider.todayTitle': 'Today, {day} ({city} time):',
  'provider.nothingBooked': 'Nothing booked.',
  'provider.dayLine': '{span} {service}, {client} ({status})',
  'provider.dayLineWaiting': '⏳ {span} {service}, {client} ({status})',
  'provider.buttonsFirst':
    '(Buttons for the first {count}; send /today again for the rest, or /requests.)',
  'provider.buttonWho': '{clock} {client}',
  'provider.completeLabel': 'Complete {label}',
  'provider.noShowLabel': 'No-show {label}',
  'provider.weekUsage': 'Send /week for your next 7 days, or /week 2 for page 2.',
  'provider.weekTitle': 'Your week, {from} – {to} ({city} time):',
  'provider.weekWaiting': '{count, plural, other {# waiting for your approval, marked ⏳.}}',
  'provider.weekDay': '{day}:',
  'provider.weekButtonWhen': '{day} {clock}',
  'provider.linkUsage': 'Send /link followed by the code your admin gave you, e.g. /link ABCD2345.',
  'provider.linked':
    'Linked: this chat now acts as {provider}. Booking requests and changes will reach you here.\nProvider commands: {commands}; /help explains each.',
  'provider.codeUnknown': "That code doesn't exist. Check it, or ask your admin for a new one.",
  'provider.codeUsed': 'That code was already used. Ask your admin for a new one.',
  'provider.codeExpired':
    'That code has expired (codes last 15 minutes). Ask your admin for a new one.',
} as const;
