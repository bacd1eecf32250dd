// What the fake Telegram Bot API remembers: calls, queued updates, sent messages, open queries.
import type { InlineKeyboardMarkup, Invoice, Message, Update, UserFromGetMe } from 'grammy/types';

export type Payload = Record<string, unknown>;
export type TelegramFailure = {
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: { readonly retry_after?: number };
};
export type Reply =
  | { readonly ok: true; readonly result: unknown }
  | ({ readonly ok: false } & TelegramFailure);
export type RecordedCall = {
  readonly method: string;
  readonly payload: Payload;
  readonly at: number;
  readonly reply: Reply;
};
export type StoredMessage = {
  chatId: number;
  messageId: number;
  text: string;
  replyMarkup: InlineKeyboardMarkup | null;
  /** Set on a sendInvoice message (its text is then empty), with what only the bot knows. */
  invoice?: { readonly shown: Invoice; readonly payload: string };
};
/** An open pre_checkout_query: `settle` hands the bot's accepted answer to the waiting payer. */
type OpenCheckout = { settle(answer: { ok: boolean; errorMessage?: string }): void };

export type FakeState = {
  readonly calls: RecordedCall[];
  readonly queue: Update[];
  readonly waiters: Set<() => void>;
  readonly failures: { method: string; failure: TelegramFailure }[];
  readonly messages: Map<number, StoredMessage>;
  readonly openQueries: Set<string>;
  readonly openCheckouts: Map<string, OpenCheckout>;
  readonly ids: { update: number; message: number; query: number };
};

export const FAKE_BOT = {
  id: 7000001,
  is_bot: true,
  first_name: 'Slotline',
  username: 'SlotlineTestBot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

export function createFakeState(): FakeState {
  return {
    calls: [],
    queue: [],
    waiters: new Set(),
    failures: [],
    messages: new Map(),
    openQueries: new Set(),
    openCheckouts: new Map(),
    ids: { update: 100, message: 1, query: 1 },
  };
}

/** A stored bot message as the Message object Telegram returns and puts in callback queries. */
export function toMessage(stored: StoredMessage): Message {
  return {
    message_id: stored.messageId,
    date: 1_800_000_000,
    chat: { id: stored.chatId, type: 'private', first_name: 'Someone' },
    from: FAKE_BOT,
    ...(stored.invoice ? { invoice: stored.invoice.shown } : { text: stored.text }),
    ...(stored.replyMarkup ? { reply_markup: stored.replyMarkup } : {}),
  } as Message;
}

export function ok(result: unknown): Reply {
  return { ok: true, result };
}

export function fail(code: number, description: string): Reply {
  return { ok: false, error_code: code, description };
}
