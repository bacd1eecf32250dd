// The POST /webchat/events body, and how a typed line becomes a command or plain text.
import { z } from 'zod';
import type { ChatInput } from '../../src/chat/chat-types.ts';

/** Longest line a browser may send; longer text is a 400, not truncated. */
const MAX_TEXT_LENGTH = 2000;
/** Button data is at most 64 bytes (chat-types); 64 UTF-16 units can only be fewer bytes or more. */
const MAX_DATA_LENGTH = 64;
/** A BCP 47 tag is at most 35 characters in practice (RFC 5646 section 4.4.1). */
const MAX_LOCALE_LENGTH = 35;

export const WebEventBody = z.strictObject({
  /** The persona id, which is the web user id. */
  user: z.string().min(1).max(100),
  /** The browser's IANA zone (Intl), or null when it could not tell. */
  timezone: z.string().min(1).max(64).nullable(),
  /** The browser's language (navigator.language, a BCP 47 tag); absent or null: unknown. */
  locale: z.string().max(MAX_LOCALE_LENGTH).nullable().optional(),
  updateId: z.uuid(),
  input: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('line'), text: z.string().min(1).max(MAX_TEXT_LENGTH) }),
    z.strictObject({
      kind: z.literal('action'),
      data: z
        .string()
        .min(1)
        .max(MAX_DATA_LENGTH)
        .refine((data) => Buffer.byteLength(data) <= MAX_DATA_LENGTH, 'at most 64 bytes'),
      text: z.string().max(MAX_TEXT_LENGTH).nullable(),
    }),
  ]),
});
export type WebEventBody = z.infer<typeof WebEventBody>;

const COMMAND = /^\/([a-z][a-z0-9_]*)(?:\s+([\s\S]*))?$/i;

/**
 * A line starting with `/word` is that command (lower-cased) with the trimmed rest as args; any
 * other line, including a bare "/" or "/ x", is text as typed.
 * @internal Exported for tests too.
 */
export function parseLine(line: string): ChatInput {
  const match = COMMAND.exec(line.trim());
  if (!match?.[1]) return { kind: 'text', text: line };
  return { kind: 'command', command: match[1].toLowerCase(), args: (match[2] ?? '').trim() };
}

/** The engine's input for a validated body. */
export function toChatInput(input: WebEventBody['input']): ChatInput {
  switch (input.kind) {
    case 'line':
      return parseLine(input.text);
    case 'action':
      return { kind: 'action', data: input.data, text: input.text };
    default: {
      const unexpected: never = input;
      throw new Error(`unexpected input ${JSON.stringify(unexpected)}`);
    }
  }
}
