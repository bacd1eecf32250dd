// A Slack user in Berlin paying for a booking: slash commands and DMs in, the fake's records out,
// the Pay link (a url button) apart from the engine's buttons.
import { expect } from 'vitest';
import { eventBody, slashCommandBody } from '../../fakes/slack-requests.ts';
import type { PaidShown, PaidUser } from '../paid-walks.ts';
import { click, type ShownMessage } from './slack-conversation.ts';
import { FORM, JSON_TYPE, type SlackHarness } from './slack-harness.ts';

let sent = 0;

type Element = { type: string; value?: string; url?: string; text?: { text: string } };
type Block = { type: string; elements?: Element[] };

/** Each message in `channel` as it now looks: engine buttons apart from the url button. */
export function screenOf(
  harness: SlackHarness,
  channel: string,
): (ShownMessage & { link: PaidShown['link'] })[] {
  const shown = new Map<string, ShownMessage & { link: PaidShown['link'] }>();
  for (const call of harness.api.calls) {
    const isMessage = call.method === 'chat.postMessage' || call.method === 'chat.update';
    if (!isMessage || call.args.channel !== channel || call.result?.ok !== true) continue;
    const ts = String(call.result.ts);
    const elements = ((call.args.blocks ?? []) as Block[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.type === 'button');
    const url = elements.find((e) => e.url !== undefined);
    shown.delete(ts);
    shown.set(ts, {
      channel,
      ts,
      text: String(call.args.text),
      buttons: elements
        .filter((e) => e.url === undefined)
        .map((e) => ({ label: e.text?.text ?? '', value: e.value ?? '' })),
      link: url ? { label: url.text?.text ?? '', url: url.url ?? '' } : null,
    });
  }
  return [...shown.values()];
}

const toShown = (m: ShownMessage & { link: PaidShown['link'] }): PaidShown => ({
  text: m.text,
  buttons: m.buttons.map((b) => b.label),
  link: m.link,
});

/** A Slack user in Berlin in their DM with the bot: /commands as slash commands. */
export function slackPayer(
  harness: SlackHarness,
): PaidUser & { readonly id: string; readonly channel: string } {
  sent += 1;
  const id = `UPAYER${sent}`;
  const channel = `D${id}`;
  harness.api.users.set(id, { name: `payer${sent}`, realName: 'Pat Payer', tz: 'Europe/Berlin' });
  const screen = () => screenOf(harness, channel);
  const answered = async (act: () => Promise<Response>): Promise<PaidShown[]> => {
    const before = new Map(screen().map((m) => [m.ts, JSON.stringify(m)]));
    expect((await act()).status).toBe(200);
    await harness.adapter.idle();
    return screen()
      .filter((m) => before.get(m.ts) !== JSON.stringify(m))
      .map(toShown);
  };
  return {
    id,
    channel,
    say(text) {
      sent += 1;
      const slash = /^\/(\S+)\s*(.*)$/.exec(text);
      const body = slash
        ? slashCommandBody({
            command: `/${slash[1]}`,
            text: slash[2] ?? '',
            userId: id,
            triggerId: `paid-${sent}`,
          })
        : eventBody(`EvPaid${sent}`, {
            type: 'message',
            channel_type: 'im',
            channel,
            user: id,
            text,
            ts: `1700007000.${String(sent).padStart(6, '0')}`,
          });
      return answered(() => harness.send(body, slash ? FORM : JSON_TYPE));
    },
    press(label) {
      const message = screen()
        .reverse()
        .find((m) => m.buttons.some((b) => label.test(b.label)));
      if (!message) throw new Error(`no button matching ${label} in ${channel}`);
      return answered(() => click(harness, id, message, (b) => label.test(b.label)));
    },
    screen: async () => screen().map(toShown),
  };
}
