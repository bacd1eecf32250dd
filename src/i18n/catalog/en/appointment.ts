// English: the words about one appointment that go to its provider or its client.
export const enAppointment = {
  'appointment.requestFrom': 'Booking request from {client}',
  'appointment.serviceLine': '{service} ({duration}, {price})',
  'appointment.notes': 'Notes: {notes}',
  'appointment.approve': 'Approve',
  'appointment.decline': 'Decline',
  'appointment.newBooking': 'New booking: {client} booked {service} ({price})\n{when}',
  'appointment.join': 'Join: {link}',
  'appointment.linkComing':
    'The video link is being made; /mybookings shows it in a moment, and the reminders carry it.',
  'appointment.what': '{service} with {provider}\n{when}',
  'appointment.requested':
    "Requested: {what}\nThis is waiting for the provider's approval; I'll message you when {provider} answers.",
  'appointment.booked': "Booked: {what}\nIt's confirmed.",
  'appointment.nowStatus': '{what}\nThis booking is now {status}.',
  'appointment.approved':
    "Good news: {provider} approved your booking.\n{service}\n{when}\nIt's confirmed.",
  'appointment.declined': '{provider} declined your request for {service} on {when}.',
  'appointment.reason': 'Reason: {reason}',
  'appointment.bookAgain': 'Send /book to pick another time.',
  'appointment.cancelledByClient': '{client} cancelled {service}\n{when}',
  'appointment.moved': '{client} moved {service} from {from} to:',
  'appointment.stillDueIfCancelled':
    'It is less than {hours} hours before the start, so the {price} is still due.',
  'appointment.stillDue':
    'The {price} is still due (cancelled less than {hours} hours before the start).',
} as const;
