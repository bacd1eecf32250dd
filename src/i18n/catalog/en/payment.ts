// English: the payment messages.
export const enPayment = {
  'payment.notYours':
    'That button is not for a booking of yours. Send /mybookings to see yours, or /book to book.',
  'payment.releaseFailed':
    'I could not release it just now. Unpaid, the hold ends by itself at {until} (your time) and nothing is charged. Send /book to pick another time.',
  'payment.released':
    'Released: {service} with {provider}, {when}. Nothing was charged. Send /book to pick another time.',
  'payment.holdGone':
    '{service} with {provider}, {when} is no longer held, so the time was released and nothing was charged. Send /book to pick a time again.',
  'payment.holdLapsed':
    '{service} with {provider}, {when} was held until {until} (your time), and that has passed, so the time was released and nothing was charged. Send /book to pick a time again.',
  'payment.alreadyPaid':
    '{service} with {provider}, {when} is already paid ({status}). Send /mybookings to see it.',
  'payment.heldForYou': 'Held for you: {service} with {provider}',
  'payment.payWithInvoice': 'Pay with the invoice below.',
  'payment.payButton': 'Pay {amount}',
  'payment.notChargeable':
    'This amount cannot be paid online, so the time cannot be booked here. Release the hold and ask {provider} directly, or send /book to pick something else.',
  'payment.pageDown':
    'The payment page could not be opened just now. Your time stays held; press Get payment link to try again in a moment.',
  'payment.getLink': 'Get payment link',
  'payment.bookingGone': 'That booking no longer exists. Send /book to pick a time.',
  'payment.invoiceDescription': '{service} with {provider}, {span}',
  'payment.invoiceLabel': '{service} ({amount})',
  'payment.releaseHold': 'Release the hold',
  'payment.dayClock': '{day}, {time}',
  'payment.deposit': '{amount} deposit',
  'payment.payBy': 'To book it, pay {amount} by {by} (your time).',
  'payment.remaining': 'The remaining {amount} is paid at the appointment.',
  'payment.unpaidReleased': 'Unpaid by then, the time is released and nothing is charged.',
  'payment.invoiceAlreadyPaid':
    'This booking is already paid, so nothing was charged. Send /mybookings to see it.',
  'payment.invoiceMismatch':
    'This invoice no longer matches what the booking costs, so nothing was charged. Send /mybookings and press Pay for a fresh one.',
  'payment.invoiceUnknown':
    'This invoice is not for a booking I know, so nothing was charged. Send /book to book.',
  'payment.holdEnded':
    'The hold on this time ended, so nothing was charged. Send /book to pick a time again.',
  'payment.holdEndedAt':
    'The hold on this time ended at {until} (your time), so nothing was charged. Send /book to pick a time again.',
  'payment.unmatched':
    'Your payment arrived, but I could not match it to a booking. Please keep the receipt and contact the provider; send /mybookings to see your bookings.',
  'payment.received': 'Payment received. Send /mybookings to see your bookings.',
  'payment.paidPending':
    "Paid — your request is waiting for the provider's approval: {service} with {provider}\n{when}\nI'll message you when {provider} answers; if they decline, the payment is refunded in full.",
  'payment.paidBooked': "Paid — you're booked: {service} with {provider}\n{when}",
  'payment.confirmed': "It's confirmed.",
  'payment.lateRefund':
    'Your payment came after the hold ended; it will be refunded in full. The time ({service} with {provider}, {when}) was released. Send /book to pick a time again.',
  'payment.mismatchRefund':
    'That payment did not match the amount due, so it will be refunded in full. {service} with {provider}, {when} stays held until {until} (your time); press Get payment link to pay the right amount.',
  'payment.secondRefund':
    '{service} with {provider}, {when} was already paid, so this second payment will be refunded in full. Send /mybookings to see the booking.',
} as const;
