// English: /start and /help: what the bot does and one line per command.
export const enHelp = {
  'help.intro': "I'm Slotline's booking assistant: I book appointments with providers for you.",
  'help.helloIntro':
    "Hi {name}! I'm Slotline's booking assistant: I book appointments with providers for you.",
  'help.forProviders': 'For providers:',
  'help.book':
    '/book: book an appointment. You can say more, e.g. /book massage with Anna tomorrow after 3pm',
  'help.bookSeries':
    '/book massage every Tuesday at 10 for 8 weeks: a weekly series; you see which dates are free before booking (or press Repeat weekly on a summary)',
  'help.mybookings': '/mybookings: your upcoming appointments, to reschedule or cancel',
  'help.waitlist':
    '/waitlist: what you are waiting for, to remove; /waitlist friday morning waits for a time to open',
  'help.timezone': '/timezone [CITY]: see or change your time zone, e.g. /timezone Tokyo',
  'help.email':
    '/email [ADDRESS]: see or set where confirmations and reminders are emailed; /email off stops them',
  'help.help': '/help: this message',
  'help.link':
    '/link CODE: are you a provider? Link this account with the code your admin gives you',
  'help.today':
    '/today: today’s appointments, with Approve and Decline on requests, and Complete and No-show once they have started',
  'help.requests': '/requests: every booking request waiting for you, with Approve and Decline',
  'help.week': '/week: your next 7 days by day, with Approve and Decline on requests',
  'help.block':
    '/block DATE [HH:MM-HH:MM]: block a day or part of it, e.g. /block 2026-12-24 12:00-14:00',
  'help.unblock': '/unblock DATE: remove your blocks on that day',
  'help.connectCommand': '/connect {slug}',
  'help.connect': '{usage}: sync your calendar both ways',
  'help.connectByAdmin':
    '{usage}: sync your calendar both ways; {kinds} are connected by your admin',
  'help.calendarKinds':
    '{kind, select, APPLE {Apple calendars} CALDAV {CalDAV calendars} other {{name}s}}',
  'help.sync': '/sync: check your connected calendar for new busy times now',
  'help.disconnect': '/disconnect: stop syncing your calendar',
} as const;
