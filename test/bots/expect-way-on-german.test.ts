// The dead-end check reads German endings as it reads English ones (one rule for both).
import { describe, expect, it } from 'vitest';
import { expectWayOn } from '../support/transcripts.ts';

describe('expectWayOn in German', () => {
  it.each([
    'Gebucht: Massage bei Anna Weber\nDi., 1. Dez. 2026, 10:00',
    'Angefragt: Checkup bei Clara Vogt\nMi., 2. Dez. 2026, 11:00',
    'Abgesagt: Massage bei Anna Weber\nDo., 3. Dez. 2026, 14:00',
    'Abgebrochen: Es wurde nichts gebucht. Senden Sie /book, um neu zu beginnen.',
    'Verschoben: Videoberatung bei Anna Weber',
    'Verknüpft: Dieser Chat handelt jetzt als Clara Vogt.',
    'Gute Nachricht: Clara Vogt hat Ihre Buchung angenommen.',
    'Danke! Ich zeige Ihnen die Zeiten in Ihrer Zeitzone an: Europe/Berlin.',
    'Buchungsanfrage von Gina\n\nAngenommen von Clara.',
    'Buchungsanfrage von Gina\n\nAbgelehnt von Clara.',
  ])('accepts the ending %j', (text) => {
    expectWayOn([{ text, buttons: [] }]);
  });

  it('fails on a German message with no way on', () => {
    const dead = [{ text: 'An diesem Tag gibt es keine freien Zeiten.', buttons: [] }];
    expect(() => expectWayOn(dead)).toThrow(/a dead end/);
  });
});
