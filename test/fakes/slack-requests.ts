// Builds signed Slack requests (slash commands, interactivity, events) for an adapter under test.
import { createHmac } from 'node:crypto';

export type SignedInit = { method: 'POST'; headers: Record<string, string>; body: string };

/** Signs `body` as Slack does: v0=HMAC-SHA256(secret, `v0:${timestamp}:${body}`). */
export function signedRequest(
  secret: string,
  body: string,
  contentType: string,
  at: Date,
): SignedInit {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': `v0=${signature}`,
    },
    body,
  };
}

export function slashCommandBody(fields: {
  command: string;
  text: string;
  userId: string;
  triggerId: string;
  channelName?: string;
}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0FAKE',
    team_domain: 'fake',
    channel_id: `D${fields.userId}`,
    channel_name: fields.channelName ?? 'directmessage',
    user_id: fields.userId,
    user_name: 'someone',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0FAKE',
    response_url: 'https://hooks.slack.com/commands/T0FAKE/1/abc',
    trigger_id: fields.triggerId,
  }).toString();
}

/** An interactivity request: form-encoded with the JSON in `payload`. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function blockActionsPayload(fields: {
  userId: string;
  value: string;
  actionTs: string;
  triggerId: string;
  channel: string;
  messageTs: string;
  /** The pressed button's label (Slack sends it with the action); default 'x'. */
  label?: string;
}): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: fields.userId, username: 'someone', name: 'someone', team_id: 'T0FAKE' },
    api_app_id: 'A0FAKE',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: fields.messageTs,
      channel_id: fields.channel,
      is_ephemeral: false,
    },
    trigger_id: fields.triggerId,
    channel: { id: fields.channel, name: 'directmessage' },
    message: { type: 'message', ts: fields.messageTs, text: 'x' },
    response_url: 'https://hooks.slack.com/actions/T0FAKE/1/abc',
    actions: [
      {
        type: 'button',
        action_id: 'btn:0:0',
        block_id: 'b1',
        text: { type: 'plain_text', text: fields.label ?? 'x', emoji: true },
        value: fields.value,
        action_ts: fields.actionTs,
      },
    ],
  };
}

export function viewSubmissionPayload(fields: {
  userId: string;
  triggerId: string;
  view: Record<string, unknown>;
  reason: string | null;
}): Record<string, unknown> {
  const blocks = fields.view.blocks as { block_id: string; element: { action_id: string } }[];
  const input = blocks[0];
  const values =
    input === undefined
      ? {}
      : {
          [input.block_id]: {
            [input.element.action_id]: { type: 'plain_text_input', value: fields.reason },
          },
        };
  return {
    type: 'view_submission',
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: fields.userId, username: 'someone', name: 'someone', team_id: 'T0FAKE' },
    api_app_id: 'A0FAKE',
    token: 'legacy-verification-token',
    trigger_id: fields.triggerId,
    view: {
      ...fields.view,
      id: 'V0MODAL',
      team_id: 'T0FAKE',
      state: { values },
      hash: 'h',
      app_id: 'A0FAKE',
      bot_id: 'B0BOT',
    },
    response_urls: [],
  };
}

export function eventBody(eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T0FAKE',
    api_app_id: 'A0FAKE',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: 'T0FAKE', user_id: 'U0BOT', is_bot: true }],
  });
}
