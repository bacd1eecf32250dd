// The fault raised when Slack fails for reasons that are not the recipient's (network, auth, retries).

/** A Slack failure that is not the user's fault; `cause` holds the Web API error. */
export class SlackDeliveryError extends Error {
  override name = 'SlackDeliveryError';
}
