// The decline-reason modal: opened on a `dc:` button, its submission carries the reason back.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Translator } from '../../src/i18n/translator.ts';
import type { SlackMessageRef } from './slack-poster.ts';

export const DECLINE_CALLBACK_ID = 'decline-reason';
const BLOCK_ID = 'reason';
const ACTION_ID = 'reason-input';
/** The engine's decline button data starts with this; the adapter asks for a reason first. */
const DECLINE_PREFIX = 'dc:';

/** What the modal remembers between the click and the submission. */
export type DeclineRequest = { readonly data: string; readonly source: SlackMessageRef | null };

const metadataSchema = z.object({
  data: z.string().startsWith(DECLINE_PREFIX).max(64),
  source: z.object({ channel: z.string(), ts: z.string() }).nullable(),
});

/** True for the engine's decline button data (`dc:<uuid>`), which needs a reason first. */
export function isDeclineData(data: string): boolean {
  return data.startsWith(DECLINE_PREFIX);
}

/**
 * The modal view for views.open in `t`'s language; private_metadata (max 3000 chars) holds the
 * DeclineRequest.
 */
export function declineModal(t: Translator, request: DeclineRequest): types.ModalView {
  return {
    type: 'modal',
    callback_id: DECLINE_CALLBACK_ID,
    private_metadata: JSON.stringify(request),
    title: { type: 'plain_text', text: t.t('bots.declineTitle') },
    submit: { type: 'plain_text', text: t.t('bots.declineSubmit') },
    close: { type: 'plain_text', text: t.t('bots.declineClose') },
    blocks: [
      {
        type: 'input',
        block_id: BLOCK_ID,
        optional: true,
        label: { type: 'plain_text', text: t.t('bots.declineReason') },
        element: {
          type: 'plain_text_input',
          action_id: ACTION_ID,
          multiline: true,
          max_length: 500,
        },
      },
    ],
  };
}

/** The request back from private_metadata, or null when it was tampered with or is malformed. */
export function readDeclineRequest(privateMetadata: string): DeclineRequest | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The typed reason, trimmed; null when left empty. */
export function readDeclineReason(
  values: Record<string, Record<string, { value?: string | null | undefined }>>,
): string | null {
  const reason = values[BLOCK_ID]?.[ACTION_ID]?.value?.trim() ?? '';
  return reason === '' ? null : reason;
}
