// Graph change-notification subscriptions on me/events: open, renew, close.
import { z } from 'zod';
import { CalendarUnavailableError, type PushChannel } from '../calendar-client.ts';
import { GraphApiError, graphFailure, readGraphError } from './graph-http.ts';
import type { GraphSend } from './graph-session.ts';

/** Graph allows 4,230 minutes for Outlook resources; stay under it so clock skew cannot refuse. */
const SUBSCRIPTION_MINUTES = 4_200;

const subscriptionBody = z.object({
  id: z.string().min(1),
  expirationDateTime: z.iso.datetime({ offset: true }),
});

function expiryFrom(now: Date): string {
  return new Date(now.getTime() + SUBSCRIPTION_MINUTES * 60_000).toISOString();
}

/**
 * Subscribes `webhookUrl` to created/updated/deleted events, echoing `secret` as clientState.
 * Graph first POSTs ?validationToken=... to the URL and needs it echoed as text/plain within 10 s;
 * a failed handshake → CalendarUnavailableError (the endpoint may come up), other refusals as
 * graphFailure.
 */
export async function openOutlookSubscription(
  send: GraphSend,
  graphUrl: string,
  now: Date,
  webhookUrl: string,
  secret: string,
): Promise<PushChannel> {
  const response = await send({
    method: 'POST',
    url: `${graphUrl}/v1.0/subscriptions`,
    body: {
      changeType: 'created,updated,deleted',
      notificationUrl: webhookUrl,
      resource: 'me/events',
      expirationDateTime: expiryFrom(now),
      clientState: secret,
    },
  });
  if (!response.ok) {
    const cause = await readGraphError(response);
    if (cause.code === 'ValidationError') {
      throw new CalendarUnavailableError('Graph could not validate the webhook URL', { cause });
    }
    throw graphFailure(cause, 'Opening the subscription');
  }
  return readChannel(response, 'Opening the subscription');
}

/**
 * Extends the subscription by another 4,200 minutes from `now`. Resolves null when Graph no longer
 * knows it (expired or deleted): open a new one instead.
 */
export async function renewOutlookSubscription(
  send: GraphSend,
  graphUrl: string,
  now: Date,
  channel: PushChannel,
): Promise<PushChannel | null> {
  const response = await send({
    method: 'PATCH',
    url: subscriptionUrl(graphUrl, channel.id),
    body: { expirationDateTime: expiryFrom(now) },
  });
  if (response.status === 404) {
    await response.arrayBuffer();
    return null;
  }
  if (!response.ok) throw graphFailure(await readGraphError(response), 'Renewing the subscription');
  return readChannel(response, 'Renewing the subscription');
}

/** Deletes the subscription; one already gone (404) counts as closed. */
export async function closeOutlookSubscription(
  send: GraphSend,
  graphUrl: string,
  channel: PushChannel,
): Promise<void> {
  const response = await send({ method: 'DELETE', url: subscriptionUrl(graphUrl, channel.id) });
  if (response.ok || response.status === 404) {
    await response.arrayBuffer();
    return;
  }
  throw graphFailure(await readGraphError(response), 'Closing the subscription');
}

async function readChannel(response: Response, what: string): Promise<PushChannel> {
  const parsed = subscriptionBody.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    const cause = new GraphApiError(response.status, null, 'no subscription in the answer');
    throw new CalendarUnavailableError(`${what}: ${cause.message}`, { cause });
  }
  return {
    id: parsed.data.id,
    resourceId: null,
    expiresAt: new Date(parsed.data.expirationDateTime),
  };
}

function subscriptionUrl(graphUrl: string, id: string): string {
  return `${graphUrl}/v1.0/subscriptions/${encodeURIComponent(id)}`;
}
