// No user-facing words outside the catalog: a scan of the chat, mail, jobs and adapter sources for
// string and template literals of two or more words, and for UNTHREADED_EN anywhere.
import { describe, expect, it } from 'vitest';
import {
  type Found,
  findStrayText,
  findUnthreaded,
  SCANNED_ROOTS,
  strayTextOf,
} from './scan-sources.ts';

/**
 * Strings of two or more words that no chat user reads, by file and exact text. Each entry says
 * why; anything a person reads in a chat, a mail or a page belongs in the catalog instead.
 */
const NOT_USER_FACING: readonly Allowed[] = [
  {
    file: 'src/chat/clean-chat-event.ts',
    texts: ['Chat user'],
    why: 'a stored name (chat_identities.display_name) for a user the platform names not: data, read by everyone alike',
  },
  {
    file: 'bots/telegram/to-chat-event.ts',
    texts: ['Telegram user '],
    why: 'the same stored name, for a Telegram user without a first name',
  },
  {
    file: 'src/chat/hold-buttons.ts',
    texts: ['hold released by the client'],
    why: 'the audit reason on the cancel event; a given-up hold is mailed and told to nobody (change-mail-plan, change-notice-plan)',
  },
  {
    file: 'src/jobs/settle-jobs.ts',
    texts: ['malformed payload'],
    why: "a dead-lettered job's output in pg-boss, for operators",
  },
  {
    file: 'bots/telegram/telegram-start-error.ts',
    texts: ['could not be reached'],
    why: 'part of the TelegramStartError message at startup, for operators',
  },
  {
    file: 'bots/slack/slack-http-receiver.ts',
    texts: [
      'invalid or stale signature',
      'not a Slack request body',
      'the Slack adapter is not running',
    ],
    why: "HTTP error bodies answering Slack's servers",
  },
  {
    file: 'bots/telegram/webhook-runner.ts',
    texts: ['wrong or missing secret token', 'the body is not a Telegram update'],
    why: "HTTP error bodies answering Telegram's servers",
  },
  ...[
    ['bots/web/event-route.ts', 'unknown persona'],
    ['bots/web/inbox-route.ts', 'not a cursor this server returned', 'unknown persona'],
    ['bots/web/read-json-body.ts', 'expected Content-Type: application/json', 'malformed JSON'],
    ['bots/web/web-error.ts', 'internal error'],
    ['bots/web/web-event-body.ts', 'at most 64 bytes'],
  ].map(([file = '', ...texts]) => ({
    file,
    texts,
    why: "the web chat API's error bodies (code and message, as the REST API's), for the page's script; the page wraps them in its own catalog text",
  })),
];

/** Strings allowed in one file, and why no chat user reads them. */
type Allowed = { readonly file: string; readonly texts: readonly string[]; readonly why: string };

const allows = (a: Allowed, found: Found) => a.file === found.file && a.texts.includes(found.text);

describe('the catalog holds every user-facing text', () => {
  it(`no string of words in ${SCANNED_ROOTS.join(', ')} outside the catalog`, () => {
    const stray = findStrayText().filter((found) => !NOT_USER_FACING.some((a) => allows(a, found)));
    expect(stray.map((s) => `${s.file}:${s.line}: ${JSON.stringify(s.text)}`)).toEqual([]);
  });

  it('no UNTHREADED_EN is left in src/ or bots/', () => {
    expect(findUnthreaded().map((s) => `${s.file}:${s.line}`)).toEqual([]);
  });

  it('every allowlist entry still matches a string in its file', () => {
    const found = findStrayText();
    const stale = NOT_USER_FACING.flatMap(({ file, texts }) =>
      texts.filter((text) => !found.some((s) => s.file === file && s.text === text)),
    );
    expect(stale).toEqual([]);
  });
});

describe('the scan', () => {
  it.each([
    ["reply('Pick a time')", 'Pick a time'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template, scanned
    ['const x = `Booked: ${what} with you`;', ' with you'],
    ['const b = { label: "Book again" };', 'Book again'],
    ['const html = `<p class="note">Send a message</p>`;', '<p class="note">Send a message</p>'],
    ['const i = `<input placeholder="Type a message">`;', '<input placeholder="Type a message">'],
    ["logWords('not a log')", 'not a log'],
    ["catalog.info('not a logger')", 'not a logger'],
  ])('finds the words in %s', (code, text) => {
    expect(strayTextOf(code).map((f) => f.text)).toEqual([text]);
  });

  it.each([
    "logger.warn({ id }, 'could not send the reminder')",
    "deps.logger.error({ err: 'no such thing' }, 'job failed')",
    "throw new ChatStoreError('could not open a turn')",
    "throw failure('no such appointment')",
    'class GoneError extends Error { constructor() { super(`the row is gone`); } }',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template, scanned
    'const q = `select id from clients where name = ${name} and id = ${id}`;',
    'await db.execute(sql`lock table appointment_events in share mode`);',
    "import { a } from './some module.ts';",
    "type Kind = 'a b' | 'c d';",
    "const day = when.toFormat('d LLL yyyy');",
    "const week = new RegExp('(next|this) (week|weekend)', 'i');",
    "const key = 'booking.pickDay';",
    '// a comment with words is fine',
    'const html = `<meta name="viewport" content="width=device-width, initial-scale=1">`;',
  ])('leaves %s alone', (code) => {
    expect(strayTextOf(code)).toEqual([]);
  });
});
