// The client's booking conversation in German: every refusal's reply, the hold's words, and a
// /book walk from the first question to the summary, for a client whose platform speaks German.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../src/chat/appointment-view.ts';
import type { ChatUser } from '../../src/chat/chat-types.ts';
import { describeFailure } from '../../src/chat/failure-reply.ts';
import { amountWords, holdLines } from '../../src/chat/payment-words.ts';
import type { Failure } from '../../src/domain/outcome.ts';
import { translatorFor } from '../../src/i18n/translator.ts';
import {
  action,
  allButtons,
  buttonData,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  say,
  seedCatalog,
  textOf,
} from './chat-harness.ts';

const en = translatorFor('en');
const de = translatorFor('de');
const BERLIN = 'Europe/Berlin';

describe('every refusal in German', () => {
  it.each<[string, Failure, string]>([
    [
      'a gone service',
      { ok: false, code: 'NOT_FOUND', entity: 'service' },
      'Diese Leistung ist leider nicht mehr verfügbar. Fangen wir neu an.',
    ],
    [
      'a gone appointment',
      { ok: false, code: 'NOT_FOUND', entity: 'appointment' },
      'Dieser Termin ist leider nicht mehr verfügbar. Fangen wir neu an.',
    ],
    [
      'an unusable choice',
      { ok: false, code: 'VALIDATION_ERROR', message: 'bad' },
      'Diese Auswahl konnte ich leider nicht verwenden. Fangen wir neu an.',
    ],
    [
      'a lost race',
      { ok: false, code: 'SLOT_TAKEN' },
      'Jemand war schneller und hat diese Zeit gerade gebucht. Diese Zeiten sind noch frei:',
    ],
    [
      'a time just blocked',
      { ok: false, code: 'SLOT_UNAVAILABLE', reason: 'BLOCKED' },
      'Der Anbieter hat diese Zeit gerade gesperrt. Diese Zeiten sind noch frei:',
    ],
    [
      'a no-show lockout',
      { ok: false, code: 'NO_SHOW_LOCKOUT', until: new Date('2026-12-30T12:00:00Z') },
      'Nach einem versäumten Termin können Sie bis Mi., 30. Dez. 2026 keinen Termin für denselben ' +
        'Tag buchen. Jeden anderen Tag können Sie weiterhin buchen:',
    ],
    [
      'a full day',
      { ok: false, code: 'LIMIT_REACHED', limit: 'SERVICE_PER_DAY', max: 1, date: '2026-12-01' },
      'Diese Leistung nimmt höchstens 1 Buchung pro Tag an, und Di., 1. Dez. 2026 ist ausgebucht. ' +
        'Wählen Sie einen anderen Tag:',
    ],
    [
      'a full week, no date known',
      { ok: false, code: 'LIMIT_REACHED', limit: 'SERVICE_PER_WEEK', max: 3 },
      'Diese Leistung nimmt höchstens 3 Buchungen pro Woche an, und diese Woche ist ausgebucht. ' +
        'Wählen Sie einen anderen Tag:',
    ],
    [
      "the client's own limit",
      { ok: false, code: 'LIMIT_REACHED', limit: 'CLIENT_ACTIVE', max: 2 },
      'Sie haben bei diesem Anbieter bereits 2 anstehende Buchungen, mehr sind nicht möglich. ' +
        'Senden Sie /mybookings, um sie zu sehen oder eine abzusagen, und buchen Sie dann erneut.',
    ],
    [
      'a request already handled',
      { ok: false, code: 'INVALID_TRANSITION', action: 'approve', from: 'CANCELLED', message: '' },
      'Diese Anfrage wurde bereits bearbeitet: Der Termin ist abgesagt.',
    ],
    [
      'a cancellation too late',
      { ok: false, code: 'INVALID_TRANSITION', action: 'cancel', from: 'CONFIRMED', message: '' },
      'Nichts geändert: Der Termin hat bereits begonnen und kann nicht mehr abgesagt werden.',
    ],
    [
      'a reused menu',
      { ok: false, code: 'IDEMPOTENCY_KEY_REUSED' },
      'Dieses Menü wurde bereits für eine andere Buchung verwendet. Hier ist ein neues.',
    ],
  ])('%s', (_name, failure, text) => {
    const german = describeFailure(de, failure, BERLIN);
    expect(german.text).toBe(text);
    // The way on does not depend on the language.
    expect(german.recovery).toBe(describeFailure(en, failure, BERLIN).recovery);
  });
});

describe('a payment hold in German', () => {
  const now = new Date('2026-11-30T10:00:00Z');
  const held = {
    appointment: {
      status: 'AWAITING_PAYMENT',
      price: 5000,
      amountDue: 1500,
      currency: 'EUR',
      holdExpiresAt: new Date('2026-11-30T10:15:00Z'),
    },
    clientTimezone: BERLIN,
  } as unknown as AppointmentView;

  it('names the deposit, the deadline in the client clock and what is left', () => {
    expect(amountWords(de, held)).toBe('15,00\u00a0€ Anzahlung');
    expect(holdLines(de, held, now)).toEqual([
      'Um zu buchen, zahlen Sie 15,00\u00a0€ Anzahlung bis 11:15 (Ihre Zeit).',
      'Die restlichen 35,00\u00a0€ zahlen Sie beim Termin.',
      'Ohne Zahlung bis dahin wird die Zeit freigegeben, und es wird nichts berechnet.',
    ]);
  });

  it('names the day when the hold ends on another one', () => {
    const late = new Date('2026-11-29T20:00:00Z');
    expect(holdLines(de, held, late)[0]).toContain('bis Mo., 30. Nov., 11:15 (Ihre Zeit)');
  });
});

describe('/book for a client whose platform speaks German', () => {
  let h: ChatHarness;
  beforeAll(async () => {
    h = await createChatHarness();
    await seedCatalog(h);
  });

  function german(id: string): ChatUser {
    return { ...chatUser(id, `Kundin ${id}`, { timezone: 'Europe/London' }), locale: 'de-DE' };
  }

  it('asks each step and sums up the booking in German, with German buttons', async () => {
    const user = german('900');
    const start = await say(h, user, command('book'));
    expect(start[0]?.text).toContain('Wen möchten Sie buchen?');
    expect(start[0]?.text).toContain('1. Anna Weber (Therapie)');
    expect(allButtons(start).map((b) => b.label)).toContain('Abbrechen');

    const services = await say(h, user, action(buttonData(start, 'Anna Weber')));
    expect(services[0]?.text).toContain('Was möchten Sie bei Anna Weber buchen?');
    expect(services[0]?.text).toContain('Massage: 60 Min., 50,00\u00a0€');
    expect(services[0]?.text).toContain('Check-up: 30 Min., 80,00\u00a0€ (Bestätigung nötig)');

    const days = await say(h, user, action(buttonData(services, 'Massage')));
    expect(days[0]?.text).toContain('Massage bei Anna Weber. Welcher Tag?');
    expect(allButtons(days).map((b) => b.label)).toContain('Weiter ›');

    const times = await say(h, user, action(buttonData(days, 'Di., 1. Dez.')));
    expect(times[0]?.text).toContain('Massage bei Anna Weber am Di., 1. Dez. 2026.');
    expect(times[0]?.text).toContain('Wählen Sie eine Uhrzeit (Ihre Zeit, London):');
    expect(allButtons(times).map((b) => b.label)).toContain('Anderer Tag');

    const summary = await say(h, user, action(buttonData(times, /^13:00/)));
    const text = textOf(summary);
    expect(text).toContain('Bitte bestätigen Sie:');
    expect(text).toContain('Massage bei Anna Weber');
    expect(text).toContain('Di., 1. Dez. 2026, 13:00–14:00 (Ihre Zeit, London)');
    expect(text).toContain('Di., 1. Dez. 2026, 14:00–15:00 (Zeit Berlin)');
    expect(text).toContain('60 Min., 50,00\u00a0€');
    const labels = allButtons(summary).map((b) => b.label);
    expect(labels).toEqual(['Bestätigen', 'Wöchentlich wiederholen', 'Abbrechen']);

    const cancelled = await say(h, user, action(buttonData(summary, 'Abbrechen')));
    expect(textOf(cancelled)).toBe(
      'Abgebrochen: Es wurde nichts gebucht. Senden Sie /book, um neu zu beginnen.',
    );
  });

  it('answers /timezone and /email in German', async () => {
    const user = german('901');
    const zone = await say(h, user, command('timezone'));
    expect(textOf(zone)).toContain('Ihre Zeitzone ist Europe/London.');
    expect(textOf(zone)).toContain('Zum Ändern wählen Sie eine aus');
    const email = await say(h, user, command('email'));
    expect(textOf(email)).toContain('Sie haben keine E-Mail-Adresse hinterlegt');
    const wrong = await say(h, user, command('email', 'kein-at-zeichen'));
    expect(textOf(wrong)).toContain(
      '„kein-at-zeichen“ sieht nicht wie eine E-Mail-Adresse aus, daher wurde nichts geändert.',
    );
  });
});
