// Tells a waitlisted client that a time opened for them: a DM to each chat, and a mail.
import { clientAddresses } from '../chat/chat-identity.ts';
import { MessengerError } from '../chat/chat-types.ts';
import { waitlistOfferMailText, waitlistOfferMessage } from '../chat/waitlist-offer-message.ts';
import { parseLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import { describeErrorSafely } from '../logging/describe-error-safely.ts';
import { MailRejectedError } from '../mail/mail-types.ts';
import { readOfferView } from '../waitlist/read-offer-view.ts';
import type { JobsDeps } from './jobs-deps.ts';
import type { WaitlistDmPayload } from './waitlist-plan.ts';

/**
 * Sends the offer to each of the client's chat identities, then mails it when the client has an
 * address, in the client's stored language (clients.language; none: DEFAULT_LANGUAGE). Nothing
 * is sent for an offer that is gone, no longer OPEN or already lapsed (a late retry must not
 * offer a time that went to the next in line). A refusal for good (blocked bot,
 * rejected address) is logged by ids and the rest still go out; any other error is thrown after
 * the rest were tried, so pg-boss retries the job (a retry may repeat a DM, as with notices).
 */
export async function sendWaitlistOffer(
  deps: JobsDeps,
  jobId: string,
  payload: WaitlistDmPayload,
): Promise<void> {
  const view = await readOfferView(deps.db, payload.offerId);
  if (view?.status !== 'OPEN' || view.expiresAt <= deps.clock()) return;
  const t = translatorFor(parseLanguage(view.clientLanguage) ?? deps.defaultLanguage ?? 'en');
  const message = waitlistOfferMessage(t, view);
  let transient: unknown = null;
  for (const address of await clientAddresses(deps.db, view.clientId)) {
    try {
      await deps.messenger.send(address, { ...message, replace: false });
    } catch (error) {
      if (!(error instanceof MessengerError)) transient = error;
      else refusedForGood(deps, payload, 'chat', error);
    }
  }
  if (view.clientEmail) {
    try {
      const mail = waitlistOfferMailText(t, view);
      await deps.mailer.send({ to: view.clientEmail, ...mail, invite: null, deliveryKey: jobId });
    } catch (error) {
      if (!(error instanceof MailRejectedError)) transient ??= error;
      else refusedForGood(deps, payload, 'email', error);
    }
  }
  if (transient !== null) throw transient;
}

function refusedForGood(
  deps: JobsDeps,
  payload: WaitlistDmPayload,
  channel: 'chat' | 'email',
  error: unknown,
): void {
  deps.logger.warn(
    { offerId: payload.offerId, channel, err: describeErrorSafely(error) },
    'waitlist offer refused for good',
  );
}
