// Socket Mode: the adapter opens the socket via apps.connections.open on the fake and handles envelopes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../bots/slack/create-slack-adapter.ts';
import type { ChatEvent } from '../../../src/chat/chat-types.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/slack-api.ts';
import { blockActionsPayload } from '../../fakes/slack-requests.ts';
import { BOT_TOKEN, message, NOW, SIGNING_SECRET } from './slack-harness.ts';

const APP_TOKEN = 'xapp-test-app-token';
const events: ChatEvent[] = [];
let api: FakeSlackApi;
let adapter: SlackAdapter;

beforeAll(async () => {
  api = await startFakeSlackApi({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
  api.users.set('U1', { name: 'ana', realName: 'Ana', tz: 'Europe/Paris' });
  adapter = createSlackAdapter({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    appToken: APP_TOKEN,
    apiUrl: api.url,
    handle: async (event) => {
      events.push(event);
      return [message('Pick a time')];
    },
    logger: { info() {}, warn() {}, error() {} },
    clock: () => NOW,
    channelIntervalMs: 0,
    retryConfig: { retries: 0 },
  });
  await adapter.start();
});
afterAll(async () => {
  await adapter.stop();
  await api.close();
});

describe('Socket Mode', () => {
  it('connects with the app token through apps.connections.open', async () => {
    await api.socketConnected();
    expect(api.callsTo('apps.connections.open')).toHaveLength(1);
  });

  it('acks a slash command envelope and maps it like HTTP mode', async () => {
    const ack = await api.pushEnvelope('slash_commands', {
      command: '/book',
      text: 'massage',
      user_id: 'U1',
      user_name: 'ana',
      team_id: 'T0FAKE',
      channel_id: 'DU1',
      channel_name: 'directmessage',
      trigger_id: 'sock-trig-1',
      api_app_id: 'A0FAKE',
    });
    expect(ack).toEqual({});
    await waitFor(() => api.callsTo('chat.postMessage').length === 1);
    expect(events.map((e) => [e.input, e.updateId, e.user.timezone])).toEqual([
      [{ kind: 'command', command: 'book', args: 'massage' }, 'sock-trig-1', 'Europe/Paris'],
    ]);
    expect(api.callsTo('chat.postMessage')[0]?.args).toMatchObject({
      channel: 'DU1',
      text: 'Pick a time',
    });
  });
});

describe('Socket Mode interactivity', () => {
  it('acks a decline click envelope and opens the reason modal with its trigger_id', async () => {
    const payload = blockActionsPayload({
      userId: 'U1',
      value: 'dc:33333333-3333-4333-8333-333333333333',
      actionTs: '1700000005.000001',
      triggerId: 'sock-trig-2',
      channel: 'DU1',
      messageTs: '1700000000.000070',
    });
    expect(await api.pushEnvelope('interactive', payload)).toEqual({});
    await waitFor(() => api.callsTo('views.open').length === 1);
    expect(api.callsTo('views.open')[0]?.args.trigger_id).toBe('sock-trig-2');
  });
});

describe('start', () => {
  it('rejects when Slack refuses the bot token (auth.test answers invalid_auth)', async () => {
    const wrong = createSlackAdapter({
      botToken: 'xoxb-wrong',
      signingSecret: SIGNING_SECRET,
      appToken: null,
      apiUrl: api.url,
      handle: async () => [],
      logger: { info() {}, warn() {}, error() {} },
      clock: () => NOW,
    });
    await expect(wrong.start()).rejects.toThrow();
    expect(api.callsTo('auth.test').at(-1)?.result).toEqual({ ok: false, error: 'invalid_auth' });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
