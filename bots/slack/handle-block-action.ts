// Button clicks and select choices: action { data, text: null }; a decline button opens a modal first.
import type { App } from '@slack/bolt';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import { translatorOfWords } from '../reader-translator.ts';
import { declineModal, isDeclineData } from './decline-modal.ts';
import { runChatEvent, type SlackContext } from './slack-context.ts';
import { blockActionsSchema, fallbackName } from './slack-payloads.ts';
import type { SlackMessageRef } from './slack-poster.ts';

type BlockActions = ReturnType<typeof blockActionsSchema.parse>;

/**
 * Acks at once. A `dc:` button opens the decline modal with the trigger_id before anything slow
 * (Slack voids it after 3 s); every other action runs the engine with updateId = action_ts, and a
 * `replace` reply updates the clicked message in place.
 */
export function registerBlockActions(app: App, context: SlackContext): void {
  app.action(/.*/, async ({ ack, body }) => {
    await ack();
    const parsed = blockActionsSchema.safeParse(body);
    if (!parsed.success) {
      context.logger.warn({ platform: 'slack' }, 'unreadable block_actions payload');
      return;
    }
    const payload = parsed.data;
    const action = payload.actions[0];
    const data = action?.value ?? action?.selected_option?.value;
    if (action === undefined || data === undefined) return;
    const source = sourceMessage(payload);
    if (isDeclineData(data)) {
      // The Decline button's label is in the provider's language: the modal goes on in it.
      const t = translatorOfWords('appointment.decline', action.text?.text);
      await openDeclineModal(context, payload.trigger_id, declineModal(t, { data, source }));
      return;
    }
    const user = await context.directory.chatUser(payload.user.id, fallbackName(payload.user));
    await runChatEvent(
      context,
      { user, input: { kind: 'action', data, text: null }, updateId: action.action_ts },
      { dmChannel: user.dmAddress, source, actor: payload.user.id },
    );
  });
}

async function openDeclineModal(
  context: SlackContext,
  triggerId: string,
  view: ReturnType<typeof declineModal>,
): Promise<void> {
  try {
    await context.client.views.open({ trigger_id: triggerId, view });
  } catch (error) {
    context.logger.error(
      { platform: 'slack', err: describeErrorSafely(error) },
      'views.open failed',
    );
  }
}

/** The clicked message, when it is a channel message (App Home views cannot be chat.update'd). */
function sourceMessage(payload: BlockActions): SlackMessageRef | null {
  const container = payload.container;
  if (container?.type !== 'message' || !container.channel_id || !container.message_ts) return null;
  return { channel: container.channel_id, ts: container.message_ts };
}
