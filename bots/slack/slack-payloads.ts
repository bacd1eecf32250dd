// zod schemas for the parts of Slack payloads the adapter reads (the edge: Slack sends more).
import { z } from 'zod';

const userRef = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  username: z.string().optional(),
});

export const slashCommandSchema = z.object({
  command: z.string().min(2),
  text: z.string().default(''),
  user_id: z.string().min(1),
  user_name: z.string().default(''),
  trigger_id: z.string().min(1),
  channel_name: z.string().optional(),
});

export const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  trigger_id: z.string().min(1),
  user: userRef,
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        action_ts: z.string().min(1),
        value: z.string().optional(),
        /** A button's label, as the engine wrote it in the reader's language. */
        text: z.object({ text: z.string() }).nullish(),
        selected_option: z.object({ value: z.string() }).nullish(),
      }),
    )
    .min(1),
  container: z
    .object({
      type: z.string(),
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
    })
    .optional(),
});

export const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  trigger_id: z.string().min(1),
  user: userRef,
  view: z.object({
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.object({
      values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }))),
    }),
  }),
});

export const directMessageSchema = z.object({
  event_id: z.string().min(1),
  event: z.object({
    type: z.literal('message'),
    channel_type: z.literal('im'),
    channel: z.string().min(1),
    user: z.string().min(1),
    text: z.string().default(''),
    subtype: z.string().optional(),
    bot_id: z.string().optional(),
  }),
});

export const appHomeOpenedSchema = z.object({
  event_id: z.string().min(1),
  event: z.object({ type: z.literal('app_home_opened'), user: z.string().min(1), tab: z.string() }),
});

/** A name to fall back on when users.info is unavailable. */
export function fallbackName(user: z.infer<typeof userRef>): string {
  return user.name ?? user.username ?? user.id;
}
