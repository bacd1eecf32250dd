// Updates as Telegram would send them: private text messages, button presses and payments.
import type { PreCheckoutQuery, SuccessfulPayment, Update, User } from 'grammy/types';
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

/** The pre_checkout_query Telegram sends when `user` confirms payment of an invoice. */
export function preCheckoutUpdate(
  state: FakeState,
  query: Omit<PreCheckoutQuery, 'id'>,
): { update: Update; id: string } {
  const id = String(state.ids.query++);
  return { id, update: { update_id: state.ids.update++, pre_checkout_query: { id, ...query } } };
}

/** The service message from `user` in the invoice's chat that reports a completed payment. */
export function successfulPaymentUpdate(
  state: FakeState,
  user: User,
  chatId: number,
  payment: SuccessfulPayment,
): Update {
  const chat =
    chatId === user.id
      ? { id: chatId, type: 'private' as const, first_name: user.first_name }
      : { id: chatId, type: 'group' as const, title: 'Group' };
  const message = {
    message_id: state.ids.message++,
    date: 1_800_000_000,
    chat,
    from: user,
    successful_payment: payment,
  };
  return { update_id: state.ids.update++, message } as Update;
}
