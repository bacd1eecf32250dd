// How an adapter receives updates: long polling or a webhook, behind one shape.
import type { Env, Hono } from 'hono';

export type UpdateRunner = {
  mount(app: Hono<Env>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
};

/** Only what the adapter handles, so Telegram does not wake it for the rest. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'pre_checkout_query'] as const;
