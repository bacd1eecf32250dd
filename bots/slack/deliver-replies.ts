// Sends the engine's replies to a Slack user: in place for a `replace` reply to an action, else as DMs.
import type { ChatMessage } from '../../src/chat/chat-types.ts';
import type { Translator } from '../../src/i18n/translator.ts';
import type { SlackMessageRef, SlackPoster } from './slack-poster.ts';

export type ReplyTarget = {
  /** The user's DM channel. */
  readonly dmChannel: string;
  /** The message the user acted on, when there is one to update (not for commands or App Home). */
  readonly source: SlackMessageRef | null;
  /** The Slack user id of whoever acted, shown on a message updated in place. */
  readonly actor: string;
};

/**
 * Replies go out in order. Only the first `replace` reply updates the source message (a message
 * can only be replaced once per action); any further ones are posted like the rest. If the update
 * fails (the message was deleted, or is too old to edit) the reply is posted instead, because the
 * engine has already acted and the user must still see the outcome; a failed post rejects. An
 * updated message names who acted in `t`'s language.
 */
export async function deliverReplies(
  poster: SlackPoster,
  target: ReplyTarget,
  replies: readonly ChatMessage[],
  t: Translator,
): Promise<void> {
  const actedBy = t.t('bots.actedBy', { actor: `<@${target.actor}>` });
  let source = target.source;
  for (const reply of replies) {
    if (reply.replace && source !== null) {
      const updated = await poster.update(source, reply, actedBy).then(
        () => true,
        () => false,
      );
      if (!updated) await poster.post(target.dmChannel, reply);
      source = null;
    } else {
      await poster.post(target.dmChannel, reply);
    }
  }
}
