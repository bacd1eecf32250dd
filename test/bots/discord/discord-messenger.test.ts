// The Discord messenger against the fake REST API: DM channel, message, refusals and rate limits.
import { DiscordAPIError } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../bots/discord/create-discord-adapter.ts';
import { DiscordSendError } from '../../../bots/discord/discord-adapter-errors.ts';
import { type ChatAddress, MessengerError } from '../../../src/chat/chat-types.ts';
import { FAKE_APPLICATION_ID, FAKE_TOKEN } from '../../fakes/discord-api.ts';
import {
  ALICE,
  type Harness,
  isCall,
  message,
  recordingLogger,
  startHarness,
  stubEngine,
} from './discord-harness.ts';

const APPROVE = 'ap:0b0e1f7c-4a8f-4c1e-9d5b-2f3c4d5e6f70';
const DECLINE = 'dc:0b0e1f7c-4a8f-4c1e-9d5b-2f3c4d5e6f70';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(stubEngine().handle);
});
afterAll(() => harness.close());

function address(platformUserId: string, dmAddress: string | null = null): ChatAddress {
  return { platform: 'discord', platformUserId, dmAddress };
}

const request = message('New booking request', {
  buttons: [
    [
      { label: 'Approve', data: APPROVE, style: 'primary' },
      { label: 'Decline', data: DECLINE, style: 'danger' },
    ],
  ],
});

describe('the Discord messenger', () => {
  it('opens the DM channel with the user id, then posts the message with its buttons', async () => {
    await harness.adapter.messenger.send(address(ALICE.id), request);
    const open = harness.fake.rest.calls.find(isCall('POST', '/users/@me/channels'));
    expect(open?.body).toEqual({ recipient_id: ALICE.id });
    const post = await harness.fake.rest.waitForCall(
      isCall('POST', `/channels/8${ALICE.id}/messages`),
    );
    expect(post.authorization).toMatch(/^Bot /);
    expect(post.body).toEqual({
      content: 'New booking request',
      allowed_mentions: { parse: [] },
      components: [
        {
          type: 1,
          components: [
            { type: 2, custom_id: APPROVE, label: 'Approve', style: 1 },
            { type: 2, custom_id: DECLINE, label: 'Decline', style: 4 },
          ],
        },
      ],
    });
  });

  it('works before the adapter is started: DMs are plain REST calls', async () => {
    const idle = createDiscordAdapter({
      token: FAKE_TOKEN,
      applicationId: FAKE_APPLICATION_ID,
      guildId: null,
      apiUrl: harness.fake.rest.apiUrl,
      handle: stubEngine().handle,
      logger: recordingLogger().logger,
    });
    await idle.messenger.send(address('1000000000000000088'), message('Your booking is confirmed'));
    const post = await harness.fake.rest.waitForCall(
      isCall('POST', '/channels/81000000000000000088/messages'),
    );
    expect(post.authorization).toBe(`Bot ${FAKE_TOKEN}`);
    await idle.stop();
  });

  it('posts straight to a known DM channel', async () => {
    const before = harness.fake.rest.calls.length;
    await harness.adapter.messenger.send(
      address('1000000000000000099', '1120000000000000077'),
      message('Hi'),
    );
    const calls = harness.fake.rest.calls.slice(before);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'POST /channels/1120000000000000077/messages',
    ]);
  });

  it('rejects with MessengerError when Discord cannot send to the user (50007)', async () => {
    harness.fake.rest.failNext({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 403,
      body: { message: 'Cannot send messages to this user', code: 50007 },
    });
    const sent = harness.adapter.messenger.send(address('1000000000000000033'), request);
    await expect(sent).rejects.toBeInstanceOf(MessengerError);
    await expect(sent).rejects.toHaveProperty('cause.code', 50007);
  });

  it('rejects with MessengerError for an unknown user (10013)', async () => {
    harness.fake.rest.failNext({
      method: 'POST',
      path: /^\/users\/@me\/channels$/,
      status: 404,
      body: { message: 'Unknown User', code: 10013 },
    });
    const sent = harness.adapter.messenger.send(address('1000000000000000044'), request);
    await expect(sent).rejects.toBeInstanceOf(MessengerError);
  });

  it('rejects with MessengerError for another platform’s address', async () => {
    const slack: ChatAddress = { platform: 'slack', platformUserId: 'U123', dmAddress: null };
    await expect(harness.adapter.messenger.send(slack, request)).rejects.toBeInstanceOf(
      MessengerError,
    );
  });

  it('rejects with DiscordSendError, keeping the cause, for other refusals', async () => {
    harness.fake.rest.failNext({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 400,
      body: { message: 'Invalid Form Body', code: 50035 },
    });
    const sent = harness.adapter.messenger.send(address('1000000000000000055'), request);
    await expect(sent).rejects.toBeInstanceOf(DiscordSendError);
    await expect(sent).rejects.toThrow('Discord DM failed: DiscordAPIError[50035]');
    await expect(sent).rejects.toHaveProperty('cause', expect.any(DiscordAPIError));
  });

  it('waits out a 429 and retries, delivering the message once', async () => {
    const userId = '1000000000000000066';
    const path = `/channels/8${userId}/messages`;
    harness.fake.rest.failNext({
      method: 'POST',
      path: new RegExp(`^${path}$`),
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.2, global: false, code: 0 },
      headers: {
        'retry-after': '0.2',
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': '0.2',
        'x-ratelimit-bucket': 'dm-bucket',
        'x-ratelimit-scope': 'user',
      },
    });
    const started = Date.now();
    await harness.adapter.messenger.send(address(userId), message('Reminder'));
    const attempts = harness.fake.rest.calls.filter(isCall('POST', path));
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.body).toEqual(attempts[0]?.body);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('answers each sent message and edits it with a PATCH that drops the buttons', async () => {
    const [ref] = await harness.adapter.messenger.send(address(ALICE.id, '8123'), request);
    expect(ref).toEqual({ platform: 'discord', address: '8123', messageId: expect.any(String) });
    if (!ref) throw new Error('no reference');
    await harness.adapter.messenger.edit(ref, message('New booking request\n\nApproved ✓'));
    const patch = await harness.fake.rest.waitForCall(
      isCall('PATCH', `/channels/8123/messages/${ref.messageId}`),
    );
    expect(patch.body).toMatchObject({
      content: 'New booking request\n\nApproved ✓',
      components: [],
    });
  });

  it('rejects an edit of a deleted message (10008) with MessengerError', async () => {
    harness.fake.rest.failNext({
      method: 'PATCH',
      path: /^\/channels\/\d+\/messages\/\d+$/,
      status: 404,
      body: { message: 'Unknown Message', code: 10008 },
    });
    const ref = { platform: 'discord' as const, address: '8123', messageId: '777' };
    await expect(harness.adapter.messenger.edit(ref, request)).rejects.toBeInstanceOf(
      MessengerError,
    );
  });
});
