// Maps a Telegram update to the platform-neutral ChatEvent the engine takes.
import type { Chat, Update, User } from 'grammy/types';
import type { ChatEvent, ChatInput, ChatUser } from '../../src/chat/chat-types.ts';
import { paidInvoiceInput } from './telegram-payments.ts';

/**
 * What an update means for the adapter: an event for the engine, a message it cannot read
 * (photo, sticker) that deserves a hint, or something it ignores (groups, edits, channel posts).
 */
export type MappedUpdate =
  | { readonly kind: 'event'; readonly event: ChatEvent }
  | { readonly kind: 'unreadable'; readonly chatId: number }
  | { readonly kind: 'ignored' };

/**
 * Maps one update. Only private chats become events: a booking conversation in a group would show
 * one person's appointments to everyone. Never throws; updateId is the update_id as a string so a
 * redelivery repeats it.
 */
export function toChatEvent(update: Update): MappedUpdate {
  const updateId = String(update.update_id);
  const query = update.callback_query;
  if (query) {
    if (query.data === undefined) return { kind: 'ignored' };
    const chat = query.message?.chat;
    if (chat && chat.type !== 'private') return { kind: 'ignored' };
    const input: ChatInput = { kind: 'action', data: query.data, text: null };
    return { kind: 'event', event: { user: toChatUser(query.from, chat), input, updateId } };
  }
  const message = update.message;
  if (!message?.from || message.chat.type !== 'private') return { kind: 'ignored' };
  const paid = paidInvoiceInput(message);
  if (paid) {
    return {
      kind: 'event',
      event: { user: toChatUser(message.from, message.chat), input: paid, updateId },
    };
  }
  if (message.text === undefined) return { kind: 'unreadable', chatId: message.chat.id };
  const input = parseText(message.text);
  return {
    kind: 'event',
    event: { user: toChatUser(message.from, message.chat), input, updateId },
  };
}

/** `/Book@SlotlineBot tomorrow` → command 'book' with args 'tomorrow'; anything else is text. */
function parseText(text: string): ChatInput {
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(text.trim());
  const token = match?.[1]?.split('@')[0]?.toLowerCase();
  if (!match || !token) return { kind: 'text', text };
  return { kind: 'command', command: token, args: (match[2] ?? '').trim() };
}

function toChatUser(from: User, chat: Chat | undefined): ChatUser {
  const fullName = [from.first_name, from.last_name].filter(Boolean).join(' ').trim();
  return {
    platform: 'telegram',
    platformUserId: String(from.id),
    displayName: fullName || from.username || `Telegram user ${from.id}`,
    // Telegram never tells a user's zone; the engine asks once.
    timezone: null,
    dmAddress: String(chat?.id ?? from.id),
    // The IETF tag of the user's Telegram language, when Telegram sends it.
    ...(from.language_code ? { locale: from.language_code } : {}),
  };
}
