// English: the small web pages a person reads in their browser (payment return, calendar connect).
export const enPages = {
  'pages.paid':
    'Payment received — you can go back to your chat. Your booking is confirmed there in a moment.',
  'pages.cancelled':
    'Payment cancelled — nothing was charged. Go back to your chat to pay with the same link before the hold ends, or to release the time.',
  'pages.notAvailable': 'Not available',
  'pages.syncOff': 'Calendar sync is not running on this server.',
  'pages.cannotConnect': 'Cannot connect',
  'pages.notConnected': 'Not connected',
  'pages.connected': '{calendar} connected',
  'pages.connectedText':
    'Your bookings will appear in your calendar, and busy times there will block bookings within seconds. You can close this tab.',
  'pages.refused': '{calendar} refused the connection. Please ask for a new link and try again.',
  'pages.unreachable': '{calendar} could not be reached. Please try the link again in a minute.',
  'pages.failure.PROVIDER_NOT_FOUND': 'No such provider.',
  'pages.failure.NOT_CONNECTED': 'The provider has no calendar connected.',
  'pages.failure.CALENDAR_NOT_CONFIGURED':
    'This calendar service is not configured on this server.',
  'pages.failure.STATE_INVALID': 'The connection link is not valid; ask for a new one.',
  'pages.failure.STATE_EXPIRED': 'The connection link expired; ask for a new one.',
  'pages.failure.STATE_USED': 'The connection link was already used; ask for a new one.',
  'pages.failure.CONSENT_DENIED': 'Access to the calendar was not granted.',
  'pages.failure.CREDENTIALS_REFUSED':
    'The calendar refused the credentials; please connect it again.',
  'pages.failure.NO_CALENDAR': 'The account has no calendar for events.',
  'pages.failure.CALENDAR_UNAVAILABLE':
    'The calendar server could not be reached; try again later.',
} as const;
