// Sorts a nodemailer failure into the port's two outcomes: give up, or try again later.
import type { NodemailerError } from 'nodemailer';
import { MailRejectedError, MailUnavailableError } from './mail-types.ts';

/** Our own settings are wrong: retrying after a fix must still deliver, so never drop the mail. */
const SETUP_CODES = new Set(['EAUTH', 'ENOAUTH', 'ECONFIG', 'ETLS']);

/** Only reads the optional fields nodemailer sets; anything else thrown has none of them. */
function fieldsOf(error: unknown): Partial<NodemailerError> {
  return typeof error === 'object' && error !== null ? (error as NodemailerError) : {};
}

/**
 * 5xx replies (except 503, a session-state error that a new connection clears) and address
 * errors found before any reply are MailRejectedError; 4xx, 503, lost connections, timeouts
 * and our own SMTP setup problems are MailUnavailableError. The message names the SMTP code
 * and command only, because nodemailer's own message may quote the recipient's address; the
 * original error stays as `cause`.
 */
export function classifySendError(error: unknown): MailRejectedError | MailUnavailableError {
  const { code, responseCode, command } = fieldsOf(error);
  if (code !== undefined && SETUP_CODES.has(code)) {
    return new MailUnavailableError(`SMTP setup failed (${code})`, { cause: error });
  }
  if (typeof responseCode === 'number') {
    const what = `SMTP ${responseCode}${command ? ` on ${command}` : ''}`;
    const permanent = responseCode >= 500 && responseCode < 600 && responseCode !== 503;
    return permanent
      ? new MailRejectedError(`${what}: rejected`, { cause: error })
      : new MailUnavailableError(`${what}: try later`, { cause: error });
  }
  if (code === 'EENVELOPE') {
    return new MailRejectedError('invalid sender or recipient address', { cause: error });
  }
  return new MailUnavailableError(`mail server unreachable (${code ?? 'unknown'})`, {
    cause: error,
  });
}
