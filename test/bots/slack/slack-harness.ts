// Test harness: the real Slack adapter (Bolt) mounted on Hono, talking to the fake Slack Web API.
import { Hono } from 'hono';
import type { ChatHandler } from '../../../bots/bot-adapter.ts';
import {
  createSlackAdapter,
  SLACK_EVENTS_PATH,
  type SlackAdapter,
} from '../../../bots/slack/create-slack-adapter.ts';
import type { ChatEvent } from '../../../src/chat/chat-types.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/slack-api.ts';
import { signedRequest } from '../../fakes/slack-requests.ts';

export const BOT_TOKEN = 'xoxb-test-bot-token';
export const SIGNING_SECRET = 'test-signing-secret';
/** A fixed instant for the adapter's clock and the request signatures. */
export const NOW = new Date('2026-11-30T08:00:00Z');

export type LogEntry = { level: string; fields: Record<string, unknown>; message?: string };

export type SlackHarness = {
  readonly api: FakeSlackApi;
  readonly adapter: SlackAdapter;
  readonly hono: Hono;
  readonly logs: LogEntry[];
  /** POSTs a body signed at `at` (default NOW) to the events route. */
  send(body: string, contentType: string, at?: Date): Promise<Response>;
  close(): Promise<void>;
};

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** Starts the fake and an adapter in HTTP mode with no per-channel spacing and fast retries. */
export async function createSlackHarness(
  handle: ChatHandler,
  options: { channelIntervalMs?: number } = {},
): Promise<SlackHarness> {
  const api = await startFakeSlackApi({ botToken: BOT_TOKEN });
  const logs: LogEntry[] = [];
  const log =
    (level: string) =>
    (fields: Record<string, unknown>, message?: string): void => {
      logs.push(message === undefined ? { level, fields } : { level, fields, message });
    };
  const adapter = createSlackAdapter({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    appToken: null,
    apiUrl: api.url,
    handle,
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    clock: () => NOW,
    channelIntervalMs: options.channelIntervalMs ?? 0,
    retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 10 },
  });
  const hono = new Hono();
  adapter.mount(hono);
  await adapter.start();
  return {
    api,
    adapter,
    hono,
    logs,
    send: async (body, contentType, at = NOW) =>
      hono.request(SLACK_EVENTS_PATH, signedRequest(SIGNING_SECRET, body, contentType, at)),
    async close() {
      await adapter.stop();
      await api.close();
    },
  };
}

/** A harness whose engine keeps every event it gets in `events` and answers nothing. */
export function createRecordingSlackHarness(events: ChatEvent[]): Promise<SlackHarness> {
  return createSlackHarness(async (event) => {
    events.push(event);
    return [];
  });
}

/** A ChatMessage with defaults. */
export function message(
  text: string,
  extra: Partial<{
    buttons: { label: string; data: string; style: 'primary' | 'danger' | 'default' }[][];
    replace: boolean;
  }> = {},
) {
  return { text, buttons: extra.buttons ?? [], select: null, replace: extra.replace ?? false };
}
