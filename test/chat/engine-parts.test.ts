// The engine's pure parts: button data, typed time zones, /book words, failure replies, formats.
import { describe, expect, it } from 'vitest';
import { bestMatches, readBookingWords } from '../../src/chat/booking-words.ts';
import {
  type AppointmentVerb,
  appointmentData,
  type FlowAction,
  flowData,
  newNonce,
  parseButtonData,
} from '../../src/chat/button-data.ts';
import { dualClock, formatDayLong, formatPrice } from '../../src/chat/chat-format.ts';
import { describeFailure } from '../../src/chat/failure-reply.ts';
import { COMMON_TIMEZONES, matchTimezone } from '../../src/chat/timezone-answer.ts';
import type { Failure } from '../../src/domain/outcome.ts';
import { normalizeTimezone } from '../../src/domain/timezone.ts';
import { translatorFor } from '../../src/i18n/translator.ts';

const en = translatorFor('en');
const de = translatorFor('de');

const ID = '0b9f5c1e-8f0a-4c59-9d39-2f5a8f3f6e11';

// `satisfies Record<…>` makes tsc refuse a missing or an unknown action, so the lists stay whole.
const FLOW_ACTIONS = Object.keys({
  tz: 0,
  pv: 0,
  sv: 0,
  dy: 0,
  tm: 0,
  od: 0,
  nx: 0,
  pp: 0,
  ok: 0,
  no: 0,
  rs: 0,
  cx: 0,
  cy: 0,
  cn: 0,
  wl: 0,
  wr: 0,
  rw: 0,
  sn: 0,
  sa: 0,
  sf: 0,
  sc: 0,
  cs: 0,
  sy: 0,
} satisfies Record<FlowAction, 0>) as FlowAction[];
const APPOINTMENT_VERBS = Object.keys({ ap: 0, dc: 0, cp: 0, ns: 0 } satisfies Record<
  AppointmentVerb,
  0
>) as AppointmentVerb[];

describe('button data', () => {
  it('round-trips flow and appointment data within 64 bytes', () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[a-z0-9]{8}$/);
    for (const action of FLOW_ACTIONS) {
      expect(parseButtonData(flowData(nonce, action))).toEqual({
        kind: 'flow',
        nonce,
        action,
        index: null,
      });
      const data = flowData(nonce, action, 99);
      expect(parseButtonData(data)).toEqual({ kind: 'flow', nonce, action, index: 99 });
    }
    for (const verb of APPOINTMENT_VERBS) {
      const data = appointmentData(verb, ID);
      expect(Buffer.byteLength(data)).toBe(39);
      expect(parseButtonData(data)).toEqual({ kind: 'appointment', verb, appointmentId: ID });
    }
  });

  it.each([
    '',
    'garbage',
    'k3f9a2b7',
    'k3f9a2b7:zz:1',
    'k3f9a2b7:pv:01',
    'k3f9a2b7:pv:1000',
    'K3F9A2B7:pv:1',
    'k3f9a2b:pv:1',
    'k3f9a2b7:pv:-1',
    'k3f9a2b7:pv:1:2',
    `xx:${ID}`,
    'ap:not-a-uuid-at-all-but-36-characters',
    `ap:${ID} `,
    `ap:${ID}${'x'.repeat(30)}`,
  ])('refuses %j', (data) => {
    expect(parseButtonData(data)).toBeNull();
  });
});

describe('typed time zones', () => {
  it.each([
    ['new york', 'America/New_York'],
    ['NEW  YORK', 'America/New_York'],
    ['Los Angeles', 'America/Los_Angeles'],
    ['london', 'Europe/London'],
    ['europe/berlin', 'Europe/Berlin'],
    ['America/New York', 'America/New_York'],
    ['buenos aires', 'America/Buenos_Aires'],
    ['Mumbai', normalizeTimezone('Asia/Kolkata')],
    ['utc', 'UTC'],
  ])('reads %j as %s', (text, zone) => {
    expect(matchTimezone(text)).toBe(zone);
  });

  it.each(['', 'Atlantis', 'x/y', '+01:00', 'a'.repeat(80)])('refuses %j', (text) => {
    expect(matchTimezone(text)).toBeNull();
  });

  it('offers only zones the runtime knows', () => {
    for (const zone of COMMON_TIMEZONES) expect(normalizeTimezone(zone)).not.toBeNull();
  });
});

describe('/book words', () => {
  const EN = translatorFor('en');
  const monday = new Date('2026-11-30T08:00:00Z');

  it('reads day, time and the words left for names', () => {
    expect(
      readBookingWords(EN, 'massage with Anna tomorrow after 3pm', 'Europe/London', monday),
    ).toEqual({
      words: ['massage', 'anna'],
      day: '2026-12-01',
      time: { kind: 'from', minutes: 900 },
    });
    expect(
      readBookingWords(EN, 'consultation with dr weber friday before 11', 'Asia/Kolkata', monday),
    ).toEqual({
      words: ['consultation', 'weber'],
      day: '2026-12-04',
      time: { kind: 'before', minutes: 660 },
    });
  });

  it("takes 'tomorrow' in the client's zone, not the server's", () => {
    // 23:30 UTC on Monday is already Tuesday in Berlin.
    const late = new Date('2026-11-30T23:30:00Z');
    expect(readBookingWords(EN, 'tomorrow', 'Europe/Berlin', late).day).toBe('2026-12-02');
    expect(readBookingWords(EN, 'tomorrow', 'America/New_York', late).day).toBe('2026-12-01');
  });

  it('keeps a word that is no date on its own as a name', () => {
    expect(readBookingWords(EN, 'May', 'UTC', monday)).toEqual({
      words: ['may'],
      day: null,
      time: null,
    });
  });

  it('matches names fuzzily: typos, prefixes, parts, hyphens', () => {
    const weber = { name: 'Dr. Anna Weber' };
    const massage = { name: 'Deep tissue massage' };
    const checkup = { name: 'Check-up' };
    // Both words count: two matched beat the one of Anna Schmidt.
    expect(bestMatches([{ name: 'Anna Schmidt' }, weber], ['anna', 'weber'])).toEqual([weber]);
    expect(bestMatches([massage], ['massag'])).toEqual([massage]);
    expect(bestMatches([checkup], ['checkup'])).toEqual([checkup]);
    expect(bestMatches([checkup], ['chekup'])).toEqual([checkup]);
    expect(bestMatches([massage], ['xylophone'])).toEqual([]);
    expect(bestMatches([checkup], ['check'])).toEqual([checkup]);
    const people = [{ name: 'Anna Weber' }, { name: 'Anna Schmidt' }, { name: 'Bob' }];
    expect(bestMatches(people, ['anna'])).toHaveLength(2);
    expect(bestMatches(people, ['anna', 'schmidt'])).toEqual([{ name: 'Anna Schmidt' }]);
    expect(bestMatches(people, [])).toEqual([]);
  });
});

describe('failure replies', () => {
  const failures: Failure[] = [
    { ok: false, code: 'NOT_FOUND', entity: 'service' },
    { ok: false, code: 'VALIDATION_ERROR', message: 'bad' },
    { ok: false, code: 'SLOT_TAKEN' },
    { ok: false, code: 'SLOT_UNAVAILABLE', reason: 'TOO_SOON' },
    { ok: false, code: 'NO_SHOW_LOCKOUT', until: new Date('2026-12-30T12:00:00Z') },
    { ok: false, code: 'INVALID_TRANSITION', action: 'approve', from: 'CANCELLED', message: '' },
    { ok: false, code: 'IDEMPOTENCY_KEY_REUSED' },
  ];

  it('gives every code plain words and a way on', () => {
    const replies = failures.map((f) => describeFailure(en, f, 'Europe/Berlin'));
    expect(replies.map((r) => r.recovery)).toEqual([
      'restart',
      'restart',
      'fresh-times',
      'fresh-times',
      'other-days',
      'none',
      'restart',
    ]);
    expect(replies[2]?.text).toContain('Someone was faster');
    expect(replies[4]?.text).toContain('Wed 30 Dec 2026');
    expect(replies[5]?.text).toBe(
      'This request was already handled: the appointment is cancelled.',
    );
    for (const reply of replies) expect(reply.text).not.toMatch(/[A-Z]{2,}_[A-Z]+/);
  });
});

describe('formats', () => {
  it('formats prices in minor units of their currency', () => {
    expect(formatPrice(en, 5000, 'EUR')).toBe('€50.00');
    expect(formatPrice(en, 1250, 'USD')).toBe('US$12.50');
    expect(formatPrice(en, 500, 'JPY')).toBe('JP¥500');
    expect(formatPrice(en, 0, 'EUR')).toBe('free');
    expect(formatPrice(en, 100, 'XYZ')).toMatch(/1\.00/);
  });

  it("adds the provider's clock only when it differs", () => {
    const at = Date.parse('2026-12-01T13:00:00Z');
    expect(dualClock(en, at, 'Europe/London', 'Europe/Berlin')).toBe('13:00 (14:00 Berlin time)');
    expect(dualClock(en, at, 'Europe/Paris', 'Europe/Berlin')).toBe('14:00');
    expect(dualClock(en, Date.parse('2026-12-01T23:30:00Z'), 'UTC', 'Asia/Tokyo')).toBe(
      '23:30 (Wed 08:30 Tokyo time)',
    );
  });

  it.each([
    ['price', () => formatPrice(de, 5000, 'EUR'), '50,00\u00a0€'],
    ['free', () => formatPrice(de, 0, 'EUR'), 'kostenlos'],
    ['day', () => formatDayLong(de, '2026-12-01'), 'Di., 1. Dez. 2026'],
    ['day', () => formatDayLong(en, '2026-12-01'), 'Tue 1 Dec 2026'],
    [
      'clock',
      () => dualClock(de, Date.parse('2026-12-01T23:30:00Z'), 'UTC', 'Asia/Tokyo'),
      '23:30 (Mi. 08:30 Uhr, Zeit Tokyo)',
    ],
  ])('formats a %s by the language', (_, format, expected) => {
    expect(format()).toBe(expected);
  });
});
