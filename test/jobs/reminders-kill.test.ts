// A SIGKILL of the process running the jobs loses no reminder and doubles none: after a restart
// each 48 h reminder is sent exactly once, by chat and by email, to client and provider.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { HOUR, inspector, reminderJobs, sleep, waitFor } from './job-inspection.ts';
import { book, type Parties, seedParties } from './jobs-fixtures.ts';

const CHILD = join(import.meta.dirname, 'jobs-child.ts');
const LEAD_48H = 'Reminder: in 2 days';
/** Far enough ahead for the first process to start, relay and be killed before it is due. */
const DUE_IN_MS = 8_000;

type JobsProcess = { child: ChildProcess; output: () => string };

const children: ChildProcess[] = [];
const outDirs: string[] = [];
// Each test kills its own processes when it ends (pass or fail); this is the backstop, before
// the databases are dropped under them.
afterAll(async () => {
  await Promise.all(children.splice(0).map(killHard));
  await Promise.all(outDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

/** One case's processes: all share its database and output folder, and die when it ends. */
type Case = {
  readonly db: TestDatabase;
  readonly outDir: string;
  readonly onTestFinished: TestContext['onTestFinished'];
};

function startJobsProcess(c: Case, env: Record<string, string> = {}): JobsProcess {
  const child = spawn(process.execPath, [CHILD], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: c.db.url, JOBS_OUT_DIR: c.outDir, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  // The context's hook: with concurrent tests, a file-wide afterEach would kill the other's.
  c.onTestFinished(() => killHard(child));
  let output = '';
  const collect = (d: Buffer) => {
    output += d.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { child, output: () => output };
}

async function waitForReady(jobs: JobsProcess): Promise<void> {
  await waitFor(() => {
    if (jobs.child.exitCode !== null) throw new Error(`jobs process exited: ${jobs.output()}`);
    return /^ready$/m.test(jobs.output());
  }, 20_000);
}

async function newCase(db: TestDatabase, context: TestContext): Promise<Case> {
  const outDir = await mkdtemp(join(tmpdir(), 'slotline-kill-'));
  outDirs.push(outDir);
  return { db, outDir, onTestFinished: context.onTestFinished };
}

type Dm = { platform: string; platformUserId: string; text: string };
type Mail = { to: string; subject: string };

/** Whole lines only: a line is complete once its newline is written. */
async function readDms(outDir: string): Promise<Dm[]> {
  const text = await readFile(join(outDir, 'dms.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as Dm);
}

/** To and Subject of each .eml in the outbox; a file still being written is skipped. */
async function readMails(outDir: string): Promise<Mail[]> {
  const dir = join(outDir, 'mail');
  const names = await readdir(dir).catch(() => []);
  const mails = await Promise.all(
    names.filter((n) => n.endsWith('.eml')).map(async (n) => readHeaders(join(dir, n))),
  );
  return mails.filter((m): m is Mail => m !== null);
}

async function readHeaders(path: string): Promise<Mail | null> {
  const text = await readFile(path, 'utf8');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  // Unfold (RFC 5322 2.2.3) so a long subject reads as one line.
  const headers = text.slice(0, end).replace(/\r\n(?=[ \t])/g, '');
  const header = (name: string) =>
    headers.match(new RegExp(`^${name}: (.*)$`, 'im'))?.[1]?.trim() ?? null;
  const to = header('To');
  const subject = header('Subject');
  return to === null || subject === null ? null : { to, subject };
}

/** The 48 h reminders per party; other DMs and mails (change notices) are left out. */
async function remindersSent(outDir: string, p: Parties) {
  const dms = (await readDms(outDir)).filter((d) => d.text.startsWith(LEAD_48H));
  const mails = (await readMails(outDir)).filter((m) => m.subject.startsWith(LEAD_48H));
  return {
    clientDms: dms.filter((d) => d.platformUserId === p.clientChat).length,
    providerDms: dms.filter((d) => d.platformUserId === p.providerChat).length,
    clientMails: mails.filter((m) => m.to === p.clientEmail).length,
    providerMails: mails.filter((m) => m.to === p.providerEmail).length,
  };
}

const NOTHING = { clientDms: 0, providerDms: 0, clientMails: 0, providerMails: 0 };
const ONCE_EACH = { clientDms: 1, providerDms: 1, clientMails: 1, providerMails: 1 };

async function expectSentOnceAfterRestart(c: Case, p: Parties) {
  await waitForReady(startJobsProcess(c));
  await waitFor(async () => {
    const sent = await remindersSent(c.outDir, p);
    return Object.values(sent).every((n) => n > 0);
  }, 30_000);
  // A duplicate would come from a second delivery round; give it time to show.
  await sleep(2_000);
  expect(await remindersSent(c.outDir, p)).toEqual(ONCE_EACH);
}

// Each case has its own database, so one case's processes never deliver the other's reminders.
const killedAfterRelay = await createTestDatabase();
const killedBeforeRelay = await createTestDatabase();
const afterRelayBoss = await inspector(killedAfterRelay);
const beforeRelayBoss = await inspector(killedBeforeRelay);

describe.concurrent('reminders across a SIGKILL of the jobs process', () => {
  it('sends a scheduled reminder exactly once after the process is killed and restarted', {
    timeout: 60_000,
  }, async (context) => {
    const db = killedAfterRelay;
    const p = await seedParties(db);
    const now = new Date();
    const due = now.getTime() + DUE_IN_MS;
    const start = new Date(due + 48 * HOUR);
    const appointment = await book(db.pool, p, start, now);
    const c = await newCase(db, context);

    const first = startJobsProcess(c);
    await waitForReady(first);
    const states = async () =>
      (await reminderJobs(afterRelayBoss, appointment.id, start)).map((j) => j?.state ?? null);
    await waitFor(async () => (await states()).every((s) => s === 'created'));
    await killHard(first.child);

    expect(first.child.signalCode).toBe('SIGKILL');
    expect(Date.now()).toBeLessThan(due);
    expect(await remindersSent(c.outDir, p)).toEqual(NOTHING);
    expect(await states()).toEqual(Array(6).fill('created'));

    await expectSentOnceAfterRestart(c, p);
    const after = await states();
    expect(after.slice(0, 4)).toEqual(Array(4).fill('completed'));
    expect(after.slice(4)).toEqual(['created', 'created']);
  });

  it('relays and sends exactly once when the process is killed before its relay ran', {
    timeout: 60_000,
  }, async (context) => {
    const db = killedBeforeRelay;
    const p = await seedParties(db);
    const now = new Date();
    const start = new Date(now.getTime() + DUE_IN_MS + 48 * HOUR);
    const appointment = await book(db.pool, p, start, now);
    const c = await newCase(db, context);

    // Its first relay round would come a minute after `ready`: the kill comes first.
    const first = startJobsProcess(c, { RELAY_INTERVAL_MS: '60000' });
    await waitForReady(first);
    await killHard(first.child);

    expect(first.child.signalCode).toBe('SIGKILL');
    expect(await reminderJobs(beforeRelayBoss, appointment.id, start)).toEqual(Array(6).fill(null));
    expect(await remindersSent(c.outDir, p)).toEqual(NOTHING);

    await expectSentOnceAfterRestart(c, p);
  });
});
