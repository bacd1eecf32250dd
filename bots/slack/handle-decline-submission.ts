// Submission of the decline modal: action { data: 'dc:<uuid>', text: reason or null }.
import type { App } from '@slack/bolt';
import { DECLINE_CALLBACK_ID, readDeclineReason, readDeclineRequest } from './decline-modal.ts';
import { runChatEvent, type SlackContext } from './slack-context.ts';
import { fallbackName, viewSubmissionSchema } from './slack-payloads.ts';

/**
 * Acks at once (closing the modal), then runs the engine with updateId = the submission's
 * trigger_id; a `replace` reply updates the approval message the decline button was on.
 */
export function registerDeclineSubmission(app: App, context: SlackContext): void {
  app.view(DECLINE_CALLBACK_ID, async ({ ack, body }) => {
    await ack();
    const parsed = viewSubmissionSchema.safeParse(body);
    const request = parsed.success ? readDeclineRequest(parsed.data.view.private_metadata) : null;
    if (!parsed.success || request === null) {
      context.logger.warn({ platform: 'slack' }, 'unreadable decline submission');
      return;
    }
    const submission = parsed.data;
    const reason = readDeclineReason(submission.view.state.values);
    const user = await context.directory.chatUser(
      submission.user.id,
      fallbackName(submission.user),
    );
    await runChatEvent(
      context,
      {
        user,
        input: { kind: 'action', data: request.data, text: reason },
        updateId: submission.trigger_id,
      },
      { dmChannel: user.dmAddress, source: request.source, actor: submission.user.id },
    );
  });
}
