// The Telegram adapter wired to the real conversation engine on a real test database.

import { and, eq, ne } from 'drizzle-orm';
import type { User } from 'grammy/types';
import { expect } from 'vitest';
import { createLinkCode } from '../../../src/chat/create-link-code.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createRoutingMessenger } from '../../../src/chat/routing-messenger.ts';
import type { Database } from '../../../src/db/database.ts';
import { appointments } from '../../../src/db/schema/appointments.ts';
import { chatIdentities } from '../../../src/db/schema/chat.ts';
import { testChatDeps } from '../../support/deliver-changes.ts';
import { MONDAY_MORNING } from '../../support/fixtures.ts';
import type { Conversation } from './telegram-conversation.ts';
import { recordingLogger, startWebhookHarness, type WebhookHarness } from './telegram-harness.ts';

/** Monday 30 Nov 2026, 07:00 in Berlin: every engine test runs at this instant. */
export const NOW = MONDAY_MORNING;

/**
 * Starts the adapter in webhook mode with handleChatEvent at NOW behind it. The engine's DMs go
 * through a routing messenger holding this adapter's messenger, as in the composition root.
 */
export async function startEngineHarness(db: Database): Promise<WebhookHarness> {
  const messenger = createRoutingMessenger();
  const { logger } = recordingLogger();
  const deps = testChatDeps(db, messenger, logger);
  const h = await startWebhookHarness((event) => handleChatEvent(deps, event, NOW));
  messenger.register('telegram', h.adapter.messenger);
  return h;
}

/** Every call the adapter made was accepted by the fake (no BUTTON_DATA_INVALID, no bad edit). */
export function expectAllCallsAccepted(h: WebhookHarness): void {
  const refused = h.fake.calls.filter((c) => !c.reply.ok && c.method !== 'answerCallbackQuery');
  expect(refused.map((c) => [c.method, c.reply])).toEqual([]);
  expect(h.entries.filter((e) => e.level === 'error')).toEqual([]);
}

/** The live (not cancelled) appointments of the client this Telegram user books as. */
export async function appointmentsOf(db: Database, user: User) {
  const [identity] = await db
    .select()
    .from(chatIdentities)
    .where(
      and(
        eq(chatIdentities.platform, 'telegram'),
        eq(chatIdentities.platformUserId, String(user.id)),
      ),
    );
  if (!identity?.clientId) return [];
  return db
    .select()
    .from(appointments)
    .where(and(eq(appointments.clientId, identity.clientId), ne(appointments.status, 'CANCELLED')));
}

/** A Telegram user with just an id and a first name. */
export function person(id: number, firstName: string): User {
  return { id, is_bot: false, first_name: firstName };
}

/**
 * A provider links their chat with a fresh code, then the client requests tomorrow 10:00 of the
 * Consultation service (which needs approval): the shared opening of the approval tests. Returns
 * the still PENDING appointment.
 */
export async function linkAndRequestConsultation(
  db: Database,
  providerId: string,
  provider: Conversation,
  client: Conversation,
  clientUser: User,
) {
  const code = await createLinkCode(db, providerId, NOW);
  if (!code.ok) throw new Error('no link code');
  await provider.say(`/link ${code.value.code}`);
  expect(provider.lastText()).toMatch(/^Linked: this chat now acts as Test Provider/);

  await client.say('/book consultation tomorrow at 10am');
  await client.say('Berlin');
  // A free exact time goes straight to the confirm step.
  expect(client.lastText()).toMatch(
    /^Please confirm:\nConsultation with Test Provider\nTue 1 Dec 2026, 10:00/,
  );
  await client.press(/^Confirm$/);
  expect(client.lastText()).toMatch(/^Requested: Consultation with Test Provider/);
  const [pending] = await appointmentsOf(db, clientUser);
  expect(pending?.status).toBe('PENDING');
  return pending;
}
