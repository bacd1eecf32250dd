// Drives a chat as a Telegram user would: type, press a button by its label, read the screen.
import type { User } from 'grammy/types';
import { expect } from 'vitest';
import type { WebhookHarness } from './telegram-harness.ts';

type Shown = { messageId: number; text: string; buttons: { text: string; data: string }[] };

export type Conversation = {
  /** Sends `text`; resolves when the adapter has delivered every reply. */
  say(text: string): Promise<void>;
  /** Presses the newest button whose label matches; fails the test when there is none. */
  press(label: RegExp): Promise<void>;
  /** Presses a button with this exact data on the newest message (stale or forged data). */
  pressData(data: string): Promise<void>;
  /** The bot's messages in this chat, oldest first, after edits. */
  shown(): Shown[];
  /** Text of the newest bot message. */
  lastText(): string;
  /** Labels of the buttons on the newest bot message (after edits). */
  lastButtons(): string[];
};

/** A conversation of `user` with the bot behind `h`; every delivery must be answered 200. */
export function converse(h: WebhookHarness, user: User): Conversation {
  const shown = (): Shown[] =>
    h.fake.messagesIn(user.id).map((m) => ({
      messageId: m.messageId,
      text: m.text,
      buttons: (m.replyMarkup?.inline_keyboard ?? []).flat().map((b) => ({
        text: b.text,
        data: 'callback_data' in b ? b.callback_data : '',
      })),
    }));
  const deliver = async (update: Parameters<WebhookHarness['deliver']>[0]) => {
    const res = await h.deliver(update);
    expect(res.status).toBe(200);
  };
  return {
    say: (text) => deliver(h.fake.textUpdate(user, text)),
    async press(label) {
      for (const message of shown().reverse()) {
        const button = message.buttons.find((b) => label.test(b.text));
        if (button) return deliver(h.fake.callbackUpdate(user, button.data, message.messageId));
      }
      throw new Error(`no button matching ${label} in: ${JSON.stringify(shown().at(-1))}`);
    },
    pressData: async (data) => {
      const last = shown().at(-1);
      await deliver(h.fake.callbackUpdate(user, data, last?.messageId ?? 0));
    },
    shown,
    lastText: () => shown().at(-1)?.text ?? '',
    lastButtons: () =>
      shown()
        .at(-1)
        ?.buttons.map((b) => b.text) ?? [],
  };
}
