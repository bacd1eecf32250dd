// A process that only runs the background jobs, for tests that SIGKILL it: DMs go to a JSON-lines
// file, mail to .eml files through the real outbox mailer. Prints `ready` once the jobs run.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ChatAddress, ChatMessage, Messenger } from '../../src/chat/chat-types.ts';
import { openDatabase } from '../../src/db/database.ts';
import { startJobs } from '../../src/jobs/start-jobs.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';

const env = z
  .object({
    DATABASE_URL: z.string().min(1),
    /** Gets dms.jsonl and the mail/ folder; shared by the processes of one test. */
    JOBS_OUT_DIR: z.string().min(1),
    /** A long interval keeps the relay from running before a test kills the process. */
    RELAY_INTERVAL_MS: z.coerce.number().int().positive().default(200),
  })
  .parse(process.env);

/** Synchronous append: once send() resolved the line is on disk, so a SIGKILL cannot lose it. */
function createFileMessenger(file: string): Messenger {
  return {
    async send(to: ChatAddress, message: ChatMessage) {
      const line = { platform: to.platform, platformUserId: to.platformUserId, text: message.text };
      appendFileSync(file, `${JSON.stringify(line)}\n`);
      return [];
    },
    async edit() {},
  };
}

// Errors go to stderr so a failing test can show why; nothing personal is in these messages.
const logger = {
  info: () => {},
  warn: (_fields: Record<string, unknown>, message?: string) => console.warn(message),
  error: (fields: Record<string, unknown>, message?: string) =>
    console.error(message, fields.err instanceof Error ? fields.err.message : ''),
};

mkdirSync(env.JOBS_OUT_DIR, { recursive: true });
const clock = () => new Date();
const handle = openDatabase(env.DATABASE_URL, { max: 5 });
await startJobs(
  {
    databaseUrl: env.DATABASE_URL,
    db: handle.db,
    messenger: createFileMessenger(join(env.JOBS_OUT_DIR, 'dms.jsonl')),
    mailer: createOutboxMailer({
      dir: join(env.JOBS_OUT_DIR, 'mail'),
      from: 'Slotline <noreply@example.test>',
      logger,
      clock,
    }),
    logger,
    clock,
  },
  { pollingIntervalSeconds: 0.5, relayIntervalMs: env.RELAY_INTERVAL_MS },
);
// A test that dies without killing us closes our stdin: leave rather than linger.
process.stdin.on('end', () => process.exit(1));
process.stdin.resume();
process.stdout.write('ready\n');
