// English: the timezone messages.
export const enTimezone = {
  'timezone.ask':
    'Which time zone are you in? Pick one, or type your city (e.g. "New York") or a zone name such as Europe/Paris.',
  'timezone.change':
    'To change it, pick one or type your city (e.g. "New York") or a zone name such as Europe/Paris.',
  'timezone.unknown': 'I don\'t know "{words}" as a city or time zone.',
  'timezone.yours': 'Your time zone is {zone}.',
  'timezone.saved': "Thanks! I'll show times in your time zone, {zone}.",
  'timezone.next': 'Send /book to book an appointment, or /help to see everything I can do.',
  'timezone.hintNote':
    "I'm using {zone} from {origin, select, web {your browser} slack {your Slack profile} telegram {your Telegram settings} other {your Discord settings}}; /timezone to change.",
} as const;
