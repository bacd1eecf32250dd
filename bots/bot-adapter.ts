// The shape every chat adapter has, so the composition root can start whichever are configured.

import type { Env, Hono } from 'hono';
import type { ChatEvent, ChatMessage, Messenger } from '../src/chat/chat-types.ts';
import type { Platform } from '../src/domain/platforms.ts';

/** The conversation engine as adapters see it: one event in, replies to that user out. */
export type ChatHandler = (event: ChatEvent) => Promise<ChatMessage[]>;

export type BotAdapter = {
  readonly platform: Platform;
  /** DMs on this platform, for notifications the core's changes cause. */
  readonly messenger: Messenger;
  /** Adds this adapter's webhook routes (HTTP mode) to the app; a no-op when it polls. */
  mount(app: Hono<Env>): void;
  /** Connects (long polling, Socket Mode, gateway) and registers commands; resolves when ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
};
