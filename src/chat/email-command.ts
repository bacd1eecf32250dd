// `/email [ADDRESS | off]`: a client sees, sets, changes or removes the address that booking
// confirmations and reminders go to. The address is shown to its owner, never logged.
import { updateClient } from '../catalog/update-client.ts';
import type { Client } from '../domain/catalog.ts';
import type { Translator } from '../i18n/translator.ts';
import { ChatStoreError } from './chat-identity.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import type { ClientTurn } from './turn.ts';

/** The HTTP edge's rule (zod's email pattern), so both accept the same addresses. */
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const MAX_EMAIL = 320;

/**
 * Answers `/email` with `args`: nothing shows the current address and how to change it, 'off'
 * removes it, an address sets it; anything else gets a plain reply with the right form.
 */
export async function emailCommand(turn: ClientTurn, args: string): Promise<ChatMessage> {
  const { t } = turn;
  const typed = unwrapMailto(args.trim());
  const howTo = t.t('booking.emailHowTo');
  if (typed === '') return chatMessage([currentEmail(t, turn.client), howTo].join('\n'));
  if (typed.toLowerCase() === 'off') return removeEmail(turn);
  if (typed.length > MAX_EMAIL || !EMAIL.test(typed)) {
    const invalid = t.t('booking.emailInvalid', { typed: typed.slice(0, 60) });
    return chatMessage([invalid, howTo].join('\n'));
  }
  await storeEmail(turn, typed);
  return chatMessage(t.t('booking.emailSet', { email: typed }));
}

function currentEmail(t: Translator, client: Client): string {
  return client.email === null
    ? t.t('booking.emailNone')
    : t.t('booking.emailCurrent', { email: client.email });
}

async function removeEmail(turn: ClientTurn): Promise<ChatMessage> {
  if (turn.client.email === null) return chatMessage(turn.t.t('booking.emailNothingToRemove'));
  await storeEmail(turn, null);
  return chatMessage(turn.t.t('booking.emailRemoved'));
}

/** Saves `email` (null: none) on the turn's client; the client vanishing is a fault. */
async function storeEmail(turn: ClientTurn, email: string | null): Promise<void> {
  const updated = await updateClient(turn.deps.db, turn.client.id, { email });
  if (!updated.ok) throw new ChatStoreError(`could not store the email address: ${updated.code}`);
}

/** Slack and some clients send a typed address as a link: '<mailto:a@b.c|a@b.c>' or 'mailto:a@b.c'. */
function unwrapMailto(text: string): string {
  const linked = /^<mailto:([^|>]*)(?:\|[^>]*)?>$/i.exec(text);
  return (linked?.[1] ?? text).replace(/^mailto:/i, '');
}
