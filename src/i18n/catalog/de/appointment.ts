// German: the words about one appointment that go to its provider or its client.
import type { CatalogPart } from '../catalog-types.ts';
import type { enAppointment } from '../en/appointment.ts';

export const deAppointment: CatalogPart<typeof enAppointment> = {
  'appointment.requestFrom': 'Buchungsanfrage von {client}',
  'appointment.serviceLine': '{service} ({duration}, {price})',
  'appointment.notes': 'Notizen: {notes}',
  'appointment.approve': 'Annehmen',
  'appointment.decline': 'Ablehnen',
  'appointment.newBooking': 'Neue Buchung: {client} hat {service} gebucht ({price})\n{when}',
  'appointment.join': 'Teilnehmen: {link}',
  'appointment.linkComing':
    'Der Videolink wird gerade erstellt; /mybookings zeigt ihn gleich, und die Erinnerungen enthalten ihn.',
  'appointment.what': '{service} bei {provider}\n{when}',
  'appointment.requested':
    'Angefragt: {what}\nDas wartet auf die Bestätigung; ich schreibe Ihnen, sobald {provider} antwortet.',
  'appointment.booked': 'Gebucht: {what}\nDer Termin ist bestätigt.',
  'appointment.nowStatus': '{what}\nDiese Buchung ist jetzt: {status}.',
  'appointment.approved':
    'Gute Nachricht: {provider} hat Ihre Buchung angenommen.\n{service}\n{when}\nDer Termin ist bestätigt.',
  'appointment.declined': '{provider} hat Ihre Anfrage für {service} am {when} abgelehnt.',
  'appointment.reason': 'Grund: {reason}',
  'appointment.bookAgain': 'Senden Sie /book, um eine andere Zeit zu wählen.',
  'appointment.cancelledByClient': '{client} hat {service} abgesagt\n{when}',
  'appointment.moved': '{client} hat {service} von {from} verschoben auf:',
  'appointment.stillDueIfCancelled':
    'Es sind weniger als {hours} Stunden bis zum Beginn, daher bleiben {price} fällig.',
  'appointment.stillDue':
    'Die {price} bleiben fällig (weniger als {hours} Stunden vor Beginn abgesagt).',
} as const;
