// German transcripts shared by every adapter: a client whose platform says German books by
// buttons and by words, cancels, and is approved by an English provider; each person reads their
// own language. Monday 2026-11-30 in Berlin, as in the English transcripts.
import { expect } from 'vitest';
import {
  approveWednesdayCheckup,
  berliner,
  expectWayOn,
  labelsOf,
  type Shown,
  step,
  type Transcript,
  type TranscriptPlatform,
  type TranscriptUser,
  textOf,
} from './transcripts.ts';

/** A client whose platform says German, known in Berlin (asked where the platform cannot tell). */
const germanBerliner = (p: TranscriptPlatform, name: string) => berliner(p, name, 'de');

/** The newest message `user` was shown (a DM the other party's step sent them). */
async function lastShown(user: TranscriptUser): Promise<Shown> {
  const last = (await user.screen()).at(-1);
  expect(last, `${user.name} was shown nothing`).toBeDefined();
  return last ?? { text: '', buttons: [] };
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
    flow: 'a German cancellation, told to a German provider',
    async run(p, c) {
      const provider = await p.provider('Anna', c.anna, 'de');
      const client = await germanBerliner(p, 'Mia');
      await step(client.say('/book Massage bei Anna Donnerstag um 14'), 'Bitte bestätigen Sie:');
      await step(client.press(/^Bestätigen$/), /^Gebucht: Massage bei Anna Weber\nDo\., 3\. Dez/m);
      const list = await step(
        client.say('/mybookings'),
        'Ihre anstehenden Termine:',
        /Do\., 3\. Dez/,
      );
      expect(labelsOf(list)).toEqual(expect.arrayContaining(['Verschieben 1', 'Absagen 1']));
      const asked = await step(client.press(/^Absagen 1$/), 'Massage bei Anna Weber absagen?');
      expect(labelsOf(asked)).toEqual(['Ja, absagen', 'Behalten']);
      await step(
        client.press(/^Ja, absagen$/),
        /^Abgesagt: Massage bei Anna Weber\nDo\., 3\. Dez\. 2026, 14:00/m,
      );
      const { text } = await lastShown(provider);
      expect(text).toContain(`${client.name} hat Massage abgesagt`);
      expect(text).toMatch(/Do\., 3\. Dez\. 2026/);
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

      await approveWednesdayCheckup(provider, client);
      const told = await lastShown(client);
      expectWayOn([told]);
      expect(told.text).toMatch(
        /^Gute Nachricht: Clara Vogt hat Ihre Buchung angenommen\.\nCheckup\nMi\., 2\. Dez\. 2026, 11:00/,
      );
    },
  },
];
