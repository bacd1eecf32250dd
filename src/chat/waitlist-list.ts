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
  const { t } = turn;
  const entries = await listWaitlist(turn.deps.db, turn.client.id, turn.now);
  if (entries.length === 0) {
    const text = [...lead, t.t('waitlist.empty')].join('\n');
    const book = button(t.t('waitlist.book'), commandData('book'), 'primary');
    return { messages: [chatMessage(text, { buttons: [[book]] })], state: null };
  }
  const shown = entries.slice(0, MAX_SHOWN);
  const names = await readWaitNames(turn.deps.db, shown);
  const nonce = newNonce();
  const text = [
    ...lead,
    t.t('waitlist.listHeading'),
    ...shown.map((entry, i) =>
      t.t('waitlist.listLine', { index: i + 1, entry: entryLine(t, names, entry) }),
    ),
    entries.length > shown.length
      ? t.t('waitlist.more', { count: entries.length - shown.length })
      : '',
    t.t('waitlist.willMessage'),
  ].filter((line) => line.length > 0);
  const rows = shown.map((_, i) => [
    button(t.t('waitlist.remove', { index: i + 1 }), flowData(nonce, 'wr', i), 'danger'),
  ]);
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
  if (!left.ok) return showWaitlist(turn, [turn.t.t('waitlist.alreadyOff')]);
  // An offer it held is withdrawn: the next person in line may have it now.
  await turn.deps.waitlist?.nudge(left.value.providerId);
  if (entry === undefined) return showWaitlist(turn, [turn.t.t('waitlist.removed')]);
  const names = await readWaitNames(turn.deps.db, [entry]);
  const removed = turn.t.t('waitlist.removedEntry', { entry: entryLine(turn.t, names, entry) });
  return showWaitlist(turn, [removed]);
}
