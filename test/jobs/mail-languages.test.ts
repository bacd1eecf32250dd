// One change mailed to a German client and an English provider, over real SMTP: each reads their own.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients } from '../../src/db/schema/clients.ts';
import { providers } from '../../src/db/schema/providers.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { createSmtpMailer, type SmtpMailer } from '../../src/mail/smtp-mailer.ts';
import { createJitsiProvider } from '../../src/meetings/jitsi-provider.ts';
import type { MeetingInput, MeetingProvider } from '../../src/meetings/meeting-provider.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { readInvite } from '../mail/mail-fixtures.ts';
import { decodeHeader, type MimePart, mimeParts, partOfType } from '../mail/mime-parts.ts';
import { startSmtpServer, type TestSmtpServer } from '../mail/smtp-test-server.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { HOUR, waitFor } from './job-inspection.ts';
import { book, type Parties, seedParties, silentLogger } from './jobs-fixtures.ts';

const db = await createTestDatabase();
let smtp: TestSmtpServer;
let mailer: SmtpMailer;
let jobs: Jobs;
/** What each meeting was asked for: its topic reads in the provider's language. */
const meetingRequests: MeetingInput[] = [];
const jitsi = createJitsiProvider({ baseUrl: 'https://meet.example.test/rooms' });
const meetings: MeetingProvider = {
  name: 'jitsi',
  createMeeting: (input) => {
    meetingRequests.push(input);
    return jitsi.createMeeting(input);
  },
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  const clock = () => new Date();
  mailer = createSmtpMailer({
    smtpUrl: smtp.url,
    from: 'Slotline <bookings@slotline.test>',
    logger: silentLogger,
    clock,
  });
  const deps = { databaseUrl: db.url, db: db.db, messenger: new RecordingMessenger(), mailer };
  const meetingSource = { kind: 'provider', provider: meetings } as const;
  jobs = await startJobs(
    { ...deps, meetings: meetingSource, logger: silentLogger, clock },
    { pollingIntervalSeconds: 0.5 },
  );
});
afterAll(async () => {
  await jobs.stop();
  mailer.close();
  await smtp.close();
});

type Received = { subject: string; text: string; parts: MimePart[] };

/** The mails the SMTP server took for `address`, subject decoded and plain text read. */
function inbox(address: string | null): Received[] {
  return smtp.received
    .map((raw) => mimeParts(raw))
    .filter((parts) => parts[0]?.headers.to === address)
    .map((parts) => ({
      subject: decodeHeader(parts[0]?.headers.subject ?? ''),
      text: partOfType(parts, 'text/plain').body,
      parts,
    }));
}

/** The .ics attachment's SUMMARY. */
function inviteSummary(mail: Received | undefined): unknown {
  const attachment = mail?.parts.find((part) =>
    part.headers['content-disposition']?.includes('filename=invite.ics'),
  );
  return attachment ? readInvite(attachment.body).event.summary : undefined;
}

/** A client and a provider reading the given languages, with a virtual service or not. */
async function seedSpeaking(
  client: string,
  provider: string,
  options: { virtual?: boolean } = {},
): Promise<Parties> {
  const p = await seedParties(db, { service: { isVirtual: options.virtual === true } });
  await db.db.update(clients).set({ language: client }).where(eq(clients.id, p.clientId));
  await db.db.update(providers).set({ language: provider }).where(eq(providers.id, p.providerId));
  return p;
}

describe('mail in each recipient language', () => {
  it('mails a booking and its 48 h reminder to the client in German, to the provider in English', async () => {
    const p = await seedSpeaking('de', 'en');
    const now = new Date();
    await book(db.pool, p, new Date(now.getTime() + 48 * HOUR + 2_500), now);
    await jobs.relayOnce();
    // The change mails sign with '— Slotline'; a reminder ends with its own line instead.
    const reminder = (m: Received) => !m.text.includes('— Slotline');
    await waitFor(
      () =>
        inbox(p.clientEmail).filter(reminder).length > 0 &&
        inbox(p.providerEmail).filter(reminder).length > 0 &&
        inbox(p.clientEmail).length >= 2 &&
        inbox(p.providerEmail).length >= 2,
      20_000,
    );
    const client = inbox(p.clientEmail);
    const booked = client.find((m) => !reminder(m));
    expect(booked?.subject).toMatch(/^Gebucht: Massage bei Anna Weber, /);
    expect(booked?.text).toMatch(/^Hallo Sam Client,\n/);
    expect(booked?.text).toContain('Ihre Buchung ist bestätigt.');
    expect(booked?.text).toContain('(Zeit London)');
    expect(inviteSummary(booked)).toBe('Massage bei Anna Weber');
    const remindedClient = client.find(reminder);
    expect(remindedClient?.subject).toMatch(/^Erinnerung: .*Massage bei Anna Weber$/);
    expect(remindedClient?.text).toContain('(Ihre Zeit, London)');
    expect(remindedClient?.text).toContain('Dies ist eine automatische Erinnerung');

    const provider = inbox(p.providerEmail);
    const told = provider.find((m) => !reminder(m));
    expect(told?.subject).toMatch(/^New booking: Sam Client, /);
    expect(told?.text).toMatch(/^Hi Anna Weber,\n\nSam Client booked with you\./);
    expect(told?.text).toContain('(Berlin time)');
    expect(provider.find(reminder)?.subject).toBe('Reminder: in 2 days: Massage with Sam Client');
  });

  it("names a German provider's meeting in German and gives the German client its join link", async () => {
    const p = await seedSpeaking('de', 'de', { virtual: true });
    const appointment = await book(db.pool, p, new Date(Date.now() + 240 * HOUR), new Date());
    await jobs.relayOnce();
    await waitFor(() => inbox(p.clientEmail).length > 0 && inbox(p.providerEmail).length > 0);
    const request = meetingRequests.find((r) => r.appointmentId === appointment.id);
    expect(request?.topic).toBe('Massage bei Anna Weber');
    expect(inbox(p.clientEmail)[0]?.text).toMatch(/Teilnehmen: https:\/\/meet\.example\.test\//);
    expect(inbox(p.providerEmail)[0]?.subject).toMatch(/^Neue Buchung: Sam Client, /);
    expect(inbox(p.providerEmail)[0]?.text).toContain('Massage mit Sam Client');
  });
});
