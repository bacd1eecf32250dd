// End to end: Slack requests through Bolt and the adapter into the real engine on a real database.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkCode } from '../../../src/chat/create-link-code.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createRoutingMessenger } from '../../../src/chat/routing-messenger.ts';
import { appointments } from '../../../src/db/schema/appointments.ts';
import {
  eventBody,
  interactionBody,
  slashCommandBody,
  viewSubmissionPayload,
} from '../../fakes/slack-requests.ts';
import { testChatDeps } from '../../support/deliver-changes.ts';
import { createFixture, type Fixture } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { click, lastShown, type ShownButton } from './slack-conversation.ts';
import { createSlackHarness, FORM, JSON_TYPE, NOW, type SlackHarness } from './slack-harness.ts';

const PROVIDER = 'UPROV';
const CLIENT = 'UCLIENT';
const PROVIDER_DM = `D${PROVIDER}`;
const CLIENT_DM = `D${CLIENT}`;

let db: TestDatabase;
let fixture: Fixture;
let harness: SlackHarness;
let commands = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  fixture = await createFixture(db.db, { service: { name: 'Massage', requiresApproval: true } });
  const messenger = createRoutingMessenger();
  const logger = { info() {}, warn() {}, error() {} };
  const deps = testChatDeps(db.db, messenger, logger);
  harness = await createSlackHarness((event) => handleChatEvent(deps, event, NOW));
  messenger.register('slack', harness.adapter.messenger);
  harness.api.users.set(PROVIDER, { name: 'dr-berg', realName: 'Dr Berg', tz: 'Europe/Berlin' });
  harness.api.users.set(CLIENT, { name: 'cleo', realName: 'Cleo Client', tz: 'Europe/London' });
});
afterAll(() => harness.close());

async function command(userId: string, name: string, text = ''): Promise<void> {
  commands += 1;
  const body = slashCommandBody({
    command: `/${name}`,
    text,
    userId,
    triggerId: `cmd-${commands}`,
  });
  expect((await harness.send(body, FORM)).status).toBe(200);
  await harness.adapter.idle();
}

/** The next step of the /book flow: Confirm when offered, else the first choice. */
const nextStep = (b: ShownButton) => /:ok$/.test(b.value) || /:(pv|sv|dy|tm)(:\d+)?$/.test(b.value);
const confirmFirst = (b: ShownButton) => /:ok$/.test(b.value);

/** Books through slash command and buttons until the client sees the request; returns its id. */
async function bookAsClient(): Promise<string> {
  const before = await clientAppointmentIds();
  await command(CLIENT, 'book');
  for (
    let step = 0;
    step < 8 && !/^Requested:/.test(lastShown(harness.api, CLIENT_DM).text);
    step++
  ) {
    const shown = lastShown(harness.api, CLIENT_DM);
    await click(harness, CLIENT, shown, shown.buttons.some(confirmFirst) ? confirmFirst : nextStep);
  }
  expect(lastShown(harness.api, CLIENT_DM).text).toMatch(/^Requested: Massage with Test Provider/);
  const created = (await clientAppointmentIds()).filter((id) => !before.includes(id));
  expect(created).toHaveLength(1);
  return created[0] ?? '';
}

async function clientAppointmentIds(): Promise<string[]> {
  const rows = await db.db.select({ id: appointments.id }).from(appointments);
  return rows.map((r) => r.id);
}

async function statusOf(id: string): Promise<string | undefined> {
  const [row] = await db.db
    .select({ status: appointments.status })
    .from(appointments)
    .where(eq(appointments.id, id));
  return row?.status;
}

describe('Slack adapter with the real engine', () => {
  it('links the provider with /link and a code', async () => {
    const code = await createLinkCode(db.db, fixture.providerId, NOW);
    if (!code.ok) throw new Error('no link code');
    await command(PROVIDER, 'link', code.value.code);
    expect(lastShown(harness.api, PROVIDER_DM).text).toMatch(
      /^Linked: this chat now acts as Test Provider/,
    );
  });

  it('books by slash command and buttons; the provider approves in place and the client is told', async () => {
    const id = await bookAsClient();
    expect(await statusOf(id)).toBe('PENDING');
    const request = lastShown(harness.api, PROVIDER_DM);
    expect(request.text).toMatch(/^Booking request from/);
    expect(request.buttons.map((b) => b.value)).toEqual([`ap:${id}`, `dc:${id}`]);

    await click(harness, PROVIDER, request, (b) => b.value === `ap:${id}`);
    expect(await statusOf(id)).toBe('CONFIRMED');
    const updated = harness.api.callsTo('chat.update').filter((c) => c.args.ts === request.ts);
    expect(updated).toHaveLength(1);
    expect(updated[0]?.args.text).toMatch(/Approved by dr-berg\.$/);
    expect(updated[0]?.args.blocks).toContainEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `by <@${PROVIDER}>` }],
    });
    expect(lastShown(harness.api, CLIENT_DM).text).toMatch(
      /^Good news: Test Provider approved your booking/,
    );
  });

  it('the provider declines through the modal with a reason; the message updates and the client is told', async () => {
    const id = await bookAsClient();
    const request = lastShown(harness.api, PROVIDER_DM);
    expect(request.buttons.map((b) => b.value)).toContain(`dc:${id}`);
    const opened = harness.api.callsTo('views.open').length;
    await click(harness, PROVIDER, request, (b) => b.value === `dc:${id}`);
    expect(await statusOf(id)).toBe('PENDING');
    const view = harness.api.callsTo('views.open')[opened]?.args.view as Record<string, unknown>;
    const submission = viewSubmissionPayload({
      userId: PROVIDER,
      triggerId: 'submit-1',
      view,
      reason: 'Away that day',
    });
    expect((await harness.send(interactionBody(submission), FORM)).status).toBe(200);
    await harness.adapter.idle();

    expect(await statusOf(id)).toBe('CANCELLED');
    const updated = harness.api.callsTo('chat.update').filter((c) => c.args.ts === request.ts);
    expect(updated.map((c) => c.args.text)).toEqual([
      expect.stringMatching(/Declined by dr-berg\. Reason: Away that day$/),
    ]);
    const told = lastShown(harness.api, CLIENT_DM).text;
    expect(told).toMatch(/^Test Provider declined your request for Massage/);
    expect(told).toContain('Reason: Away that day');
  });

  it('the same delivery twice books once and answers once', async () => {
    await command(CLIENT, 'book');
    for (let step = 0; step < 8; step++) {
      const shown = lastShown(harness.api, CLIENT_DM);
      if (shown.buttons.some(confirmFirst)) break;
      await click(harness, CLIENT, shown, nextStep);
    }
    const confirm = lastShown(harness.api, CLIENT_DM);
    const before = (await clientAppointmentIds()).length;
    const updatesBefore = harness.api.callsTo('chat.update').length;
    await Promise.all([
      click(harness, CLIENT, confirm, confirmFirst, '1700002000.000001'),
      click(harness, CLIENT, confirm, confirmFirst, '1700002000.000001'),
    ]);
    expect((await clientAppointmentIds()).length).toBe(before + 1);
    expect(harness.api.callsTo('chat.update').length).toBe(updatesBefore + 1);
  });

  it('a retried DM event (same event_id) is answered once', async () => {
    const posts = () =>
      harness.api.callsTo('chat.postMessage').filter((c) => c.args.channel === CLIENT_DM).length;
    const before = posts();
    const body = eventBody('EvRetry1', {
      type: 'message',
      channel_type: 'im',
      channel: CLIENT_DM,
      user: CLIENT,
      text: 'hello',
      ts: '1700003000.000001',
    });
    await harness.send(body, JSON_TYPE);
    await harness.send(body, JSON_TYPE);
    await harness.adapter.idle();
    expect(posts()).toBe(before + 1);
  });

  it('a repeated slash command delivery (same trigger_id) is answered once', async () => {
    const posts = () =>
      harness.api.callsTo('chat.postMessage').filter((c) => c.args.channel === CLIENT_DM).length;
    const before = posts();
    const body = slashCommandBody({
      command: '/mybookings',
      text: '',
      userId: CLIENT,
      triggerId: 'cmd-twice',
    });
    await Promise.all([harness.send(body, FORM), harness.send(body, FORM)]);
    await harness.adapter.idle();
    expect(posts()).toBe(before + 1);
  });

  it('the App Home shows help to someone who is not a provider', async () => {
    await harness.send(
      eventBody('EvHome0', {
        type: 'app_home_opened',
        user: CLIENT,
        channel: CLIENT_DM,
        tab: 'home',
      }),
      JSON_TYPE,
    );
    await harness.adapter.idle();
    const [publish] = harness.api.callsTo('views.publish').filter((c) => c.args.user_id === CLIENT);
    const shown = JSON.stringify(publish?.args.view);
    expect(shown).toContain('Send /book to find a time');
    expect(shown).toContain('/today is for providers');
  });

  it('the App Home shows a linked provider their day', async () => {
    await harness.send(
      eventBody('EvHome1', {
        type: 'app_home_opened',
        user: PROVIDER,
        channel: PROVIDER_DM,
        tab: 'home',
      }),
      JSON_TYPE,
    );
    await harness.adapter.idle();
    const [publish] = harness.api
      .callsTo('views.publish')
      .filter((c) => c.args.user_id === PROVIDER);
    expect(JSON.stringify(publish?.args.view)).toMatch(/Today, /);
  });
});
