// One MailMessage as nodemailer options, shared by the SMTP and outbox mailers so both build
// the same RFC 822 message.
import type { SendMailOptions } from 'nodemailer';
import type { MailMessage } from './mail-types.ts';

/** The file name calendar clients expect for an iTIP attachment. */
const INVITE_FILENAME = 'invite.ics';

/**
 * Plain text mail; the invite goes in as nodemailer's icalEvent, which adds both the
 * text/calendar alternative (so Gmail/Outlook show Accept/Decline) and the .ics attachment.
 */
export function mailOptions(from: string, message: MailMessage, date: Date): SendMailOptions {
  const options: SendMailOptions = {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    date,
    ...(message.deliveryKey ? { messageId: `<${message.deliveryKey}@slotline>` } : {}),
  };
  if (message.invite) {
    options.icalEvent = {
      method: message.invite.method,
      filename: INVITE_FILENAME,
      content: message.invite.content,
    };
  }
  return options;
}
