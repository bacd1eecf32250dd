// Test helper: follows a Slack conversation through the fake's records and clicks its buttons.
import type { FakeSlackApi } from '../../fakes/slack-api.ts';
import { blockActionsPayload, interactionBody } from '../../fakes/slack-requests.ts';
import { FORM, type SlackHarness } from './slack-harness.ts';

export type ShownMessage = {
  readonly channel: string;
  readonly ts: string;
  readonly text: string;
  readonly buttons: { label: string; value: string }[];
};

type Block = {
  type: string;
  elements?: { type: string; value?: string; text?: { text: string } }[];
};

/** Every message in `channel` as it now looks, least recently posted or updated first. */
export function shownMessages(api: FakeSlackApi, channel: string): ShownMessage[] {
  const shown = new Map<string, ShownMessage>();
  for (const call of api.calls) {
    const isMessage = call.method === 'chat.postMessage' || call.method === 'chat.update';
    if (!isMessage || call.args.channel !== channel || call.result?.ok !== true) continue;
    const ts = String(call.result.ts);
    shown.delete(ts);
    shown.set(ts, toShown(channel, ts, call.args));
  }
  return [...shown.values()];
}

function toShown(channel: string, ts: string, args: Record<string, unknown>): ShownMessage {
  const blocks = (args.blocks ?? []) as Block[];
  const buttons = blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === 'button')
    .map((e) => ({ label: e.text?.text ?? '', value: e.value ?? '' }));
  return { channel, ts, text: String(args.text), buttons };
}

let clicks = 0;

export type ShownButton = ShownMessage['buttons'][number];

/**
 * Clicks the first button on `message` that `pick` accepts, as `userId`, and waits for the
 * adapter's work. `actionTs` (default: a fresh one) lets a test repeat a delivery.
 */
export async function click(
  harness: SlackHarness,
  userId: string,
  message: ShownMessage,
  pick: (button: ShownButton) => boolean,
  actionTs?: string,
): Promise<Response> {
  const button = message.buttons.find(pick);
  if (button === undefined) {
    const labels = message.buttons.map((b) => b.label).join(', ');
    throw new Error(`no such button on: ${message.text} [${labels}]`);
  }
  clicks += 1;
  const payload = blockActionsPayload({
    userId,
    value: button.value,
    actionTs: actionTs ?? `1700001000.${String(clicks).padStart(6, '0')}`,
    triggerId: `click-${clicks}`,
    channel: message.channel,
    messageTs: message.ts,
  });
  const response = await harness.send(interactionBody(payload), FORM);
  await harness.adapter.idle();
  return response;
}

/** The most recent message shown in `channel`. */
export function lastShown(api: FakeSlackApi, channel: string): ShownMessage {
  const all = shownMessages(api, channel);
  const last = all.at(-1);
  if (last === undefined) throw new Error(`nothing shown in ${channel}`);
  return last;
}
