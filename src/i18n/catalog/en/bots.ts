// English: what the chat adapters say themselves: apologies, hints, Slack's modal and App Home.
export const enBots = {
  'bots.apology':
    'Sorry, something went wrong on our side. Please try again in a moment, or send /help.',
  'bots.apologyShort': 'Sorry, something went wrong on our side. Please try again in a moment.',
  'bots.unreadable':
    'I can only read text messages and button presses. Send /book to book, or /help.',
  'bots.paymentsOff':
    'Paying in Telegram is not available just now, so nothing was charged. Send /mybookings to pay another way.',
  'bots.checkFailed':
    'I could not check your booking just now, so nothing was charged. Please try again in a moment, or send /mybookings.',
  'bots.answerInDm': 'I will answer in our DM.',
  'bots.actedBy': 'by {actor}',
  'bots.declineTitle': 'Decline request',
  'bots.declineSubmit': 'Decline',
  'bots.declineClose': 'Cancel',
  'bots.declineReason': 'Reason (optional, shown to the client)',
  'bots.appHome':
    'Hi! I book appointments. Send /book to find a time, /mybookings to see yours, /help for more.\nProviders: /link connects your account; then this tab shows your day.',
} as const;
