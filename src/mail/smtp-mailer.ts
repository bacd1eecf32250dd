// The Mailer that hands messages to a real SMTP server (SMTP_URL).

import nodemailer from 'nodemailer';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import { classifySendError } from './classify-send-error.ts';
import { mailOptions } from './mail-options.ts';
import type { Mailer, MailMessage } from './mail-types.ts';

export type SmtpMailerOptions = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465. */
  readonly smtpUrl: string;
  /** The From header, e.g. 'Slotline <bookings@example.com>'. */
  readonly from: string;
  readonly logger: Logger;
  /** Stamps the Date header. */
  readonly clock: Clock;
};

/** A job must fail fast and retry rather than hold its worker for nodemailer's 2-10 minutes. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Reused connections: a connection per mail costs a handshake (and whatever greeting delay the
 * server keeps), which made a burst of 10,000 reminder mails late. Up to 10 at once (about the
 * mail workers of an instance), each
 * replaced after 100 messages, as nodemailer's pool does by default.
 */
const POOL = { pool: true, maxConnections: 10, maxMessages: 100 } as const;

export type SmtpMailer = Mailer & {
  /** Closes the pooled connections for good: at shutdown, after the last send. */
  close(): void;
};

/**
 * A Mailer over one SMTP server, on a small pool of reused connections (close() them at
 * shutdown). Throws at once when the URL is not smtp:// or smtps://. send() rejects with
 * MailRejectedError (5xx, bad address) or MailUnavailableError (4xx, unreachable, timeout).
 */
export function createSmtpMailer(options: SmtpMailerOptions): SmtpMailer {
  const protocol = URL.canParse(options.smtpUrl) ? new URL(options.smtpUrl).protocol : '';
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    throw new Error('SMTP_URL must start with smtp:// or smtps://');
  }
  const transport = nodemailer.createTransport({ url: options.smtpUrl, ...TIMEOUTS, ...POOL });
  return {
    async send(message: MailMessage): Promise<void> {
      try {
        await transport.sendMail(mailOptions(options.from, message, options.clock()));
      } catch (error) {
        throw classifySendError(error);
      }
      options.logger.info({ ...message.about }, 'mail sent over SMTP');
    },
    close: () => transport.close(),
  };
}
