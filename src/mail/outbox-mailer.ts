// The Mailer for when SMTP_URL is unset: each message becomes a real .eml file on disk.

import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import { mailOptions } from './mail-options.ts';
import type { Mailer, MailMessage } from './mail-types.ts';
import { MailUnavailableError } from './mail-types.ts';

/** The outbox holds names and addresses: only the app's own user may list or read it. */
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

export type OutboxMailerOptions = {
  /** Where the .eml files go, e.g. '.data/mail'; created when missing, made 0700 when not. */
  readonly dir: string;
  /** The From header written into each file. */
  readonly from: string;
  readonly logger: Logger;
  /** Names the file and stamps the Date header. */
  readonly clock: Clock;
};

/**
 * 'mail-<delivery key>.eml' when the message has one, so a repeated attempt finds its file and
 * writes nothing; else '2026-12-01T14-00-00-000Z-3f9a1c2b.eml' (sorts by time, and the random
 * part keeps two messages of the same millisecond apart).
 */
function fileName(message: MailMessage, now: Date): string {
  if (message.deliveryKey) return `mail-${message.deliveryKey.replace(/[^A-Za-z0-9-]/g, '_')}.eml`;
  return `${now.toISOString().replaceAll(':', '-').replace('.', '-')}-${randomBytes(4).toString('hex')}.eml`;
}

/**
 * A Mailer that keeps mail instead of sending it, so a newcomer without SMTP can open what
 * would have gone out in any mail client. Builds the message with nodemailer's stream
 * transport (CRLF line ends, as RFC 5322 wants) so it matches what SMTP would carry.
 * Invariants: before each file is written the folder is mode 0700 (an existing folder with a
 * wider mode is narrowed), and each file is created new with mode 0600, whatever the umask.
 * A message with a deliveryKey is kept once however often it is sent (a job retried after its
 * mail went out). Logs the mail's kind and ids (message.about) and the file's path, never an
 * address or subject.
 * send() rejects with MailUnavailableError when the folder or file cannot be made so.
 */
export function createOutboxMailer(options: OutboxMailerOptions): Mailer {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });
  return {
    async send(message: MailMessage): Promise<void> {
      const now = options.clock();
      const info = await transport.sendMail(mailOptions(options.from, message, now));
      const path = join(options.dir, fileName(message, now));
      try {
        await mkdir(options.dir, { recursive: true, mode: FOLDER_MODE });
        // mkdir leaves an existing folder as it was, and its mode is cut by the umask.
        await chmod(options.dir, FOLDER_MODE);
        await writeFile(path, info.message as Buffer, { mode: FILE_MODE, flag: 'wx' });
        await chmod(path, FILE_MODE);
      } catch (error) {
        // Kept already by an earlier attempt whose job was not marked done: once is enough.
        if (message.deliveryKey && (error as NodeJS.ErrnoException).code === 'EEXIST') return;
        throw new MailUnavailableError('could not write the outbox file', { cause: error });
      }
      options.logger.info(
        { ...message.about, path },
        'mail kept in the outbox (SMTP_URL is unset)',
      );
    },
  };
}
