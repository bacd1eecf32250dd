// `/email [ADDRESS | off]`: a client sees, sets, changes or removes the address that booking
// confirmations and reminders go to. The address is shown to its owner, never logged.
import { updateClient } from '../catalog/update-client.ts';
import type { Client } from '../domain/catalog.ts';
import { ChatStoreError } from './chat-identity.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import type { ClientTurn } from './turn.ts';

/** The HTTP edge's rule (zod's email pattern), so both accept the same addresses. */
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const MAX_EMAIL = 320;

const HOW_TO =
  'To set or change it, send /email followed by your address, e.g. /email ada@example.com. ' +
  'Send /email off to stop emails.';

/**
 * Answers `/email` with `args`: nothing shows the current address and how to change it, 'off'
 * removes it, an address sets it; anything else gets a plain reply with the right form.
 */
export async function emailCommand(turn: ClientTurn, args: string): Promise<ChatMessage> {
  const typed = unwrapMailto(args.trim());
  if (typed === '') return chatMessage(`${currentEmail(turn.client)}\n${HOW_TO}`);
  if (typed.toLowerCase() === 'off') return removeEmail(turn);
  if (typed.length > MAX_EMAIL || !EMAIL.test(typed)) {
    return chatMessage(
      `"${typed.slice(0, 60)}" doesn't look like an email address, so nothing changed.\n${HOW_TO}`,
    );
  }
  await storeEmail(turn, typed);
  return chatMessage(
    `Done! I'll send confirmations and reminders to ${typed}.\n` +
      'Send /email with a new address to change it, or /email off to stop emails.',
  );
}

function currentEmail(client: Client): string {
  return client.email === null
    ? "You haven't set an email address, so I only message you here."
    : `I send confirmations and reminders to ${client.email}.`;
}

async function removeEmail(turn: ClientTurn): Promise<ChatMessage> {
  if (turn.client.email === null) {
    return chatMessage(
      "You haven't set an email address, so there was nothing to remove.\n" +
        'Send /email followed by your address to get confirmations and reminders by email.',
    );
  }
  await storeEmail(turn, null);
  return chatMessage(
    "Done: I won't send you emails any more; you'll still get messages here.\n" +
      'Send /email followed by your address to turn them back on.',
  );
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
