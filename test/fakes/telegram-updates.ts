// Updates as Telegram would send them: private text messages and button presses.
import type { Update, User } from 'grammy/types';
import { type FakeState, toMessage } from './telegram-fake-state.ts';

/** A private-chat text message from `user`, with a bot_command entity when it starts with /. */
export function textUpdate(state: FakeState, user: User, text: string): Update {
  const command = /^\/\S+/.exec(text);
  const entities = command
    ? { entities: [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] }
    : {};
  const message = {
    message_id: state.ids.message++,
    date: 1_800_000_000,
    chat: { id: user.id, type: 'private' as const, first_name: user.first_name },
    from: user,
    text,
    ...entities,
  };
  return { update_id: state.ids.update++, message } as Update;
}

/** A press by `user` of a button carrying `data` on bot message `messageId` (if it exists). */
export function callbackUpdate(
  state: FakeState,
  user: User,
  data: string,
  messageId: number,
): Update {
  const stored = state.messages.get(messageId);
  const id = String(state.ids.query++);
  state.openQueries.add(id);
  const message = stored ? { message: toMessage(stored) } : {};
  return {
    update_id: state.ids.update++,
    callback_query: { id, from: user, chat_instance: `ci${user.id}`, data, ...message },
  } as Update;
}
