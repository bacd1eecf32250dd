// A Slack user in Berlin paying for a booking: slash commands and DMs in, the fake's records out,
// the Pay link (a url button) apart from the engine's buttons.
import type { PaidShown, PaidUser } from '../paid-walks.ts';
import type { ShownMessage } from './slack-conversation.ts';
import type { SlackHarness } from './slack-harness.ts';
import { newSlackUser, slackDmUser } from './slack-transcript-user.ts';

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
  const dm = newSlackUser(
    harness,
    (n) => `UPAYER${n}`,
    (n) => ({ name: `payer${n}`, realName: 'Pat Payer', tz: 'Europe/Berlin' }),
  );
  const screen = () => screenOf(harness, dm.channel);
  const tag = { trigger: 'paid', event: 'EvPaid', seconds: '1700007000' };
  return { ...dm, ...slackDmUser(harness, dm, screen, toShown, tag) };
}
