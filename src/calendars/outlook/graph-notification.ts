// Pure helpers for the Graph webhook route: the validation handshake and notification bodies.
import { z } from 'zod';

export type GraphNotification = {
  readonly subscriptionId: string;
  /** The secret given as clientState when the subscription was opened; null when absent. */
  readonly clientState: string | null;
};

const notificationItem = z.object({
  subscriptionId: z.string().min(1),
  clientState: z.string().nullish(),
});

const notificationBody = z.object({ value: z.array(z.unknown()) });

/**
 * The decoded `validationToken` query parameter of Graph's subscription handshake, or null when
 * this is not a handshake. The route must answer it at once: 200, text/plain, the token verbatim.
 */
export function graphValidationToken(url: URL): string | null {
  return url.searchParams.get('validationToken');
}

/**
 * The notifications in a change-notification POST body (`{ value: [...] }`). Items without a
 * subscriptionId are dropped; anything that is not such a body gives []. The caller must still
 * compare clientState with the stored secret before trusting an item.
 */
export function parseGraphNotifications(body: unknown): GraphNotification[] {
  const parsed = notificationBody.safeParse(body);
  if (!parsed.success) return [];
  return parsed.data.value.flatMap((item) => {
    const one = notificationItem.safeParse(item);
    if (!one.success) return [];
    return [{ subscriptionId: one.data.subscriptionId, clientState: one.data.clientState ?? null }];
  });
}
