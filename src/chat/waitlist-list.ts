// /waitlist: the client's entries, each with a Remove button; removing asks nothing (rejoining is
// cheap) and answers with the rest of the list.
import { leaveWaitlist } from '../waitlist/leave-waitlist.ts';
import { listWaitlist } from '../waitlist/list-waitlist.ts';
import { type ButtonData, commandData, flowData, newNonce } from './button-data.ts';
import { button, chatMessage } from './chat-message.ts';
import type { WaitlistState } from './conversation-state.ts';
import type { ClientTurn, TurnResult } from './turn.ts';
import { entryLine, readWaitNames } from './waitlist-lines.ts';

/** Remove buttons fit five rows of a message (every platform's limit). */
const MAX_SHOWN = 5;

/**
 * Lists the client's waiting entries (the first five, line order) with a Remove button each;
 * none: says so and points at /book. `lead` goes first.
 */
export async function showWaitlist(turn: ClientTurn, lead: string[] = []): Promise<TurnResult> {
  const entries = await listWaitlist(turn.deps.db, turn.client.id, turn.now);
  if (entries.length === 0) {
    const text = [...lead, "You're not waiting for anything. /book"].join('\n');
    const book = button('Book', commandData('book'), 'primary');
    return { messages: [chatMessage(text, { buttons: [[book]] })], state: null };
  }
  const shown = entries.slice(0, MAX_SHOWN);
  const names = await readWaitNames(turn.deps.db, shown);
  const nonce = newNonce();
  const text = [
    ...lead,
    "You're on the waitlist for:",
    ...shown.map((entry, i) => `${i + 1}. ${entryLine(names, entry)}`),
    entries.length > shown.length ? `…and ${entries.length - shown.length} more.` : '',
    "I'll message you when a time opens.",
  ].filter((line) => line.length > 0);
  const rows = shown.map((_, i) => [button(`Remove ${i + 1}`, flowData(nonce, 'wr', i), 'danger')]);
  const state: WaitlistState = {
    kind: 'waitlist',
    nonce,
    step: 'list',
    options: shown.map((entry) => entry.id),
    providerId: null,
    wish: null,
  };
  return { messages: [chatMessage(text.join('\n'), { buttons: rows })], state };
}

/** Remove pressed on the list: leaves that entry and shows the rest; null when it does not fit. */
export async function removeListed(
  turn: ClientTurn,
  s: WaitlistState,
  data: Extract<ButtonData, { kind: 'flow' }>,
): Promise<TurnResult | null> {
  const entryId = data.index === null ? undefined : s.options[data.index];
  if (s.step !== 'list' || entryId === undefined) return null;
  const entry = (await listWaitlist(turn.deps.db, turn.client.id, turn.now)).find(
    (e) => e.id === entryId,
  );
  const left = await leaveWaitlist(turn.deps.db, { clientId: turn.client.id, entryId }, turn.now);
  if (!left.ok) return showWaitlist(turn, ['That one was already off the list.']);
  // An offer it held is withdrawn: the next person in line may have it now.
  await turn.deps.waitlist?.nudge(left.value.providerId);
  if (entry === undefined) return showWaitlist(turn, ['Removed.']);
  const names = await readWaitNames(turn.deps.db, [entry]);
  return showWaitlist(turn, [`Removed: ${entryLine(names, entry)}.`]);
}
