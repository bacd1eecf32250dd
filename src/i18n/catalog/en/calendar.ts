// English: connecting, syncing and disconnecting a provider's calendar, and its news by DM.
export const enCalendar = {
  'calendar.name':
    '{kind, select, GOOGLE {Google Calendar} OUTLOOK {Outlook} APPLE {Apple calendar} CALDAV {CalDAV calendar} other {{name}}}',
  'calendar.credential':
    '{kind, select, APPLE {an app-specific password} CALDAV {a server address and password} other {{credential}}}',
  'calendar.notSetUpServer': 'Calendar sync is not set up on this server.',
  'calendar.usage': 'Send {choices}.',
  'calendar.usageByAdmin': 'Send {choices} ({kinds} are connected by your admin).',
  'calendar.connectLink':
    'Open this link to connect your {name} (it works once, for 15 minutes):\n{url}\nAfterwards your bookings appear there, and busy times there block bookings here.',
  'calendar.kindNotSetUp':
    '{name} is not set up on this server; ask your admin which calendars are.',
  'calendar.askAdmin':
    '{kinds} need {credential}, which should not be sent in chat. Ask your admin to connect it with POST /api/providers/:id/calendar/{slug}.',
  'calendar.disconnected':
    'Disconnected your {name}. Its events no longer block bookings, and new bookings stay out of it.',
  'calendar.serviceNotSetUp':
    'That calendar service is not set up on this server; ask your admin which calendars are.',
  'calendar.noneConnected': 'You have no calendar connected. Send {choices}.',
  'calendar.profileGone':
    'Your provider profile no longer exists. Ask your admin for a new /link code.',
  'calendar.didNotWork': 'That did not work. {usage}',
  'calendar.syncing':
    'Checking your {name} now. Busy times there block bookings here within a minute.',
  'calendar.refused':
    'Your calendar refused the stored sign-in, so it cannot be checked. Connect it again (/connect, or ask your admin).',
  'calendar.conflict':
    "Heads-up: an event in your {name} overlaps {client}'s {service} on {when}. Nothing was cancelled; cancel or move one of them if needed.",
  'calendar.broken':
    'Your {name} connection stopped working (access was revoked or expired), so bookings no longer sync with it. Reconnect with {how}.',
  'calendar.reconnectApi': 'the calendar API (POST /api/providers/:id/calendar/{slug})',
} as const;
