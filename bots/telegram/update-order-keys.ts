// Which updates must run one after another: those of one chat, and those of one user.
import type { Update } from 'grammy/types';

/**
 * The sequentialize keys of an update: its chat and its sender. Updates sharing a key run in
 * arrival order; updates with no key in common run concurrently. The sender is a key too because
 * the engine keeps state per user, and a button press on an inaccessible message has no chat.
 * Never throws; an update kind the adapter does not subscribe to gets no key (runs unordered).
 */
export function orderKeysOf(update: Update): string[] {
  const message = update.message ?? update.callback_query?.message;
  const sender = update.message?.from ?? update.callback_query?.from;
  const keys: string[] = [];
  if (message) keys.push(`chat:${message.chat.id}`);
  if (sender) keys.push(`user:${sender.id}`);
  return keys;
}
