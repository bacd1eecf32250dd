// End to end with the real engine and database: a provider linked on Telegram approves a request
// and the client is told, each in their own Telegram chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addService, createFixture, type Fixture } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  appointmentsOf,
  expectAllCallsAccepted,
  linkAndRequestConsultation,
  person,
  startEngineHarness,
} from './engine-harness.ts';
import { converse } from './telegram-conversation.ts';
import type { WebhookHarness } from './telegram-harness.ts';

let t: TestDatabase;
let h: WebhookHarness;
let f: Fixture;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await createFixture(t.db);
  await addService(t.db, f.providerId, { name: 'Consultation', requiresApproval: true });
  h = await startEngineHarness(t.db);
});
afterAll(() => h.close());

describe('telegram with the conversation engine: approval', () => {
  it('links a provider, who approves a request by button; the client is told', async () => {
    const pat = person(701, 'Pat');
    const gina = person(702, 'Gina');
    const provider = converse(h, pat);
    const client = converse(h, gina);

    await linkAndRequestConsultation(t.db, f.providerId, provider, client, gina);

    // The request reached Pat's chat as a DM with Approve / Decline on it.
    expect(provider.lastText()).toMatch(/^Booking request from Gina/);
    expect(provider.lastButtons()).toEqual(['Approve', 'Decline']);
    await provider.press(/^Approve$/);
    expect(provider.lastText()).toMatch(/Approved by Pat\.$/);
    expect(provider.lastButtons()).toEqual([]);

    const [approved] = await appointmentsOf(t.db, gina);
    expect(approved?.status).toBe('CONFIRMED');
    expect(client.lastText()).toMatch(/^Good news: Test Provider approved your booking/);
    expectAllCallsAccepted(h);
  });
});
