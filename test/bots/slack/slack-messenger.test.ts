// The Slack Messenger and outgoing limits: DMs, permanent refusals, 429 retries, per-channel spacing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChatAddress, MessengerError } from '../../../src/chat/chat-types.ts';
import { createSlackHarness, message, type SlackHarness } from './slack-harness.ts';

const ana: ChatAddress = { platform: 'slack', platformUserId: 'U1', dmAddress: null };
let harness: SlackHarness;

beforeAll(async () => {
  harness = await createSlackHarness(async () => []);
  harness.api.users.set('U1', { name: 'ana', realName: 'Ana Example', tz: 'UTC' });
});
afterAll(() => harness.close());
beforeEach(() => {
  harness.api.calls.length = 0;
});

describe('Slack messenger', () => {
  it('opens the DM with conversations.open and posts Block Kit there', async () => {
    await harness.adapter.messenger.send(
      ana,
      message('Your booking is confirmed', {
        buttons: [[{ label: 'Cancel', data: 'cx:1', style: 'danger' }]],
      }),
    );
    expect(harness.api.callsTo('conversations.open').map((c) => c.args.users)).toEqual(['U1']);
    const [post] = harness.api.callsTo('chat.postMessage');
    expect(post?.args).toMatchObject({ channel: 'DU1', text: 'Your booking is confirmed' });
    expect(post?.args.blocks).toContainEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'btn:0:0',
          text: { type: 'plain_text', text: 'Cancel', emoji: true },
          value: 'cx:1',
          style: 'danger',
        },
      ],
    });
  });

  it('rejects with MessengerError when Slack does not know the user', async () => {
    const stranger: ChatAddress = { platform: 'slack', platformUserId: 'U404', dmAddress: null };
    const sent = harness.adapter.messenger.send(stranger, message('hello'));
    await expect(sent).rejects.toBeInstanceOf(MessengerError);
    await expect(sent).rejects.toMatchObject({ cause: { data: { error: 'user_not_found' } } });
    expect(harness.api.callsTo('chat.postMessage')).toEqual([]);
  });

  it.each(['channel_not_found', 'account_inactive'])(
    'rejects with MessengerError when chat.postMessage answers %s',
    async (error) => {
      harness.api.failNext('chat.postMessage', error);
      await expect(harness.adapter.messenger.send(ana, message('hello'))).rejects.toBeInstanceOf(
        MessengerError,
      );
    },
  );

  it('a transient failure is not a MessengerError', async () => {
    harness.api.failNext('chat.postMessage', 'internal_error');
    const sent = harness.adapter.messenger.send(ana, message('hello'));
    await expect(sent).rejects.toThrow('Slack DM failed');
    await expect(sent).rejects.not.toBeInstanceOf(MessengerError);
  });

  it('retries a 429 after the Retry-After header', async () => {
    harness.api.rateLimitNext('chat.postMessage', 1);
    const started = performance.now();
    await harness.adapter.messenger.send(ana, message('after the limit'));
    const posts = harness.api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    const [first, second] = posts;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(second?.args.text).toBe('after the limit');
  });
});

describe('per-channel spacing', () => {
  it('spaces messages to one channel by the configured interval, not other channels', async () => {
    const spaced = await createSlackHarness(async () => [], { channelIntervalMs: 200 });
    spaced.api.users.set('U1', { name: 'ana', realName: 'Ana', tz: 'UTC' });
    spaced.api.users.set('U2', { name: 'bo', realName: 'Bo', tz: 'UTC' });
    const bo: ChatAddress = { platform: 'slack', platformUserId: 'U2', dmAddress: null };
    try {
      await Promise.all([
        spaced.adapter.messenger.send(ana, message('one')),
        spaced.adapter.messenger.send(ana, message('two')),
        spaced.adapter.messenger.send(ana, message('three')),
        spaced.adapter.messenger.send(bo, message('other')),
      ]);
      const posts = spaced.api.callsTo('chat.postMessage');
      const toAna = posts.filter((p) => p.args.channel === 'DU1');
      expect(toAna.map((p) => p.args.text)).toEqual(['one', 'two', 'three']);
      const gaps = toAna.slice(1).map((p, i) => p.at - (toAna[i]?.at ?? 0));
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(190);
      const toBo = posts.find((p) => p.args.channel === 'DU2');
      expect((toBo?.at ?? Infinity) - (toAna[0]?.at ?? 0)).toBeLessThan(190);
    } finally {
      await spaced.close();
    }
  });
});

describe('Slack messenger edits', () => {
  it('answers the DM channel and ts, and edits with chat.update without buttons', async () => {
    const buttons = [[{ label: 'Approve', data: 'ap:1', style: 'primary' as const }]];
    const [ref] = await harness.adapter.messenger.send(ana, message('Request', { buttons }));
    const [post] = harness.api.callsTo('chat.postMessage');
    expect(ref).toEqual({
      platform: 'slack',
      address: 'DU1',
      messageId: post?.result?.ts,
    });
    if (!ref) throw new Error('no reference');
    await harness.adapter.messenger.edit(ref, message('Request\n\nApproved ✓'));
    const [update] = harness.api.callsTo('chat.update');
    expect(update?.args).toMatchObject({ channel: 'DU1', ts: ref.messageId });
    expect(update?.args.text).toBe('Request\n\nApproved ✓');
    expect(JSON.stringify(update?.args.blocks)).not.toContain('actions');
  });

  it('rejects an edit of a message Slack no longer has with MessengerError', async () => {
    harness.api.failNext('chat.update', 'message_not_found');
    const ref = { platform: 'slack' as const, address: 'DU1', messageId: '1.2' };
    await expect(harness.adapter.messenger.edit(ref, message('x'))).rejects.toBeInstanceOf(
      MessengerError,
    );
  });
});
