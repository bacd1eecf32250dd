// An approval request sent to a provider on Telegram, Slack and the web shows its outcome on each.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebInbox } from '../../bots/web/web-inbox.ts';
import { createWebMessenger } from '../../bots/web/web-messenger.ts';
import { approveAppointment } from '../../src/booking/approve-appointment.ts';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { declineAppointment } from '../../src/booking/decline-appointment.ts';
import { createRoutingMessenger } from '../../src/chat/routing-messenger.ts';
import { chatIdentities } from '../../src/db/schema/chat.ts';
import { sentRequests } from '../../src/db/schema/sent-requests.ts';
import { editSentRequests } from '../../src/jobs/edit-sent-requests.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { createSlackHarness, type SlackHarness } from '../bots/slack/slack-harness.ts';
import { startWebhookHarness, type WebhookHarness } from '../bots/telegram/telegram-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { HOUR, sleep, waitFor } from './job-inspection.ts';
import { book, type Parties, RecordingMailer, seedParties } from './jobs-fixtures.ts';

const db = await createTestDatabase();
const inbox = createWebInbox();
const warnings: { fields: Record<string, unknown>; message: string | undefined }[] = [];
const logger = {
  info: () => {},
  warn: (fields: Record<string, unknown>, message?: string) => warnings.push({ fields, message }),
  error: () => {},
};
let telegram: WebhookHarness;
let slack: SlackHarness;
let jobs: Jobs;
const deps = () => ({ db: db.db, messenger, logger, clock: () => new Date() });
const messenger = createRoutingMessenger();

beforeAll(async () => {
  telegram = await startWebhookHarness(async () => []);
  slack = await createSlackHarness(async () => []);
  messenger.register('telegram', telegram.adapter.messenger);
  messenger.register('slack', slack.adapter.messenger);
  messenger.register('web', createWebMessenger(inbox));
  const mailer = new RecordingMailer();
  const all = { ...deps(), databaseUrl: db.url, mailer };
  jobs = await startJobs(all, { pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await jobs.stop();
  inbox.close();
  await telegram.close();
  await slack.close();
});

let next = 0;
const later = () =>
  new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + (240 + ++next) * HOUR);

/** A provider on Telegram (chat `tg`), Slack (user `sl`) and the web (persona `web`). */
async function providerEverywhere(): Promise<Parties & { tg: string; sl: string; web: string }> {
  const p = await seedParties(db);
  const n = String(1000 + next);
  const tg = `77${n}`;
  const sl = `U${n}`;
  const web = `provider-${n}`;
  await db.db
    .update(chatIdentities)
    .set({ dmAddress: tg })
    .where(eq(chatIdentities.platformUserId, p.providerChat ?? ''));
  slack.api.users.set(sl, { name: 'anna', realName: 'Anna Weber', tz: 'Europe/Berlin' });
  const linked = { providerId: p.providerId, displayName: 'Anna' };
  await db.db.insert(chatIdentities).values([
    { ...linked, platform: 'slack', platformUserId: sl },
    { ...linked, platform: 'web', platformUserId: web },
  ]);
  return { ...p, tg, sl, web };
}

/** Books a request and waits until its copy reached all three platforms. */
async function requestEverywhere() {
  const p = await providerEverywhere();
  const a = await book(db.pool, p, later(), new Date(), 'PENDING');
  await jobs.relayOnce();
  await waitFor(async () => (await copies(a.id)).length === 3);
  return { p, a };
}

const copies = (appointmentId: string) =>
  db.db.select().from(sentRequests).where(eq(sentRequests.appointmentId, appointmentId));
const telegramEdits = (chatId: string) =>
  telegram.fake.callsTo('editMessageText').filter((c) => String(c.payload.chat_id) === chatId);
const slackEdits = (channel: string) =>
  slack.api.callsTo('chat.update').filter((c) => c.args.channel === channel);
const webEdits = async (persona: string) =>
  (await inbox.read(persona, null, 0)).items.filter((i) => i.replaces !== undefined);

describe('approval request copies', () => {
  it('sends the request to each platform and keeps a reference to each copy', async () => {
    const { p, a } = await requestEverywhere();
    const kept = await copies(a.id);
    expect(kept.map((c) => c.platform).sort()).toEqual(['slack', 'telegram', 'web']);
    const sent = telegram.fake
      .callsTo('sendMessage')
      .find((c) => String(c.payload.chat_id) === p.tg);
    expect(sent?.payload.text).toMatch(/^Booking request from Sam Client/);
    expect(slack.api.callsTo('chat.postMessage').some((c) => c.args.channel === `D${p.sl}`)).toBe(
      true,
    );
    const [dm] = (await inbox.read(p.web, null, 0)).items;
    expect(dm?.message.buttons.flat().map((b) => b.label)).toEqual(['Approve', 'Decline']);
    expect(kept.every((c) => c.settledAt === null)).toBe(true);
  });

  it('an approval by the provider (as the Telegram button makes it) edits every copy', async () => {
    const { p, a } = await requestEverywhere();
    const actor = `provider:${p.providerId}`;
    expect((await approveAppointment(db.db, { appointmentId: a.id, actor }, new Date())).ok).toBe(
      true,
    );
    await jobs.relayOnce();
    await waitFor(async () => (await copies(a.id)).every((c) => c.settledAt !== null));
    const [tg] = telegramEdits(p.tg);
    expect(tg?.payload.text).toMatch(/^Booking request from Sam Client[\s\S]*\n\nApproved ✓$/);
    expect(tg?.payload.reply_markup).toEqual({ inline_keyboard: [] });
    const [sl] = slackEdits(`D${p.sl}`);
    expect(sl?.args.text).toMatch(/Approved ✓$/);
    expect(JSON.stringify(sl?.args.blocks)).not.toContain('"actions"');
    const [web] = await webEdits(p.web);
    expect(web?.replaces).toBe(1);
    expect(web?.message).toMatchObject({ buttons: [], text: expect.stringMatching(/Approved ✓$/) });
  });

  it('an approval over REST (admin) edits every copy too, and a decline says so', async () => {
    const first = await requestEverywhere();
    const input = { appointmentId: first.a.id, actor: 'admin' };
    expect((await approveAppointment(db.db, input, new Date())).ok).toBe(true);
    const second = await requestEverywhere();
    const decline = { appointmentId: second.a.id, actor: 'admin', reason: null };
    expect((await declineAppointment(db.db, decline, new Date())).ok).toBe(true);
    await jobs.relayOnce();
    await waitFor(async () => (await copies(second.a.id)).every((c) => c.settledAt !== null));
    await waitFor(async () => (await copies(first.a.id)).every((c) => c.settledAt !== null));
    expect(slackEdits(`D${first.p.sl}`).map((c) => c.args.text)).toEqual([
      expect.stringMatching(/Approved ✓$/),
    ]);
    expect(telegramEdits(second.p.tg).map((c) => c.payload.text)).toEqual([
      expect.stringMatching(/\n\nDeclined$/),
    ]);
    expect((await webEdits(second.p.web)).map((i) => i.message.text)).toEqual([
      expect.stringMatching(/\n\nDeclined$/),
    ]);
  });

  it('a client withdrawing the request shows "Cancelled by the client"', async () => {
    const { p, a } = await requestEverywhere();
    const input = {
      appointmentId: a.id,
      by: 'CLIENT',
      actor: `client:${p.clientId}`,
      reason: null,
    } as const;
    expect((await cancelAppointment(db.db, input, new Date())).ok).toBe(true);
    await jobs.relayOnce();
    await waitFor(async () => (await copies(a.id)).every((c) => c.settledAt !== null));
    expect(slackEdits(`D${p.sl}`).map((c) => c.args.text)).toEqual([
      expect.stringMatching(/\n\nCancelled by the client$/),
    ]);
  });

  it('skips and logs a copy the platform no longer has, and edits the others', async () => {
    const { p, a } = await requestEverywhere();
    telegram.fake.failNext('editMessageText', {
      error_code: 400,
      description: 'Bad Request: message to edit not found',
    });
    const input = { appointmentId: a.id, actor: 'admin' };
    expect((await approveAppointment(db.db, input, new Date())).ok).toBe(true);
    await jobs.relayOnce();
    await waitFor(async () => (await copies(a.id)).every((c) => c.settledAt !== null));
    expect(slackEdits(`D${p.sl}`)).toHaveLength(1);
    expect(await webEdits(p.web)).toHaveLength(1);
    const skipped = warnings.filter((w) => w.fields.appointmentId === a.id);
    expect(skipped).toEqual([
      {
        fields: { appointmentId: a.id, platform: 'telegram', err: 'MessengerError' },
        message: 'approval request copy could not be edited; skipped',
      },
    ]);
    expect(JSON.stringify(skipped)).not.toMatch(/Sam|Anna|Massage/);
  });

  it('a job run again, or relayed twice, edits each copy once', async () => {
    const { p, a } = await requestEverywhere();
    const input = { appointmentId: a.id, actor: 'admin' };
    expect((await approveAppointment(db.db, input, new Date())).ok).toBe(true);
    await jobs.relayOnce();
    await jobs.relayOnce();
    await waitFor(async () => (await copies(a.id)).every((c) => c.settledAt !== null));
    await editSentRequests(deps(), 'again', { appointmentId: a.id });
    await editSentRequests(deps(), 'again', { appointmentId: a.id });
    await sleep(1_000);
    expect(telegramEdits(p.tg)).toHaveLength(1);
    expect(slackEdits(`D${p.sl}`)).toHaveLength(1);
    expect(await webEdits(p.web)).toHaveLength(1);
  });
});
