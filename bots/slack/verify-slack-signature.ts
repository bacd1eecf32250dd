// Checks Slack's request signature and a timestamp window on both sides of the injected clock.
import { isValidSlackRequest } from '@slack/bolt';

/** Slack's documented replay window. */
const MAX_SKEW_SECONDS = 5 * 60;

export type SignedRequest = {
  readonly rawBody: string;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
};

/**
 * True when the request carries a valid v0 signature over `v0:${timestamp}:${rawBody}` and its
 * timestamp is within five minutes of `now`, in the past or the future (Bolt only rejects old
 * ones; a future timestamp would let a captured request be replayed later). Never throws.
 */
export function verifySlackSignature(
  signingSecret: string,
  request: SignedRequest,
  now: Date,
): boolean {
  const { signature, timestamp, rawBody } = request;
  if (signature === undefined || timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) {
    return false;
  }
  const timestampSeconds = Number(timestamp);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (Math.abs(nowSeconds - timestampSeconds) > MAX_SKEW_SECONDS) return false;
  return isValidSlackRequest({
    signingSecret,
    body: rawBody,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestampSeconds },
    nowMilliseconds: now.getTime(),
  });
}
