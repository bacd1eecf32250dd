// Weekly series walked through an adapter: the same walks on every platform, each adapter's test
// driving them through its own SDK and fake platform (see test/support/transcripts.ts). Every
// answer must end something or offer a way on (expectWayOn). Monday 2026-11-30 in Berlin.
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import type { Database } from '../../src/db/database.ts';
import { services } from '../../src/db/schema/providers.ts';
import { addClient } from '../support/fixtures.ts';
import {
  berliner,
  labelsOf,
  step,
  type TranscriptCatalog,
  type TranscriptPlatform,
  textOf,
} from '../support/transcripts.ts';

/** Someone else has Anna's massage at `start` (UTC) already. */
async function takenAlready(db: Database, c: TranscriptCatalog, start: string): Promise<void> {
  const clientId = await addClient(db, 'Early Bird');
  const { serviceId } = await serviceOf(db, c.anna);
  const booked = await bookAppointment(
    db,
    {
      providerId: c.anna,
      serviceId,
      clientId,
      startTime: new Date(start),
      notes: null,
      idempotencyKey: `early-${start}`,
      actor: `client:${clientId}`,
      paymentHoldMinutes: null,
    },
    new Date('2026-11-30T06:00:00Z'),
  );
  expect(booked.ok).toBe(true);
}

async function serviceOf(db: Database, providerId: string): Promise<{ serviceId: string }> {
  const [row] = await db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.providerId, providerId), eq(services.name, 'Massage')));
  if (!row) throw new Error('no massage');
  return { serviceId: row.id };
}

type SeriesWalk = {
  readonly flow: string;
  readonly run: (p: TranscriptPlatform, c: TranscriptCatalog, db: Database) => Promise<void>;
};

export const SERIES_WALKS: readonly SeriesWalk[] = [
  {
    flow: 'a series in words: the free dates first, one taken, Book the free ones, Cancel series',
    async run(p, c, db) {
      await takenAlready(db, c, '2026-12-15T09:00:00Z');
      const client = await berliner(p, 'Wanda');
      const preview = await step(
        client.say('book a massage with anna every tuesday at 10 for 4 weeks'),
        'Every Tuesday at 10:00 (Europe/Berlin), 4 times, Massage with Anna Weber:\n✓ Tue 1 Dec, 10:00\n✓ Tue 8 Dec, 10:00\n✗ Tue 15 Dec, 10:00 (taken)\n✓ Tue 22 Dec, 10:00\n3 of 4 are free.',
      );
      expect(labelsOf(preview)).toEqual(['Book the 3 free ones', 'Change', 'Cancel']);
      const booked = await step(
        client.press(/^Book the 3 free ones$/),
        /^Booked 3 of 4: Massage with Anna Weber, every Tuesday at 10:00 \(Europe\/Berlin\)$/m,
        '✓ Tue 1 Dec, 10:00\n✓ Tue 8 Dec, 10:00\n✓ Tue 22 Dec, 10:00\nSkipped:\n✗ Tue 15 Dec, 10:00 (taken)',
      );
      expect(labelsOf(booked)).toEqual(['My bookings']);
      const list = await step(
        client.press(/^My bookings$/),
        'Massage with Anna Weber (confirmed; weekly, 1 of 4)',
        'Massage with Anna Weber (confirmed; weekly, 2 of 4)',
      );
      expect(labelsOf(list)).toContain('Cancel series 1');
      const ask = await step(
        client.press(/^Cancel series 1$/),
        'Cancel the whole series of Massage with Anna Weber?\nIts 3 upcoming dates go: Tue 1 Dec, 10:00; Tue 8 Dec, 10:00; Tue 22 Dec, 10:00.',
      );
      expect(labelsOf(ask)).toEqual(['Yes, cancel the series', 'Keep it']);
      await step(
        client.press(/^Yes, cancel the series$/),
        'Cancelled: the series, 3 upcoming dates\n✗ Tue 1 Dec, 10:00\n✗ Tue 8 Dec, 10:00\n✗ Tue 22 Dec, 10:00',
      );
    },
  },
  {
    flow: 'Repeat weekly on a summary, How many weeks?, Book all',
    async run(p) {
      const client = await berliner(p, 'Rita');
      const summary = await step(
        client.say('/book massage with anna thursday at 9'),
        'Please confirm',
        'Thu 3 Dec 2026, 09:00',
      );
      expect(labelsOf(summary)).toEqual(['Confirm', 'Repeat weekly', 'Cancel']);
      const asked = await step(
        client.press(/^Repeat weekly$/),
        'Massage with Anna Weber, every Thursday at 09:00 (Europe/Berlin).\nHow many weeks?',
      );
      expect(labelsOf(asked)).toEqual([
        '4 weeks',
        '8 weeks',
        '12 weeks',
        'Other day or time',
        'Cancel',
      ]);
      await step(
        client.press(/^4 weeks$/),
        '✓ Thu 3 Dec, 09:00\n✓ Thu 10 Dec, 09:00\n✓ Thu 17 Dec, 09:00\n✓ Thu 24 Dec, 09:00\nAll 4 are free.',
      );
      await step(
        client.press(/^Book all 4$/),
        /^Booked 4 of 4: Massage with Anna Weber, every Thursday at 09:00/m,
      );
    },
  },
  {
    flow: 'a changed mind: no zone yet, Change to 12 weeks, then Cancel',
    async run(p) {
      const client = await p.client('Nora', false);
      const first = await step(client.say('massage with anna every wednesday at 11 for 8 weeks'));
      const preview = first.some((m) => m.buttons.includes('Berlin'))
        ? await step(client.press(/^Berlin$/), '8 times, Massage with Anna Weber:')
        : first;
      expect(textOf(preview)).toContain('Every Wednesday at 11:00 (Europe/Berlin), 8 times');
      await step(client.press(/^Change$/), 'What would you like to change?', 'How many weeks?');
      await step(
        client.press(/^12 weeks$/),
        '12 times, Massage with Anna Weber:',
        '✓ Wed 27 Jan, 11:00\n✗ Wed 3 Feb to Wed 17 Feb, 11:00: 3 dates (too far ahead to book)',
        '9 of 12 are free.',
      );
      await step(
        client.press(/^Cancel$/),
        'Cancelled: nothing was booked. Send /book to start again.',
      );
    },
  },
];
