// `npm start` through a whole day's work and its faults logs no name, address, phone or token.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeGoogle, startFakeGoogle } from '../fakes/google-calendar-api.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.ts';
import { signedRequest, slashCommandBody } from '../fakes/slack-requests.ts';
import { type FakeTelegram, startFakeTelegram } from '../fakes/telegram-api.ts';
import {
  freePort,
  freshDataDir,
  killStartedApps,
  logLines,
  type StartedApp,
  startApp,
  waitFor,
} from '../support/start-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { type PickySmtp, startPickySmtp } from './picky-smtp.ts';

const CLIENT = 'Zebulon Quixote';
const CLIENT_EMAIL = 'zebulon.q@example.org';
const JUNIOR = 'Zebulon Quixote Junior';
const JUNIOR_EMAIL = 'zebulon.junior@example.org';
const PROVIDER = 'Dr. Ottilie Marchbanks';
const PROVIDER_EMAIL = 'ottilie.marchbanks@example.net';
const PHONE = '+1 (555) 013-2468';
const ADMIN_TOKEN = 'admin-Tok3n-zq-0123456789abcdef';
const TELEGRAM_TOKEN = '7654321:TG-zq-SECRET-telegram-token';
const SLACK_TOKEN = 'xoxb-777-zq-SECRET-slack-token';
const SLACK_SECRET = 'zq-slack-signing-secret-0123456789';
const GOOGLE_ID = 'zq-google-client-id';
const GOOGLE_SECRET = 'GOCSPX-zq-google-client-secret';
const TELEGRAM_USER = {
  id: 424242,
  is_bot: false,
  first_name: 'Zebulon',
  last_name: 'Quixote',
  username: 'zebulon_quixote',
};
const TELEGRAM_JUNIOR = {
  id: 434343,
  is_bot: false,
  first_name: 'Zebulon',
  last_name: 'Quixote Junior',
};
const SLACK_USER = 'U0ZQ42';

let db: TestDatabase;
let telegram: FakeTelegram;
let slack: FakeSlackApi;
let google: FakeGoogle;
let smtp: PickySmtp;
/** Everything both runs wrote, stdout and stderr. */
let output = '';
let dataDir = '';

beforeAll(async () => {
  db = await createTestDatabase();
  telegram = await startFakeTelegram({ token: TELEGRAM_TOKEN, maxHoldMs: 300 });
  slack = await startFakeSlackApi({ botToken: SLACK_TOKEN });
  slack.users.set(SLACK_USER, { name: 'zebulon.q', realName: CLIENT, tz: 'UTC' });
  google = await startFakeGoogle({ clientId: GOOGLE_ID, clientSecret: GOOGLE_SECRET });
  // The client's first attempt is "try later", the provider's address is refused for good.
  smtp = await startPickySmtp((address, attempt) => {
    if (address === PROVIDER_EMAIL) return 550;
    return address === CLIENT_EMAIL && attempt === 1 ? 451 : 250;
  });
  dataDir = await freshDataDir('slotline-logscan-');
});

afterAll(async () => {
  killStartedApps();
  await Promise.all([telegram.close(), slack.close(), google.close(), smtp.close()]);
});

type Running = {
  readonly app: StartedApp;
  readonly base: string;
  call(method: string, path: string, body?: unknown, key?: string): Promise<Response>;
};

async function run(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const app = startApp({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    ADMIN_API_TOKEN: ADMIN_TOKEN,
    SEED_DEMO: 'false',
    ...env,
  });
  await waitFor(app, /background jobs started/);
  await waitFor(app, /chat adapters started/);
  const base = `http://127.0.0.1:${port}`;
  return {
    app,
    base,
    call: (method, path, body, key) =>
      fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          'content-type': 'application/json',
          ...(key === undefined ? {} : { 'idempotency-key': key }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

async function stop(running: Running): Promise<void> {
  running.app.child.kill('SIGTERM');
  await running.app.exited;
  output += running.app.output();
}

async function created(response: Promise<Response>): Promise<{ id: string }> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(201);
  return JSON.parse(text) as { id: string };
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Free slot starts of the provider's service over the next week. */
async function freeStarts(r: Running, ids: { provider: string; service: string }) {
  const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const res = await r.call(
    'GET',
    `/api/providers/${ids.provider}/slots?service_id=${ids.service}&date=${date}&days=5`,
  );
  const { slots } = (await res.json()) as { slots: { start: string }[] };
  return slots.map((s) => s.start);
}

/** The app's own database sessions, ended as a failover would end them. */
async function terminateAppSessions(): Promise<void> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
  } finally {
    await client.end();
  }
}

it('logs no client or provider name, address, phone number or token across a full run with faults', async () => {
  // Run 1: mail to the outbox, Telegram and Slack chat, Google Calendar, and faults.
  const first = await run({
    TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: slack.url,
    GOOGLE_CLIENT_ID: GOOGLE_ID,
    GOOGLE_CLIENT_SECRET: GOOGLE_SECRET,
    GOOGLE_API_ROOT: google.rootUrl,
    GOOGLE_AUTH_URL: google.authUrl,
    GOOGLE_TOKEN_URL: google.tokenUrl,
  });
  const provider = await created(
    first.call('POST', '/api/providers', {
      name: PROVIDER,
      type: 'DOCTOR',
      timezone: 'UTC',
      email: PROVIDER_EMAIL,
      bio: `Reach me on ${PHONE}`,
    }),
  );
  const service = await created(
    first.call('POST', `/api/providers/${provider.id}/services`, {
      name: 'Consultation',
      duration_minutes: 30,
      price: 5000,
      currency: 'EUR',
      buffer_time_minutes: 0,
      max_advance_days: 60,
      cancellation_hours: 0,
      requires_approval: false,
      min_notice_minutes: 0,
      slot_interval_minutes: null,
      is_virtual: false,
      is_active: true,
    }),
  );
  const week = [0, 1, 2, 3, 4, 5, 6].map((d) => ({
    day_of_week: d,
    start_time: '09:00',
    end_time: '17:00',
  }));
  expect(
    (await first.call('PUT', `/api/providers/${provider.id}/availability`, { windows: week }))
      .status,
  ).toBe(200);
  const client = await created(
    first.call('POST', '/api/clients', { name: CLIENT, email: CLIENT_EMAIL, timezone: 'UTC' }),
  );
  const ids = { provider: provider.id, service: service.id };
  const starts = await freeStarts(first, ids);
  const booking = {
    provider_id: provider.id,
    service_id: service.id,
    client_id: client.id,
    notes: `${CLIENT}, call ${PHONE} or write to ${CLIENT_EMAIL}`,
  };
  const booked = await created(
    first.call('POST', '/api/appointments', { ...booking, start_time: starts[0] }, 'zq-1'),
  );

  // Mail to the outbox: the client's confirmation and the provider's notice, in private files.
  const outbox = join(dataDir, 'mail');
  const files = await until('two outbox files', async () => {
    const names = await readdir(outbox).catch(() => []);
    return names.length >= 2 ? names : null;
  });
  expect((await stat(outbox)).mode & 0o777).toBe(0o700);
  for (const name of files) expect((await stat(join(outbox, name))).mode & 0o777).toBe(0o600);

  // Google Calendar: an event naming the client is on the calendar; the first insert fails.
  google.addExternalEvent('primary', {
    summary: `Lunch with ${CLIENT}, ${PHONE}`,
    description: CLIENT_EMAIL,
    start: { dateTime: starts[4] ?? '' },
    end: { dateTime: new Date(Date.parse(starts[4] ?? '') + 3_600_000).toISOString() },
  });
  google.failNext(({ method, path }) => method === 'POST' && path.endsWith('/events'), 500);
  const linked = await first.call('POST', `/api/providers/${provider.id}/calendar/google/connect`);
  const { url } = (await linked.json()) as { url: string };
  const consent = await fetch(url, { redirect: 'manual' });
  const back = await fetch(consent.headers.get('location') ?? '', { redirect: 'manual' });
  // The app names itself localhost in redirect URLs; it listens on 127.0.0.1.
  const callback = (back.headers.get('location') ?? '').replace('//localhost:', '//127.0.0.1:');
  expect((await fetch(callback)).status).toBe(200);
  await waitFor(first.app, /"msg":"delivery failed; pg-boss will retry"/);
  await until('a calendar pull', async () => google.calls.some((c) => c.method === 'GET'));

  // Telegram: a client with a name, an address and a phone number; one reply blocked.
  telegram.push(telegram.textUpdate(TELEGRAM_USER, '/start'));
  telegram.push(telegram.textUpdate(TELEGRAM_USER, `/email ${CLIENT_EMAIL}`));
  await telegram.waitForCalls('sendMessage', 2, 15_000);
  telegram.failNext('sendMessage', {
    error_code: 403,
    description: 'Forbidden: bot was blocked by the user',
  });
  telegram.push(telegram.textUpdate(TELEGRAM_USER, `/book with ${PROVIDER}, call me ${PHONE}`));
  await waitFor(first.app, /"msg":"telegram reply not delivered"/);
  telegram.failNext('sendMessage', {
    error_code: 400,
    description: `Bad Request: chat of ${CLIENT} not found`,
  });
  telegram.push(telegram.textUpdate(TELEGRAM_USER, '/help'));
  await until('a second refused reply', async () =>
    (first.app.output().match(/telegram reply not delivered/g) ?? []).length >= 2 ? true : null,
  );

  // Slack: a slash command from a person with a name; the reply's channel is gone.
  slack.failNext('chat.postMessage', 'channel_not_found');
  const command = slashCommandBody({
    command: '/book',
    text: `with ${PROVIDER} for ${CLIENT} ${PHONE}`,
    userId: SLACK_USER,
    triggerId: 'T0TRIGGER',
  });
  const slashed = await fetch(
    `${first.base}/slack/events`,
    signedRequest(SLACK_SECRET, command, 'application/x-www-form-urlencoded', new Date()),
  );
  expect(slashed.status).toBe(200);
  await waitFor(first.app, /"msg":"Slack event failed"/);

  // Database errors that quote the row: triggers refuse one client and one chat person by name.
  await db.pool.query(`
    create function zq_refuse_client() returns trigger language plpgsql as $$
    begin
      if new.name like '${JUNIOR}%' then
        raise exception 'refusing %, % (%)', new.name, new.email, '${PHONE}';
      end if;
      return new;
    end $$;
    create trigger zq_refuse before insert on clients
      for each row execute function zq_refuse_client();
    create function zq_refuse_identity() returns trigger language plpgsql as $$
    begin
      if new.display_name like '%Junior%' then
        raise exception 'refusing % (%)', new.display_name, '${PHONE}';
      end if;
      return new;
    end $$;
    create trigger zq_refuse before insert or update on chat_identities
      for each row execute function zq_refuse_identity();`);
  const refused = await first.call('POST', '/api/clients', {
    name: JUNIOR,
    email: JUNIOR_EMAIL,
    timezone: 'UTC',
  });
  expect(refused.status).toBe(500);
  telegram.push(telegram.textUpdate(TELEGRAM_JUNIOR, '/book'));
  await waitFor(first.app, /"msg":"chat handler fault"/);

  // A failover: every session of the app ends at once (pools and pg-boss).
  await terminateAppSessions();
  await until('health again', async () => {
    const res = await fetch(`${first.base}/healthz`).catch(() => null);
    return res?.status === 200;
  });
  await stop(first);

  // Run 2: mail over SMTP; the client's server says "later" once, the provider's refuses.
  const second = await run({ SMTP_URL: smtp.url });
  await created(
    second.call('POST', '/api/appointments', { ...booking, start_time: starts[2] }, 'zq-2'),
  );
  await waitFor(second.app, /"msg":"delivery failed; pg-boss will retry"/);
  const cancelled = await second.call('POST', `/api/appointments/${booked.id}/cancel`, {
    by: 'client',
    reason: `${CLIENT} is ill, call ${PHONE}`,
  });
  expect(cancelled.status).toBe(200);
  await waitFor(second.app, /"msg":"mail sent over SMTP"/);
  await until('the refused provider mail on the event log', async () => {
    const { rows } = await db.pool.query(
      "select 1 from appointment_events where type = 'DELIVERY_FAILED'",
    );
    return rows.length > 0;
  });
  await stop(second);

  // No personal data, secret or connection object is in anything either run wrote...
  const key = (await readFile(join(dataDir, 'encryption-key'), 'utf8').catch(() => '')).trim();
  const secrets = [
    'Zebulon',
    'zebulon',
    'Quixote',
    'quixote',
    'Ottilie',
    'ottilie',
    'Marchbanks',
    'example.org',
    'example.net',
    PHONE,
    '013-2468',
    '0132468',
    ADMIN_TOKEN,
    TELEGRAM_TOKEN,
    'TG-zq-SECRET',
    SLACK_TOKEN,
    SLACK_SECRET,
    GOOGLE_SECRET,
    ...google.issuedAccessTokens,
    ...google.issuedRefreshTokens,
    db.url,
    `${new URL(db.url).username}:${new URL(db.url).password}@`,
    'connectionParameters',
    '_connecting',
    'refusing',
    'Failing row',
    'params:',
    ...(key === '' ? [] : [key]),
  ];
  const leaks = secrets.filter((secret) => output.includes(secret));
  const leakingLines = output.split('\n').filter((line) => leaks.some((s) => line.includes(s)));
  expect(leaks, leakingLines.slice(0, 5).join('\n')).toEqual([]);
  // ...though the faults were there and were logged with their codes.
  const lines = logLines(output);
  const messages = lines.map((line) => line.msg);
  for (const expected of [
    'mail kept in the outbox (SMTP_URL is unset)',
    'mail sent over SMTP',
    'request failed',
    'telegram reply not delivered',
    'Slack event failed',
    'chat handler fault',
    'delivery failed; pg-boss will retry',
  ]) {
    expect(messages).toContain(expected);
  }
  const text = JSON.stringify(lines);
  expect(text).toContain('"code":"P0001"');
  expect(text).toContain('"platformError":"channel_not_found"');
  expect(text).toContain('"status":403');
  expect(text).toContain('"smtpCode":451');
}, 180_000);
