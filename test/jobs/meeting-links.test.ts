// A confirmed virtual appointment gets one join link, stored and shown in the client's mail.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveAppointment } from '../../src/booking/approve-appointment.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { createJitsiProvider } from '../../src/meetings/jitsi-provider.ts';
import {
  MeetingConfigError,
  MeetingError,
  type MeetingInput,
  type MeetingLink,
  type MeetingProvider,
} from '../../src/meetings/meeting-provider.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { deliveryFailures, inviteOf } from './change-mail-harness.ts';
import { HOUR, sleep, waitFor } from './job-inspection.ts';
import { book, RecordingMailer, seedParties, silentLogger } from './jobs-fixtures.ts';

/**
 * Jitsi on a test server, recording every request and delete; appointments in `refuse` get a
 * config error. Two jobs may make a meeting at once: the one not stored is deleted again.
 */
class RecordingMeetings implements MeetingProvider {
  readonly name = 'jitsi';
  readonly requests: MeetingInput[] = [];
  readonly deleted: string[] = [];
  readonly refuse = new Set<string>();
  /** Appointments whose next request fails as unavailable (once each). */
  readonly unavailable = new Set<string>();
  readonly #jitsi = createJitsiProvider({ baseUrl: 'https://meet.example.test/rooms' });
  async createMeeting(input: MeetingInput) {
    this.requests.push(input);
    if (this.refuse.has(input.appointmentId)) throw new MeetingConfigError('Zoom user unknown');
    if (this.unavailable.delete(input.appointmentId)) throw new MeetingError('Zoom 503', {});
    const link = await this.#jitsi.createMeeting(input);
    this.#made.set(link.url, input.appointmentId);
    return link;
  }
  async deleteMeeting(link: MeetingLink) {
    this.deleted.push(link.url);
  }
  for(appointmentId: string): MeetingInput[] {
    return this.requests.filter((r) => r.appointmentId === appointmentId);
  }
  /** Meetings made for the appointment (not failed) and not deleted again. */
  kept(appointmentId: string): number {
    const made = [...this.#made.values()].filter((id) => id === appointmentId).length;
    return made - this.deletedFor(appointmentId);
  }
  #made = new Map<string, string>();
  deletedFor(appointmentId: string): number {
    return this.deleted.filter((url) => this.#made.get(url) === appointmentId).length;
  }
}

const db = await createTestDatabase();
const mailer = new RecordingMailer();
const messenger = new RecordingMessenger();
const meetings = new RecordingMeetings();
let jobs: Jobs;

beforeAll(async () => {
  const deps = { databaseUrl: db.url, db: db.db, messenger, mailer };
  jobs = await startJobs(
    {
      ...deps,
      meetings: { kind: 'provider', provider: meetings },
      logger: silentLogger,
      clock: () => new Date(),
    },
    { pollingIntervalSeconds: 0.5, retry: { retryLimit: 2, retryDelaySeconds: 1 } },
  );
});
afterAll(() => jobs.stop());

const later = () => new Date(Math.floor(Date.now() / 1000) * 1000 + 240 * HOUR);
const virtual = { service: { isVirtual: true } };
const LINK = /^https:\/\/meet\.example\.test\/rooms\/slotline-[0-9a-f]{40}$/;

async function linkOf(appointmentId: string): Promise<string | null> {
  const [row] = await db.db
    .select({ link: appointments.meetingLink })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  return row?.link ?? null;
}

describe.concurrent('meeting links', () => {
  it('stores one link for a confirmed virtual booking and puts it in the confirmation', async () => {
    const p = await seedParties(db, virtual);
    const appointment = await book(db.pool, p, later(), new Date());
    await jobs.relayOnce();
    await jobs.relayOnce();
    const inbox = () => mailer.to(p.clientEmail ?? '');
    await waitFor(() => inbox().length > 0);
    await sleep(1_500);
    const link = await linkOf(appointment.id);
    expect(link).toMatch(LINK);
    expect(meetings.kept(appointment.id)).toBe(1);
    expect(meetings.for(appointment.id)[0]?.durationMinutes).toBe(60);
    expect(inbox()).toHaveLength(1);
    expect(inbox()[0]?.text).toContain(`Join: ${link}`);
    expect(inbox()[0]?.invite?.content).toContain('meet.example.test');
    // The provider's new-booking DM carries the same link (the client booked in chat).
    const dms = messenger.sent.filter((s) => s.to.platformUserId === p.providerChat);
    expect(dms.map((s) => s.message.text)).toEqual([expect.stringContaining(`Join: ${link}`)]);
  });

  it('makes the link when a pending virtual booking is approved, not before', async () => {
    const p = await seedParties(db, virtual);
    const appointment = await book(db.pool, p, later(), new Date(), 'PENDING');
    await jobs.relayOnce();
    const inbox = () => mailer.to(p.clientEmail ?? '');
    await waitFor(() => inbox().length > 0);
    expect(await linkOf(appointment.id)).toBeNull();
    const input = { appointmentId: appointment.id, actor: 'test' };
    expect((await approveAppointment(db.db, input, new Date())).ok).toBe(true);
    await jobs.relayOnce();
    await waitFor(() => inbox().length >= 2);
    const link = await linkOf(appointment.id);
    expect(link).toMatch(LINK);
    expect(inbox()[1]?.text).toContain(`Join: ${link}`);
    await waitFor(() => messenger.sent.some((s) => s.to.platformUserId === p.clientChat));
    const told = messenger.sent.filter((s) => s.to.platformUserId === p.clientChat);
    expect(told.map((s) => s.message.text)).toEqual([
      expect.stringMatching(new RegExp(`^Good news[\\s\\S]*Join: ${link}$`)),
    ]);
    expect(meetings.kept(appointment.id)).toBe(1);
  });

  it('makes no link for a service that is not virtual', async () => {
    const p = await seedParties(db);
    const appointment = await book(db.pool, p, later(), new Date());
    await jobs.relayOnce();
    await waitFor(() => mailer.to(p.clientEmail ?? '').length > 0);
    expect(await linkOf(appointment.id)).toBeNull();
    expect(meetings.for(appointment.id)).toHaveLength(0);
    expect(mailer.to(p.clientEmail ?? '')[0]?.text).not.toContain('Join:');
  });

  it('records a refused link on the event log and mails the confirmation without one', async () => {
    const p = await seedParties(db, virtual);
    const start = later();
    const appointment = await book(db.pool, p, start, new Date());
    meetings.refuse.add(appointment.id);
    await jobs.relayOnce();
    const inbox = () => mailer.to(p.clientEmail ?? '');
    await waitFor(() => inbox().length > 0);
    expect(inbox()[0]?.text).not.toContain('Join:');
    expect(inviteOf(inbox()[0])).toMatchObject({ method: 'REQUEST', start: start.toISOString() });
    expect(await linkOf(appointment.id)).toBeNull();
    const [failure] = await deliveryFailures(db, appointment.id);
    expect(failure?.payload).toMatchObject({
      channel: 'meeting',
      kind: 'confirmation',
      reason: 'MeetingConfigError: Zoom user unknown',
    });
  });

  it('retries when the meeting provider is unavailable, then mails the link', async () => {
    const p = await seedParties(db, virtual);
    const appointment = await book(db.pool, p, later(), new Date());
    meetings.unavailable.add(appointment.id);
    await jobs.relayOnce();
    const inbox = () => mailer.to(p.clientEmail ?? '');
    await waitFor(() => inbox().length > 0, 20_000);
    const link = await linkOf(appointment.id);
    expect(link).toMatch(LINK);
    expect(meetings.kept(appointment.id)).toBe(1);
    expect(inbox()).toHaveLength(1);
    expect(inbox()[0]?.text).toContain(`Join: ${link}`);
    expect(await deliveryFailures(db, appointment.id)).toHaveLength(0);
  });
});
