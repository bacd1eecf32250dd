// Test harness: the engine on a fresh database, a recording messenger, chat users and buttons.

import { expect } from 'vitest';
import type { ChatDeps } from '../../src/chat/chat-deps.ts';
import type {
  ChatAddress,
  ChatButton,
  ChatInput,
  ChatMessage,
  ChatUser,
  Messenger,
  SentMessageRef,
} from '../../src/chat/chat-types.ts';
import { MessengerError } from '../../src/chat/chat-types.ts';
import { handleChatEvent } from '../../src/chat/handle-chat-event.ts';
import { availability } from '../../src/db/schema/availability.ts';
import { providers, services } from '../../src/db/schema/providers.ts';
import type { Platform } from '../../src/domain/platforms.ts';
import type { Logger } from '../../src/ports/logger.ts';
import { testChatDeps } from '../support/deliver-changes.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Monday 2026-11-30, 09:00 in Berlin, 08:00 in London. */
export const NOW = new Date('2026-11-30T08:00:00Z');

export type Sent = { to: ChatAddress; message: ChatMessage };
export type LogEntry = { level: string; fields: Record<string, unknown>; message?: string };

/** Collects what the engine sends; set `failFor` to make sends to a user id reject. */
export class RecordingMessenger implements Messenger {
  readonly sent: Sent[] = [];
  readonly failFor = new Set<string>();
  /** Edits made through `edit`, oldest first. */
  readonly edited: { ref: SentMessageRef; message: ChatMessage }[] = [];
  /** Message ids whose edit rejects with MessengerError (deleted, too old). */
  readonly failEditOf = new Set<string>();
  private nextId = 1;
  async send(to: ChatAddress, message: ChatMessage): Promise<SentMessageRef[]> {
    if (this.failFor.has(to.platformUserId))
      throw new MessengerError('bot was blocked by the user');
    this.sent.push({ to, message });
    const address = to.dmAddress ?? to.platformUserId;
    return [{ platform: to.platform, address, messageId: String(this.nextId++) }];
  }
  async edit(ref: SentMessageRef, message: ChatMessage): Promise<void> {
    if (this.failEditOf.has(ref.messageId)) throw new MessengerError('message to edit not found');
    this.edited.push({ ref, message });
  }
  /** Messages sent to `platformUserId` since the last take, oldest first. */
  take(platformUserId: string): ChatMessage[] {
    const mine = this.sent.filter((s) => s.to.platformUserId === platformUserId);
    for (const s of mine) this.sent.splice(this.sent.indexOf(s), 1);
    return mine.map((s) => s.message);
  }
}

export type ChatHarness = {
  readonly db: TestDatabase;
  readonly deps: ChatDeps;
  readonly messenger: RecordingMessenger;
  readonly logs: LogEntry[];
};

export async function createChatHarness(): Promise<ChatHarness> {
  const db = await createTestDatabase();
  const messenger = new RecordingMessenger();
  const logs: LogEntry[] = [];
  const log =
    (level: string) =>
    (fields: Record<string, unknown>, message?: string): void => {
      logs.push(message === undefined ? { level, fields } : { level, fields, message });
    };
  const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };
  const deps = testChatDeps(db.db, messenger, logger);
  return { db, deps, messenger, logs };
}

let updates = 0;

export function chatUser(
  platformUserId: string,
  displayName: string,
  options: { platform?: Platform; timezone?: string | null } = {},
): ChatUser {
  return {
    platform: options.platform ?? 'telegram',
    platformUserId,
    displayName,
    timezone: options.timezone ?? null,
    dmAddress: null,
  };
}

/** One event with a fresh update id unless `updateId` is given. */
export function say(
  h: ChatHarness,
  user: ChatUser,
  input: ChatInput,
  now: Date = NOW,
  updateId?: string,
): Promise<ChatMessage[]> {
  updates += 1;
  return handleChatEvent(h.deps, { user, input, updateId: updateId ?? `u${updates}` }, now);
}

export const command = (name: string, args = ''): ChatInput => ({
  kind: 'command',
  command: name,
  args,
});
export const text = (value: string): ChatInput => ({ kind: 'text', text: value });
export const action = (data: string, value: string | null = null): ChatInput => ({
  kind: 'action',
  data,
  text: value,
});

export function allButtons(messages: readonly ChatMessage[]): ChatButton[] {
  return messages.flatMap((m) => m.buttons.flat());
}

/** The labels of every button in `messages`, in order. */
export function buttonLabels(messages: readonly ChatMessage[]): string[] {
  return allButtons(messages).map((b) => b.label);
}

/** The data of the button whose label matches, failing the test when there is none. */
export function buttonData(messages: readonly ChatMessage[], label: string | RegExp): string {
  const found = allButtons(messages).find((b) =>
    typeof label === 'string' ? b.label === label : label.test(b.label),
  );
  expect(
    found,
    `no button ${label} in ${JSON.stringify(messages.map((m) => m.text))}`,
  ).toBeDefined();
  return found?.data ?? '';
}

export function textOf(messages: readonly ChatMessage[]): string {
  return messages.map((m) => m.text).join('\n---\n');
}

/** Every message keeps the platform limits: ≤ 5 rows of ≤ 5 buttons, data ≤ 64 bytes. */
export function expectWithinLimits(messages: readonly ChatMessage[]): void {
  for (const m of messages) {
    expect(m.buttons.length).toBeLessThanOrEqual(5);
    for (const row of m.buttons) {
      expect(row.length).toBeGreaterThan(0);
      expect(row.length).toBeLessThanOrEqual(5);
      for (const b of row) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
    }
  }
}

export type Catalog = {
  anna: string;
  massage: string;
  checkup: string;
  bob: string;
  training: string;
};

/**
 * Anna Weber (Berlin, weekdays 09:00-17:00): Massage (60 min, €50, 24 h cancellation) and
 * Check-up (30 min, €80, needs approval). Bob Stone (London, weekdays 10:00-12:00): Training.
 */
export async function seedCatalog(h: ChatHarness): Promise<Catalog> {
  const db = h.db.db;
  const [anna] = await db
    .insert(providers)
    .values({ name: 'Anna Weber', type: 'THERAPIST', timezone: 'Europe/Berlin' })
    .returning();
  const [bob] = await db
    .insert(providers)
    .values({ name: 'Bob Stone', type: 'TRAINER', timezone: 'Europe/London' })
    .returning();
  if (!anna || !bob) throw new Error('no providers');
  const [massage, checkup, training] = await db
    .insert(services)
    .values([
      { providerId: anna.id, name: 'Massage', durationMinutes: 60, price: 5000, currency: 'EUR' },
      {
        providerId: anna.id,
        name: 'Check-up',
        durationMinutes: 30,
        price: 8000,
        currency: 'EUR',
        requiresApproval: true,
      },
      { providerId: bob.id, name: 'Training', durationMinutes: 60, price: 0, currency: 'GBP' },
    ])
    .returning();
  if (!massage || !checkup || !training) throw new Error('no services');
  const weekdays = [0, 1, 2, 3, 4];
  await db.insert(availability).values([
    ...weekdays.map((d) => ({
      providerId: anna.id,
      dayOfWeek: d,
      startTime: '09:00',
      endTime: '17:00',
    })),
    ...weekdays.map((d) => ({
      providerId: bob.id,
      dayOfWeek: d,
      startTime: '10:00',
      endTime: '12:00',
    })),
  ]);
  return {
    anna: anna.id,
    massage: massage.id,
    checkup: checkup.id,
    bob: bob.id,
    training: training.id,
  };
}
