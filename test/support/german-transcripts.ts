// German transcripts shared by every adapter: a client whose platform says German books by
// buttons and by words, cancels, and is approved by an English provider; each person reads their
// own language. Monday 2026-11-30 in Berlin, as in the English transcripts.
import { expect } from 'vitest';
import {
  berliner,
  expectWayOn,
  labelsOf,
  step,
  type Transcript,
  type TranscriptPlatform,
  type TranscriptUser,
  textOf,
} from './transcripts.ts';

/** A client whose platform says German, known in Berlin (asked where the platform cannot tell). */
const germanBerliner = (p: TranscriptPlatform, name: string) => berliner(p, name, 'de');

/** The newest message `user` was shown. */
async function lastShown(user: TranscriptUser) {
  const last = (await user.screen()).at(-1);
  expectWayOn(last ? [last] : []);
  return last?.text ?? '';
}

export const GERMAN_TRANSCRIPTS: readonly Transcript[] = [
  {
    flow: 'a German booking by buttons',
    async run(p) {
      const client = await germanBerliner(p, 'Lena');
      const who = await step(client.say('/book'), 'Wen möchten Sie buchen?');
      expect(labelsOf(who)).toEqual(expect.arrayContaining(['Anna Weber', 'Clara Vogt']));
      await step(client.press(/^Anna Weber$/), 'Was möchten Sie bei Anna Weber buchen?');
      const days = await step(client.press(/^Massage/), 'Massage bei Anna Weber', /Welcher Tag\?/);
      expect(labelsOf(days)).toContain('Di., 1. Dez.');
      await step(client.press(/^Di\., 1\. Dez\.$/), 'Wählen Sie eine Uhrzeit');
      await step(
        client.press(/^09:00$/),
        /^Bitte bestätigen Sie:\nMassage bei Anna Weber\nDi\., 1\. Dez\. 2026, 09:00–10:00/m,
      );
      await step(
        client.press(/^Bestätigen$/),
        /^Gebucht: Massage bei Anna Weber\nDi\., 1\. Dez\. 2026, 09:00/m,
        'Der Termin ist bestätigt.',
      );
    },
  },
  {
    flow: 'a German booking from words',
    async run(p) {
      const client = await p.client('Jonas', true, 'de');
      // Discord tells the locale with interactions only (a DM message carries none): the first
      // contact is a /command there, as for any new user, and the typed words that follow keep
      // the language it told. Where the platform tells no zone, /help asks for it.
      const help = await step(client.say('/help'), '/book: einen Termin buchen');
      if (labelsOf(help).includes('Berlin')) {
        expect(textOf(await client.press(/^Berlin$/))).toMatch(/^Danke! /);
      }
      const summary = await step(
        client.say('Massage bei Anna morgen um 10'),
        /^Bitte bestätigen Sie:\nMassage bei Anna Weber\nDi\., 1\. Dez\. 2026, 10:00–11:00/m,
      );
      expect(labelsOf(summary)).toEqual(['Bestätigen', 'Wöchentlich wiederholen', 'Abbrechen']);
      await step(
        client.press(/^Bestätigen$/),
        /^Gebucht: Massage bei Anna Weber\nDi\., 1\. Dez\. 2026, 10:00/m,
      );
    },
  },
  {
    flow: 'a German request approved by an English provider, each in their own language',
    async run(p, c) {
      const provider = await p.provider('Clara', c.clara);
      const client = await germanBerliner(p, 'Emma');
      await step(
        client.say('/book Checkup bei Clara Mittwoch um 11'),
        /^Bitte bestätigen Sie:\nCheckup bei Clara Vogt\nMi\., 2\. Dez\. 2026, 11:00/m,
      );
      await step(client.press(/^Bestätigen$/), /^Angefragt: Checkup bei Clara Vogt/m);

      const waiting = await step(provider.say('/requests'), 'Checkup', client.name, 'Wed 2 Dec');
      expect(labelsOf(waiting)).toEqual(['Approve 1', 'Decline 1']);
      await step(
        provider.press(/^Approve 1$/),
        `Booking request from ${client.name}\nCheckup`,
        `\n\nApproved by ${provider.name}.`,
      );
      expect(await lastShown(client)).toMatch(
        /^Gute Nachricht: Clara Vogt hat Ihre Buchung angenommen\.\nCheckup\nMi\., 2\. Dez\. 2026, 11:00/,
      );
    },
  },
];
