// English: the words messages (plain-words replies, the way on, time wishes, parts of the day).
export const enWords = {
  'words.wishAt': 'at {clock}',
  'words.wishFrom': 'from {clock}',
  'words.wishBefore': 'before {clock}',
  'words.wishBetween': 'between {from} and {to}',
  'words.partMorning': 'morning',
  'words.partAfternoon': 'afternoon',
  'words.partEvening': 'evening',
  'words.notUnderstood': 'Sorry, I didn\'t understand "{words}".',
  'words.canDo':
    'I can book appointments (/book) and show, move or cancel yours (/mybookings). For example "book a massage tomorrow at 10", "what have I booked?" or "cancel my appointment".',
  'words.onward':
    'Please pick one of the buttons above, or tell me what you would like. For example "book a massage tomorrow at 10", "what have I booked?" or "cancel my appointment".',
  'words.buttonBook': 'Book',
  'words.buttonMyBookings': 'My bookings',
  'words.buttonHelp': 'Help',
  'words.greet': 'Hi {name}!',
  'words.whichToCancel': 'Which one would you like to cancel? Press its Cancel button.',
  'words.whichToMove': 'Which one would you like to move? Press its Reschedule button.',
  'words.currently': 'Currently {when}.',
} as const;
