// A request Anna gets on Telegram, Slack and the web: her press on Telegram updates the others.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { createLinkCode } from '../../src/chat/create-link-code.ts';
import { planRequestEdit } from '../../src/jobs/change-notice-plan.ts';
import { editSentRequests } from '../../src/jobs/edit-sent-requests.ts';
import { readEvents } from '../../src/jobs/outbox-relay.ts';
import {
  action,
  buttonData,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  NOW,
  say,
  seedCatalog,
} from './chat-harness.ts';

let h: ChatHarness;
const annaTelegram = chatUser('9301', 'Anna', { timezone: 'Europe/Berlin' });
const annaSlack = chatUser('U-ANNA3', 'Anna Weber', { platform: 'slack', timezone: 'UTC' });
const annaWeb = chatUser('anna-web', 'Anna', { platform: 'web', timezone: 'UTC' });
const cleo = chatUser('9302', 'Cleo', { timezone: 'Europe/London' });

/** The chat tests' relay, plus the request-edit jobs the real relay plans from the same events. */
function relayWithEdits(base: ChatHarness): ChatHarness {
  let seen = 0;
  const jobDeps = { ...base.deps, clock: () => new Date() };
  const relayChanges = async () => {
    await base.deps.relayChanges();
    for (const event of await readEvents(base.db.db, seen, 1_000)) {
      seen = event.id;
      const job = planRequestEdit(event);
      if (job) await editSentRequests(jobDeps, job.id, job.data);
    }
  };
  return { ...base, deps: { ...base.deps, relayChanges } };
}

beforeAll(async () => {
  h = relayWithEdits(await createChatHarness());
  const c = await seedCatalog(h);
  for (const anna of [annaTelegram, annaSlack, annaWeb]) {
    const code = await createLinkCode(h.db.db, c.anna, NOW);
    if (!code.ok) throw new Error('no code');
    await say(h, anna, command('link', code.value.code));
  }
});

async function book(user: ChatUser): Promise<ChatMessage[]> {
  const times = await say(h, user, command('book', 'check-up with anna tomorrow'));
  const summary = await say(h, user, action(buttonData(times, /^10:00/)));
  return say(h, user, action(buttonData(summary, 'Confirm')));
}

describe('an approval request on several platforms', () => {
  it('approving on Telegram edits the Slack and web copies to the outcome, without buttons', async () => {
    await book(cleo);
    const requests = h.messenger.sent.filter((s) => s.message.text.startsWith('Booking request'));
    expect(requests.map((s) => s.to.platform).sort()).toEqual(['slack', 'telegram', 'web']);
    const approve = buttonData(
      requests.map((s) => s.message),
      'Approve',
    );

    const pressed = await say(h, annaTelegram, action(approve));
    expect(pressed[0]?.text).toContain('Approved by Anna.');

    const edited = h.messenger.edited;
    expect(edited.map((e) => e.ref.platform).sort()).toEqual(['slack', 'telegram', 'web']);
    for (const { message } of edited) {
      expect(message.text).toMatch(/^Booking request from Cleo[\s\S]*\n\nApproved ✓$/);
      expect(message.buttons).toEqual([]);
    }
    const slack = edited.find((e) => e.ref.platform === 'slack');
    expect(slack?.ref.address).toBe('U-ANNA3');
  });
});
