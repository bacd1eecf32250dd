// Changes made through the REST API reach the other party's chats with the same notices.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import { createLinkCode } from '../../src/chat/create-link-code.ts';
import { notifyAppointmentChange } from '../../src/chat/notify-appointment-change.ts';
import {
  type Catalog,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  NOW,
  say,
  seedCatalog,
} from './chat-harness.ts';

let h: ChatHarness;
let catalog: Catalog;
let clientId: string;
const client = chatUser('500', 'Nina');
const provider = chatUser('U900', 'Anna', { platform: 'slack', timezone: 'Europe/Berlin' });

beforeAll(async () => {
  h = await createChatHarness();
  catalog = await seedCatalog(h);
  await say(h, client, command('timezone', 'London'));
  const code = await createLinkCode(h.db.db, catalog.anna, NOW);
  if (!code.ok) throw new Error('no code');
  await say(h, provider, command('link', code.value.code));
  const { rows } = await h.db.pool.query<{ client_id: string }>(
    `select client_id from chat_identities where platform_user_id = '500'`,
  );
  clientId = rows[0]?.client_id ?? '';
});

async function bookVia(serviceId: string, start: string): Promise<string> {
  const r = await bookAppointment(
    h.db.db,
    {
      providerId: catalog.anna,
      serviceId,
      clientId,
      startTime: new Date(start),
      notes: null,
      idempotencyKey: randomUUID(),
      actor: 'admin',
    },
    NOW,
  );
  if (!r.ok) throw new Error(r.code);
  return r.value.appointment.id;
}

function sentSince(index: number) {
  return h.messenger.sent
    .slice(index)
    .map((s) => ({ to: s.to.platformUserId, text: s.message.text }));
}

describe('notifyAppointmentChange', () => {
  it('sends the provider an approval request with buttons and the client a note for a PENDING booking', async () => {
    const id = await bookVia(catalog.checkup, '2026-12-01T10:00:00+01:00');
    const before = h.messenger.sent.length;
    await notifyAppointmentChange(h.deps, { kind: 'booked', appointmentId: id });
    const sent = h.messenger.sent.slice(before);
    expect(sent.map((s) => s.to.platformUserId)).toEqual(['U900', '500']);
    expect(sent[0]?.message.buttons.flat().map((b) => b.data)).toEqual([`ap:${id}`, `dc:${id}`]);
    expect(sent[1]?.message.text).toContain('waiting for the provider');
  });

  it('tells the client about a provider cancellation and the refund', async () => {
    const id = await bookVia(catalog.massage, '2026-12-02T10:00:00+01:00');
    await h.db.pool.query(
      `update appointments set status = 'CANCELLED', cancelled_at = now(), cancelled_by = 'PROVIDER', refund_status = 'REFUND_DUE' where id = $1`,
      [id],
    );
    const before = h.messenger.sent.length;
    await notifyAppointmentChange(h.deps, { kind: 'cancelled', appointmentId: id, by: 'PROVIDER' });
    const sent = sentSince(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe('500');
    expect(sent[0]?.text).toContain('Anna Weber cancelled Massage');
    expect(sent[0]?.text).toContain('refunded in full');
  });

  it('tells both parties about a reschedule, each in their own time zone', async () => {
    const id = await bookVia(catalog.massage, '2026-12-03T10:00:00+01:00');
    const before = h.messenger.sent.length;
    await notifyAppointmentChange(h.deps, {
      kind: 'rescheduled',
      appointmentId: id,
      previousStart: new Date('2026-12-03T08:00:00Z'),
    });
    const sent = sentSince(before);
    expect(sent.map((s) => s.to)).toEqual(['U900', '500']);
    expect(sent[1]?.text).toContain('moved from');
  });

  it('explains a no-show with its lockout', async () => {
    const id = await bookVia(catalog.massage, '2026-12-04T10:00:00+01:00');
    await h.db.pool.query(
      `update clients set no_show_lockout_until = '2027-01-03T00:00:00Z' where id = $1`,
      [clientId],
    );
    const before = h.messenger.sent.length;
    await notifyAppointmentChange(h.deps, { kind: 'no-show', appointmentId: id });
    const sent = sentSince(before);
    expect(sent[0]?.text).toContain('marked as not attending');
    expect(sent[0]?.text).toContain('3 Jan 2027');
  });

  it('does nothing for an unknown appointment and never throws', async () => {
    const before = h.messenger.sent.length;
    await expect(
      notifyAppointmentChange(h.deps, { kind: 'approved', appointmentId: randomUUID() }),
    ).resolves.toBeUndefined();
    expect(h.messenger.sent.length).toBe(before);
  });
});
