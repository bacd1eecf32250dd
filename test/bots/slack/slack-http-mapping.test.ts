// The Slack adapter in HTTP mode against the fake Web API, with a stub engine recording events.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatEvent, ChatMessage } from '../../../src/chat/chat-types.ts';
import {
  blockActionsPayload,
  eventBody,
  interactionBody,
  slashCommandBody,
  viewSubmissionPayload,
} from '../../fakes/slack-requests.ts';
import {
  createSlackHarness,
  FORM,
  JSON_TYPE,
  message,
  type SlackHarness,
} from './slack-harness.ts';

const events: ChatEvent[] = [];
let replies: ChatMessage[] = [];
let harness: SlackHarness;

beforeAll(async () => {
  harness = await createSlackHarness(async (event) => {
    events.push(event);
    return replies;
  });
  harness.api.users.set('U1', { name: 'ana', realName: 'Ana Example', tz: 'America/Denver' });
  harness.api.users.set('U2', { name: 'bo', realName: 'Bo Example', tz: 'Asia/Kolkata' });
});
afterAll(() => harness.close());
beforeEach(() => {
  events.length = 0;
  replies = [];
  harness.api.calls.length = 0;
});

describe('slash commands', () => {
  it('acks at once and maps /book massage to a command with the trigger_id as updateId', async () => {
    replies = [
      message('Pick a service', {
        buttons: [[{ label: 'Massage', data: 'sv:1', style: 'primary' }]],
      }),
    ];
    const body = slashCommandBody({
      command: '/book',
      text: ' massage ',
      userId: 'U1',
      triggerId: 'trig-1',
    });
    const response = await harness.send(body, FORM);
    expect(response.status).toBe(200);
    await harness.adapter.idle();
    expect(events).toEqual([
      {
        user: {
          platform: 'slack',
          platformUserId: 'U1',
          displayName: 'ana',
          timezone: 'America/Denver',
          dmAddress: 'DU1',
        },
        input: { kind: 'command', command: 'book', args: 'massage' },
        updateId: 'trig-1',
      },
    ]);
    const [post] = harness.api.callsTo('chat.postMessage');
    expect(post?.args.channel).toBe('DU1');
    expect(post?.args.text).toBe('Pick a service');
    expect(post?.args.blocks).toEqual([
      { type: 'section', text: { type: 'plain_text', text: 'Pick a service', emoji: true } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'btn:0:0',
            text: { type: 'plain_text', text: 'Massage', emoji: true },
            value: 'sv:1',
            style: 'primary',
          },
        ],
      },
    ]);
  });

  it('answers within the ack even when the engine is slow', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = createSlowHandlerProbe(gate);
    const local = await createSlackHarness(slow.handle);
    local.api.users.set('U1', { name: 'ana', realName: 'Ana Example', tz: 'UTC' });
    try {
      const body = slashCommandBody({
        command: '/help',
        text: '',
        userId: 'U1',
        triggerId: 'trig-slow',
      });
      const response = await local.send(body, FORM);
      expect(response.status).toBe(200);
      expect(local.api.callsTo('chat.postMessage')).toHaveLength(0);
      release();
      await local.adapter.idle();
      expect(slow.calls()).toBe(1);
      expect(local.api.callsTo('chat.postMessage')).toHaveLength(1);
    } finally {
      release();
      await local.close();
    }
  });

  it('outside the DM, acks with an ephemeral note that the answer comes by DM', async () => {
    const body = slashCommandBody({
      command: '/mybookings',
      text: '',
      userId: 'U1',
      triggerId: 'trig-2',
      channelName: 'general',
    });
    const response = await harness.send(body, FORM);
    expect(await response.json()).toEqual({
      response_type: 'ephemeral',
      text: 'I will answer in our DM.',
    });
    await harness.adapter.idle();
    expect(events[0]?.input).toEqual({ kind: 'command', command: 'mybookings', args: '' });
  });

  it('passes each user their own users.info time zone and caches it', async () => {
    await harness.send(
      slashCommandBody({ command: '/today', text: '', userId: 'U2', triggerId: 't-a' }),
      FORM,
    );
    await harness.send(
      slashCommandBody({ command: '/today', text: '', userId: 'U2', triggerId: 't-b' }),
      FORM,
    );
    await harness.adapter.idle();
    expect(events.map((e) => e.user.timezone)).toEqual(['Asia/Kolkata', 'Asia/Kolkata']);
    expect(harness.api.callsTo('users.info').filter((c) => c.args.user === 'U2')).toHaveLength(1);
  });

  it('tells the user something went wrong when the engine throws, without failing the request', async () => {
    const local = await createSlackHarness(async () => {
      throw new Error('engine down');
    });
    local.api.users.set('U1', { name: 'ana', realName: 'Ana Example', tz: 'UTC' });
    try {
      const response = await local.send(
        slashCommandBody({ command: '/book', text: '', userId: 'U1', triggerId: 't-x' }),
        FORM,
      );
      expect(response.status).toBe(200);
      await local.adapter.idle();
      expect(String(local.api.callsTo('chat.postMessage')[0]?.args.text)).toMatch(
        /something went wrong/,
      );
      expect(
        local.logs.some((l) => l.level === 'error' && l.message === 'Slack event failed'),
      ).toBe(true);
    } finally {
      await local.close();
    }
  });
});

describe('buttons and the decline modal', () => {
  it('maps a click to action { data, text: null } with action_ts as updateId', async () => {
    const payload = blockActionsPayload({
      userId: 'U1',
      value: 'sl:abc',
      actionTs: '1700000001.000001',
      triggerId: 'trig-3',
      channel: 'DU1',
      messageTs: '1700000000.000009',
    });
    const response = await harness.send(interactionBody(payload), FORM);
    expect(response.status).toBe(200);
    await harness.adapter.idle();
    expect(events.map((e) => [e.input, e.updateId])).toEqual([
      [{ kind: 'action', data: 'sl:abc', text: null }, '1700000001.000001'],
    ]);
  });

  it('replace: true updates the clicked message in place, naming who acted; other replies are posted', async () => {
    replies = [message('Approved', { replace: true }), message('Next step')];
    const payload = blockActionsPayload({
      userId: 'U2',
      value: 'ap:1',
      actionTs: '1700000001.000002',
      triggerId: 'trig-4',
      channel: 'DU2',
      messageTs: '1700000000.000042',
    });
    await harness.send(interactionBody(payload), FORM);
    await harness.adapter.idle();
    const [update] = harness.api.callsTo('chat.update');
    expect(update?.args).toMatchObject({
      channel: 'DU2',
      ts: '1700000000.000042',
      text: 'Approved',
    });
    expect(update?.args.blocks).toContainEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'by <@U2>' }],
    });
    expect(harness.api.callsTo('chat.postMessage').map((c) => c.args.text)).toEqual(['Next step']);
  });

  it('posts a replace reply as a DM when the clicked message can no longer be updated', async () => {
    replies = [message('Approved', { replace: true })];
    harness.api.failNext('chat.update', 'message_not_found');
    const payload = blockActionsPayload({
      userId: 'U2',
      value: 'ap:2',
      actionTs: '1700000001.000012',
      triggerId: 'trig-12',
      channel: 'DU2',
      messageTs: '1700000000.000043',
    });
    await harness.send(interactionBody(payload), FORM);
    await harness.adapter.idle();
    expect(harness.api.callsTo('chat.update')).toHaveLength(1);
    expect(
      harness.api.callsTo('chat.postMessage').map((c) => [c.args.channel, c.args.text]),
    ).toEqual([['DU2', 'Approved']]);
  });

  it('a decline click opens the modal with the trigger_id and does not call the engine', async () => {
    const payload = blockActionsPayload({
      userId: 'U2',
      value: 'dc:11111111-1111-4111-8111-111111111111',
      actionTs: '1700000001.000003',
      triggerId: 'trig-5',
      channel: 'DU2',
      messageTs: '1700000000.000050',
    });
    const response = await harness.send(interactionBody(payload), FORM);
    expect(response.status).toBe(200);
    await harness.adapter.idle();
    expect(events).toEqual([]);
    const [open] = harness.api.callsTo('views.open');
    expect(open?.args.trigger_id).toBe('trig-5');
    expect(open?.args.view).toMatchObject({ type: 'modal', callback_id: 'decline-reason' });
  });

  it.each([
    ['Decline', 'Decline request', 'Reason (optional, shown to the client)'],
    ['Ablehnen', 'Anfrage ablehnen', 'Grund (optional, wird dem Kunden angezeigt)'],
  ])('a %s button opens the modal in its language', async (label, title, reason) => {
    const payload = blockActionsPayload({
      userId: 'U2',
      value: 'dc:33333333-3333-4333-8333-333333333333',
      actionTs: '1700000001.000013',
      triggerId: `trig-${label}`,
      channel: 'DU2',
      messageTs: '1700000000.000051',
      label,
    });
    expect((await harness.send(interactionBody(payload), FORM)).status).toBe(200);
    await harness.adapter.idle();
    const open = harness.api
      .callsTo('views.open')
      .find((c) => c.args.trigger_id === `trig-${label}`);
    expect(open?.args.view).toMatchObject({
      title: { text: title },
      submit: { text: label },
      blocks: [{ label: { text: reason } }],
    });
  });

  it.each([
    ['Double-booked, sorry ', 'Double-booked, sorry'],
    ['', null],
  ])(
    'the modal submission %j maps to action dc:<uuid> with text %j and updates the approval',
    async (typed, text) => {
      const data = 'dc:22222222-2222-4222-8222-222222222222';
      const click = blockActionsPayload({
        userId: 'U2',
        value: data,
        actionTs: '1700000001.000004',
        triggerId: 'trig-6',
        channel: 'DU2',
        messageTs: '1700000000.000060',
      });
      await harness.send(interactionBody(click), FORM);
      await harness.adapter.idle();
      const view = harness.api.callsTo('views.open')[0]?.args.view as Record<string, unknown>;
      replies = [message('Declined', { replace: true })];
      const submission = viewSubmissionPayload({
        userId: 'U2',
        triggerId: 'trig-7',
        view,
        reason: typed,
      });
      const response = await harness.send(interactionBody(submission), FORM);
      expect(response.status).toBe(200);
      await harness.adapter.idle();
      expect(events.map((e) => [e.input, e.updateId])).toEqual([
        [{ kind: 'action', data, text }, 'trig-7'],
      ]);
      expect(harness.api.callsTo('chat.update')[0]?.args).toMatchObject({
        channel: 'DU2',
        ts: '1700000000.000060',
        text: 'Declined',
      });
    },
  );
});

describe('Events API', () => {
  it('answers url_verification with its challenge', async () => {
    const body = JSON.stringify({
      token: 't',
      challenge: 'challenge-xyz',
      type: 'url_verification',
    });
    const response = await harness.send(body, JSON_TYPE);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'challenge-xyz' });
  });

  it('maps a DM to text input with the event_id as updateId and ignores bot messages', async () => {
    replies = [message('Hello!')];
    await harness.send(
      eventBody('Ev01', {
        type: 'message',
        channel_type: 'im',
        channel: 'DU1',
        user: 'U1',
        text: 'hi there',
        ts: '1.1',
      }),
      JSON_TYPE,
    );
    await harness.send(
      eventBody('Ev02', {
        type: 'message',
        channel_type: 'im',
        channel: 'DU1',
        user: 'U1',
        bot_id: 'B9',
        text: 'from a bot',
        ts: '1.2',
      }),
      JSON_TYPE,
    );
    await harness.adapter.idle();
    expect(events.map((e) => [e.input, e.updateId])).toEqual([
      [{ kind: 'text', text: 'hi there' }, 'Ev01'],
    ]);
    expect(harness.api.callsTo('chat.postMessage')[0]?.args).toMatchObject({
      channel: 'DU1',
      text: 'Hello!',
    });
  });

  it('publishes the App Home with the engine reply to today', async () => {
    replies = [message('Today: 10:00 Massage with Ana')];
    await harness.send(
      eventBody('Ev03', { type: 'app_home_opened', user: 'U2', channel: 'DU2', tab: 'home' }),
      JSON_TYPE,
    );
    await harness.adapter.idle();
    expect(events.map((e) => [e.input, e.updateId])).toEqual([
      [{ kind: 'command', command: 'today', args: '' }, 'Ev03'],
    ]);
    const [publish] = harness.api.callsTo('views.publish');
    expect(publish?.args.user_id).toBe('U2');
    expect(JSON.stringify(publish?.args.view)).toContain('Today: 10:00 Massage with Ana');
  });
});

describe('signature checks', () => {
  const body = slashCommandBody({
    command: '/book',
    text: '',
    userId: 'U1',
    triggerId: 'trig-sig',
  });

  it('rejects a bad signature with 401 and handles nothing', async () => {
    const response = await harness.hono.request('/slack/events', {
      method: 'POST',
      headers: {
        'content-type': FORM,
        'x-slack-request-timestamp': String(1_796_000_000),
        'x-slack-signature': 'v0=deadbeef',
      },
      body,
    });
    expect(response.status).toBe(401);
    await harness.adapter.idle();
    expect(events).toEqual([]);
    expect(harness.api.calls).toEqual([]);
  });

  it.each([
    ['6 minutes old', -6],
    ['6 minutes in the future', 6],
  ])('rejects a timestamp %s with 401', async (_label, minutes) => {
    const at = new Date(new Date('2026-11-30T08:00:00Z').getTime() + minutes * 60_000);
    const response = await harness.send(body, FORM, at);
    expect(response.status).toBe(401);
    await harness.adapter.idle();
    expect(events).toEqual([]);
  });

  it('accepts a timestamp 4 minutes old (the window is five minutes)', async () => {
    const at = new Date(new Date('2026-11-30T08:00:00Z').getTime() - 4 * 60_000);
    const response = await harness.send(body, FORM, at);
    expect(response.status).toBe(200);
    await harness.adapter.idle();
    expect(events).toHaveLength(1);
  });
});

describe('body limits and garbage', () => {
  const MB = 1024 * 1024;

  /** A 100 MB body made on demand, counting how much of it the server pulled. */
  function hugeBody() {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 100 * MB) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return { stream, pulled: () => pulled };
  }

  it.each([
    ['with its Content-Length', { 'content-length': String(100 * MB) }],
    ['streamed without a length', {}],
  ])(
    'refuses a 100 MB unsigned POST %s with 413, reading at most the limit',
    async (_, headers) => {
      const body = hugeBody();
      const response = await harness.hono.request('/slack/events', {
        method: 'POST',
        headers: { 'content-type': JSON_TYPE, ...headers },
        body: body.stream,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'PAYLOAD_TOO_LARGE',
      );
      expect(body.pulled()).toBeLessThanOrEqual(MB + 128 * 1024);
      expect(events).toEqual([]);
    },
  );

  it.each([
    ['malformed JSON', '{"type": "event_callback", ', JSON_TYPE],
    ['a JSON array', '[1, 2, 3]', JSON_TYPE],
    ['JSON null', 'null', JSON_TYPE],
    ['an empty body', '', JSON_TYPE],
    ['a form without a payload', 'a=1&b=2', FORM],
    ['a form with a malformed payload', 'payload=%7Bnope', FORM],
    ['binary garbage', '\u0000\u0001\uffff', 'application/octet-stream'],
  ])('answers %s signed correctly with 4xx in the error shape', async (_, body, type) => {
    const response = await harness.send(body, type);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const json = (await response.json()) as {
      error: { code: string; message: string; details: object };
    };
    expect(json.error).toMatchObject({ code: 'VALIDATION_ERROR', details: {} });
    await harness.adapter.idle();
    expect(events).toEqual([]);
  });

  it('answers a bad signature in the error shape', async () => {
    const response = await harness.hono.request('/slack/events', {
      method: 'POST',
      headers: { 'content-type': JSON_TYPE, 'x-slack-signature': 'v0=00' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'UNAUTHORIZED',
    );
  });
});

function createSlowHandlerProbe(gate: Promise<void>) {
  let calls = 0;
  return {
    calls: () => calls,
    handle: async () => {
      await gate;
      calls += 1;
      return [message('Help text')];
    },
  };
}
