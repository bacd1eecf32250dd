// The shape a webhook update must have before grammY and the adapter read it.
import type { Update } from 'grammy/types';
import { z } from 'zod';

/** Telegram's own limits: 4096 characters of text, 64 bytes of callback data (with margin). */
const MAX_TEXT = 4096;
const MAX_CALLBACK_DATA = 256;

const id = z.number().int();
const user = z.looseObject({
  id,
  first_name: z.string().max(256),
  last_name: z.string().max(256).optional(),
  username: z.string().max(256).optional(),
});
const chat = z.looseObject({ id, type: z.string().max(32) });
const invoicePaid = {
  currency: z.string().max(8),
  total_amount: z.number().int(),
  invoice_payload: z.string().max(128),
};

/**
 * Only the fields the adapter reads are checked (message, callback_query, pre_checkout_query); everything else
 * passes as it is, so update kinds the adapter ignores (edits, channel posts) stay valid.
 */
const UpdateShape = z.looseObject({
  update_id: z.number().int().min(0),
  message: z
    .looseObject({
      message_id: id,
      chat,
      from: user.optional(),
      text: z.string().max(MAX_TEXT).optional(),
      successful_payment: z
        .looseObject({
          ...invoicePaid,
          telegram_payment_charge_id: z.string().max(256),
          provider_payment_charge_id: z.string().max(256),
        })
        .optional(),
    })
    .optional(),
  pre_checkout_query: z
    .looseObject({ id: z.string().max(256), from: user, ...invoicePaid })
    .optional(),
  callback_query: z
    .looseObject({
      id: z.string().max(256),
      from: user,
      data: z.string().max(MAX_CALLBACK_DATA).optional(),
      message: z.looseObject({ message_id: id, chat }).optional(),
    })
    .optional(),
});

/**
 * The update in a webhook body, or null for malformed JSON or a body Telegram would never send
 * (not an object, no integer update_id, a message without a chat, text that is not a string).
 * Never throws.
 */
export function readWebhookUpdate(text: string): Update | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = UpdateShape.safeParse(value);
  // Checked above for every field the adapter reads; the rest is Telegram's, passed through.
  return parsed.success ? (parsed.data as unknown as Update) : null;
}
