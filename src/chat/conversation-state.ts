// The flow in progress per (platform, user), kept in PostgreSQL so it survives restarts and is

// shared by every app instance; it lapses after 30 minutes without activity.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { chatConversations } from '../db/schema/chat.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { Logger } from '../ports/logger.ts';
import type { ChatUser } from './chat-types.ts';

const CONVERSATION_TTL_MS = 30 * 60_000;

const Nonce = z.string().regex(/^[a-z0-9]{8}$/);
const Uuid = z.string().refine(isUuid);
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Minutes = z.number().int().min(0).max(1439);

/** Words of `/book ...` that are still to be settled by later steps. */
const Hints = z.object({
  /** Leftover words for matching a service once the provider is known. */
  words: z.array(z.string().max(64)).max(20),
  /** A client-local day the words named. */
  day: LocalDate.nullable(),
  /** The client-local time of day the words named ('at 10', 'after 3pm', 'morning'): a TimeWish. */
  time: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.enum(['at', 'from', 'before']), minutes: Minutes }),
      z.object({
        kind: z.literal('between'),
        from: Minutes,
        to: z.number().int().min(1).max(1440),
      }),
    ])
    .nullable(),
});
export type Hints = z.infer<typeof Hints>;
export const NO_HINTS: Hints = { words: [], day: null, time: null };

/** What a waitlist entry waits for: client-local days (inclusive) and a part of the day. */
const WaitWish = z.object({
  fromDate: LocalDate,
  toDate: LocalDate,
  partOfDay: z.enum(['ANY', 'MORNING', 'AFTERNOON', 'EVENING']),
});
export type WaitWish = z.infer<typeof WaitWish>;

const BookingStep = z.enum(['provider', 'service', 'day', 'time', 'confirm', 'done']);

/** Asked for the time zone; `pending` is the command to carry on with once it is known. */
const TimezoneState = z.object({
  kind: z.literal('timezone'),
  nonce: Nonce,
  pending: z.object({ command: z.string().max(32), args: z.string().max(500) }).nullable(),
});

/** Booking a new appointment, or (appointmentId set) moving an existing one. */
const BookingState = z.object({
  kind: z.literal('booking'),
  nonce: Nonce,
  appointmentId: Uuid.nullable(),
  step: BookingStep,
  page: z.number().int().min(0).max(1000),
  /** What the current step's option buttons point at, by index. */
  options: z.array(z.string().max(64)).max(100),
  /** Providers the words narrowed the choice to, or null for every active provider. */
  candidates: z.array(Uuid).max(100).nullable(),
  providerId: Uuid.nullable(),
  serviceId: Uuid.nullable(),
  /** The chosen client-local day. */
  day: LocalDate.nullable(),
  /** The chosen start, ISO instant. */
  start: z.iso.datetime().nullable(),
  hints: Hints,
  /** Set once booked (step 'done'): a repeated Confirm answers with this appointment. */
  bookedId: Uuid.nullable(),
  /** Set when a step said no time suits: what "Tell me if a time opens" waits for. */
  waitFor: WaitWish.nullable().optional(),
});
export type BookingState = z.infer<typeof BookingState>;

/** /mybookings: the listed appointment ids, and the one whose cancellation awaits a yes. */
const MyBookingsState = z.object({
  kind: z.literal('mybookings'),
  nonce: Nonce,
  page: z.number().int().min(0).max(1000),
  options: z.array(Uuid).max(100),
  cancelling: Uuid.nullable(),
  /** The series whose future occurrences' cancellation awaits a yes. */
  cancellingSeries: Uuid.nullable().optional(),
});
export type MyBookingsState = z.infer<typeof MyBookingsState>;

/**
 * A weekly series: provider and service (the booking flow's steps), how many weeks, then the
 * preview whose buttons book it; `seriesId` once booked, so a repeated press answers with it.
 */
const SeriesState = z.object({
  kind: z.literal('series'),
  nonce: Nonce,
  step: z.enum(['provider', 'service', 'weeks', 'preview', 'done']),
  page: z.number().int().min(0).max(1000),
  options: z.array(z.string().max(64)).max(100),
  candidates: z.array(Uuid).max(100).nullable(),
  providerId: Uuid.nullable(),
  serviceId: Uuid.nullable(),
  /** Leftover words for matching a service once the provider is known. */
  words: z.array(z.string().max(64)).max(20),
  /** The first occurrence, ISO instant; the rest keep its wall clock in the client's zone. */
  firstStart: z.iso.datetime(),
  occurrences: z.number().int().min(1).max(52).nullable(),
  intervalWeeks: z.number().int().min(1).max(4),
  seriesId: Uuid.nullable(),
});
export type SeriesState = z.infer<typeof SeriesState>;

/**
 * /waitlist: the listed entry ids (step 'list'), or choosing the provider or service to wait for
 * (`wish` set) when the words did not name them.
 */
const WaitlistState = z.object({
  kind: z.literal('waitlist'),
  nonce: Nonce,
  step: z.enum(['list', 'provider', 'service']),
  options: z.array(Uuid).max(100),
  providerId: Uuid.nullable(),
  wish: WaitWish.nullable(),
});
export type WaitlistState = z.infer<typeof WaitlistState>;

const ConversationState = z.discriminatedUnion('kind', [
  TimezoneState,
  BookingState,
  SeriesState,
  MyBookingsState,
  WaitlistState,
]);
export type ConversationState = z.infer<typeof ConversationState>;
export type TimezoneState = z.infer<typeof TimezoneState>;

type Key = Pick<ChatUser, 'platform' | 'platformUserId'>;

/** The live state of a stored row, or null when it lapsed or is not one this code wrote. */
export function liveConversation(
  row: { readonly state: unknown; readonly expiresAt: Date } | null,
  user: Key,
  now: Date,
  logger: Logger,
): ConversationState | null {
  if (!row || row.expiresAt <= now) return null;
  const parsed = ConversationState.safeParse(row.state);
  if (!parsed.success) {
    logger.warn({ platform: user.platform }, 'dropped a conversation state of unknown shape');
    return null;
  }
  return parsed.data;
}

/** Stores `state` (null deletes it); every save restarts the 30-minute inactivity clock. */
export async function saveConversation(
  db: Database,
  user: Key,
  state: ConversationState | null,
  now: Date,
): Promise<void> {
  if (state === null) {
    await db.delete(chatConversations).where(keyOf(user));
    return;
  }
  const expiresAt = new Date(now.getTime() + CONVERSATION_TTL_MS);
  await db
    .insert(chatConversations)
    .values({ ...user, state, updatedAt: now, expiresAt })
    .onConflictDoUpdate({
      target: [chatConversations.platform, chatConversations.platformUserId],
      set: { state, updatedAt: now, expiresAt },
    });
}

function keyOf(user: Key) {
  return and(
    eq(chatConversations.platform, user.platform),
    eq(chatConversations.platformUserId, user.platformUserId),
  );
}
