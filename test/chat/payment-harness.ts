// Payments for chat tests: the real Stripe gateway against the local Stripe fake, and the deps that use it.
import type { ChatDeps } from '../../src/chat/chat-deps.ts';
import type { ChatEvent, ChatInput, ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { handleChatEvent } from '../../src/chat/handle-chat-event.ts';
import type { PaymentDeps } from '../../src/payments/payment-deps.ts';
import { createStripeGateway } from '../../src/payments/stripe-gateway.ts';
import { type FakeStripe, startFakeStripe } from '../fakes/stripe-api.ts';

const SECRET_KEY = 'sk_test_chat_payments';
const WEBHOOK_SECRET = 'whsec_chat_payments';
export const HOLD_MINUTES = 15;
const QUIET = { info: () => {}, warn: () => {}, error: () => {} };

/** The Stripe fake on `clock`, and PaymentDeps on it (Telegram invoices with `providerToken`). */
export async function startChatPayments(clock: () => Date) {
  const stripe: FakeStripe = await startFakeStripe({
    secretKey: SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    now: clock,
  });
  const gateway = createStripeGateway({
    secretKey: SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    apiBase: stripe.apiBase,
    timeoutMs: 500,
    maxNetworkRetries: 0,
    logger: QUIET,
  });
  const deps = (providerToken?: string): PaymentDeps => ({
    gateway,
    holdMinutes: HOLD_MINUTES,
    telegramProviderToken: providerToken,
    returnBaseUrl: 'https://slotline.example',
  });
  return { stripe, deps };
}

let updates = 0;

/** One event to the engine at `now` with payments on; a fresh update id unless given. */
export function sendAt(
  deps: ChatDeps,
  user: ChatUser,
  input: ChatInput,
  now: Date,
  updateId?: string,
): Promise<ChatMessage[]> {
  updates += 1;
  const event: ChatEvent = { user, input, updateId: updateId ?? `pay-u${updates}` };
  return handleChatEvent(deps, event, now);
}
