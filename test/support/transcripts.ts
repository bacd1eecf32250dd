// Transcript tests shared by every adapter: a person says something, the bot answers, the person
// presses a button. Each adapter's test file drives these same flows through its real SDK and
// fake platform; every step's answer must end something or offer a way on (expectWayOn).
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { providers } from '../../src/db/schema/providers.ts';
import type { Language } from '../../src/i18n/languages.ts';
import { addService, createFixture } from './fixtures.ts';

/** A bot message as the person sees it: its text and its buttons' labels. */
export type Shown = { readonly text: string; readonly buttons: readonly string[] };

/** One person in one chat on one platform. */
export type TranscriptUser = {
  /** The name the bot knows this person by. */
  readonly name: string;
  /** Types `text` (a /command or plain words); what the bot showed in answer, oldest first. */
  say(text: string): Promise<Shown[]>;
  /** Presses the newest button in this chat whose label matches; what the bot showed in answer. */
  press(label: RegExp): Promise<Shown[]>;
  /** Every message in this chat as it now looks (DMs included), oldest first. */
  screen(): Promise<Shown[]>;
};

export type TranscriptPlatform = {
  /**
   * A new client. With `hint`, the platform tells their zone (Europe/Berlin) where it can (Slack's
   * profile, the browser); without, it tells none, so the engine asks. With `speaks`, the platform
   * says they read that language where it can (Telegram's language_code, Discord's interaction
   * locale, Slack's users.info locale, the browser's language); without, it says nothing or
   * English.
   */
  client(name: string, hint: boolean, speaks?: Language): Promise<TranscriptUser>;
  /** A chat user acting as the provider `providerId`, linked the platform's way; `speaks` as above. */
  provider(name: string, providerId: string, speaks?: Language): Promise<TranscriptUser>;
};

/** What the transcripts book: Anna (massage, video) and Clara (checkups need her approval). */
export type TranscriptCatalog = { anna: string; clara: string };

const JOIN_LINK = 'https://meet.example.com/abc-defg-hij';

export async function seedTranscriptCatalog(db: Database): Promise<TranscriptCatalog> {
  const anna = await createFixture(db, { service: { name: 'Massage' } });
  await db.update(providers).set({ name: 'Anna Weber' }).where(eq(providers.id, anna.providerId));
  await addService(db, anna.providerId, {
    name: 'Video consultation',
    durationMinutes: 30,
    price: 0,
    isVirtual: true,
  });
  const clara = await createFixture(db, { service: { name: 'Checkup', requiresApproval: true } });
  await db.update(providers).set({ name: 'Clara Vogt' }).where(eq(providers.id, clara.providerId));
  return { anna: anna.providerId, clara: clara.providerId };
}

/**
 * Words that end something, in English or German: the outcome of a flow, a decision, a setting
 * saved.
 */
const ENDS =
  /^(Booked|Requested|Cancelled|Moved|Linked|Good news|Gebucht|Angefragt|Abgesagt|Abgebrochen|Verschoben|Verknüpft|Gute Nachricht)\b|^(Thanks|Danke)! |\b((Approved|Declined) by|(Angenommen|Abgelehnt) von) [^\n]+\.$/m;

/**
 * Fails unless there are messages and each one ends something ("Booked ...") or offers a way on:
 * buttons, or an explicit question.
 */
export function expectWayOn(messages: readonly Shown[]): void {
  expect(messages.length, 'the bot answered nothing').toBeGreaterThan(0);
  for (const message of messages) {
    const wayOn = ENDS.test(message.text) || message.buttons.length > 0 || /\?/.test(message.text);
    expect(wayOn, `a dead end: ${JSON.stringify(message)}`).toBe(true);
  }
}

export const textOf = (messages: readonly Shown[]) => messages.map((m) => m.text).join('\n---\n');
export const labelsOf = (messages: readonly Shown[]) => messages.flatMap((m) => m.buttons);

/** A step: its answer offers a way on and says every one of `says`. */
export async function step(
  answer: Promise<Shown[]>,
  ...says: (string | RegExp)[]
): Promise<Shown[]> {
  const messages = await answer;
  expectWayOn(messages);
  const text = textOf(messages);
  for (const said of says) {
    if (typeof said === 'string') expect(text).toContain(said);
    else expect(text).toMatch(said);
  }
  return messages;
}

/**
 * A client the engine knows in Berlin: the hint where the platform has one, else the question.
 * `speaks` as for TranscriptPlatform.client.
 */
export async function berliner(
  p: TranscriptPlatform,
  name: string,
  speaks?: Language,
): Promise<TranscriptUser> {
  const user = await p.client(name, true, speaks);
  return {
    ...user,
    async say(text) {
      const first = await user.say(text);
      const asked = first.some(
        (m) => /time zone|Zeitzone/i.test(m.text) && m.buttons.includes('Berlin'),
      );
      if (!asked) return first;
      expectWayOn(first);
      return user.press(/^Berlin$/);
    },
  };
}

/**
 * The provider, in English, finds the client's Wed 2 Dec checkup request under /requests and
 * approves it.
 */
export async function approveWednesdayCheckup(
  provider: TranscriptUser,
  client: TranscriptUser,
): Promise<void> {
  const waiting = await step(provider.say('/requests'), 'Checkup', client.name, 'Wed 2 Dec');
  expect(labelsOf(waiting)).toEqual(['Approve 1', 'Decline 1']);
  await step(
    provider.press(/^Approve 1$/),
    `Booking request from ${client.name}\nCheckup`,
    `\n\nApproved by ${provider.name}.`,
  );
}

/** One walk: what it shows, and its steps on a platform. */
export type Transcript = {
  readonly flow: string;
  readonly run: (p: TranscriptPlatform, c: TranscriptCatalog, db: Database) => Promise<void>;
};

export const TRANSCRIPTS: readonly Transcript[] = [
  {
    flow: 'resume after the time zone question',
    async run(p) {
      const client = await p.client('Rosa', false);
      const asked = await step(
        client.say('book a massage with anna wednesday at 10'),
        /time zone/i,
      );
      expect(labelsOf(asked)).toContain('Berlin');
      await step(
        client.say('Berlin'),
        'Please confirm',
        'Massage with Anna Weber',
        'Wed 2 Dec 2026, 10:00',
      );
      await step(
        client.press(/^Confirm$/),
        /^Booked: Massage with Anna Weber\nWed 2 Dec 2026, 10:00/m,
      );
    },
  },
  {
    flow: 'plain words',
    async run(p) {
      const client = await berliner(p, 'Paul');
      const summary = await step(
        client.say('book a massage with anna tomorrow at 10'),
        /^Please confirm:\nMassage with Anna Weber\nTue 1 Dec 2026, 10:00–11:00/m,
      );
      expect(labelsOf(summary)).toEqual(['Confirm', 'Repeat weekly', 'Cancel']);
      await step(
        client.press(/^Confirm$/),
        /^Booked: Massage with Anna Weber\nTue 1 Dec 2026, 10:00/m,
      );
    },
  },
  {
    flow: 'typos',
    async run(p) {
      const client = await berliner(p, 'Tina');
      const times = await step(
        client.say('masage with ana tomorow'),
        'Massage with Anna Weber on Tue 1 Dec 2026',
        'Pick a time',
      );
      expect(labelsOf(times)).toContain('11:00');
      await step(client.press(/^11:00$/), 'Please confirm', 'Tue 1 Dec 2026, 11:00');
      await step(
        client.press(/^Confirm$/),
        /^Booked: Massage with Anna Weber\nTue 1 Dec 2026, 11:00/m,
      );
    },
  },
  {
    flow: 'exact times, free and taken',
    async run(p) {
      const first = await berliner(p, 'Fred');
      await step(
        first.say('book a massage with anna thursday at 2pm'),
        'Please confirm',
        'Thu 3 Dec 2026, 14:00',
      );
      await step(
        first.press(/^Confirm$/),
        /^Booked: Massage with Anna Weber\nThu 3 Dec 2026, 14:00/m,
      );

      const second = await berliner(p, 'Sara');
      const taken = await step(
        second.say('massage with anna thursday at 2pm'),
        '14:00 is not free that day',
        'The nearest free times are 13:00 and 15:00.',
      );
      expect(labelsOf(taken)).toEqual(expect.arrayContaining(['13:00', '15:00']));
      expect(labelsOf(taken)).not.toContain('14:00');
      await step(second.press(/^15:00$/), 'Please confirm', 'Thu 3 Dec 2026, 15:00');
      await step(
        second.press(/^Confirm$/),
        /^Booked: Massage with Anna Weber\nThu 3 Dec 2026, 15:00/m,
      );
    },
  },
  {
    flow: 'virtual links',
    async run(p, _c, db) {
      const client = await berliner(p, 'Vera');
      await step(
        client.say('book a video consultation with anna friday at 9'),
        'Please confirm',
        'Video consultation with Anna Weber',
        'Fri 4 Dec 2026, 09:00',
      );
      await step(
        client.press(/^Confirm$/),
        /^Booked: Video consultation with Anna Weber\nFri 4 Dec 2026, 09:00/m,
        'The video link is being made; /mybookings shows it',
      );
      // What the confirmation job does through ensureMeetingLink (no meeting provider here).
      await db
        .update(appointments)
        .set({ meetingLink: JOIN_LINK })
        .where(eq(appointments.startTime, new Date('2026-12-04T08:00:00Z')));
      await step(
        client.say('/mybookings'),
        'Video consultation with Anna Weber',
        `Join: ${JOIN_LINK}`,
      );
      await step(client.press(/^Reschedule 1$/), 'Currently Fri 4 Dec 2026, 09:00');
      await step(client.press(/^Thu 3 Dec$/), 'Pick a time');
      await step(client.press(/^09:00$/), 'Thu 3 Dec 2026, 09:00');
      await step(
        client.press(/^Confirm$/),
        /^Moved: Video consultation with Anna Weber/m,
        `Join: ${JOIN_LINK}`,
      );
    },
  },
  {
    flow: 'pending requests',
    async run(p, c) {
      const provider = await p.provider('Clara', c.clara);
      const client = await berliner(p, 'Gina');
      await step(
        client.say('book a checkup with clara wednesday at 11'),
        'Please confirm',
        'Checkup with Clara Vogt',
        'Wed 2 Dec 2026, 11:00',
      );
      await step(client.press(/^Confirm$/), /^Requested: Checkup with Clara Vogt/m);

      await approveWednesdayCheckup(provider, client);
      const told = (await client.screen()).at(-1);
      expect(told?.text).toMatch(/^Good news: Clara Vogt approved your booking/);
      expectWayOn(told ? [told] : []);

      // The request's first DM may still show its buttons: a press there says it was decided.
      const dm = (await provider.screen()).filter((m) => m.buttons.includes('Approve'));
      if (dm.length > 0) {
        const late = await step(provider.press(/^Approve$/), 'This request was already handled');
        expect(labelsOf(late)).toEqual(['Your week']);
      }
    },
  },
];
