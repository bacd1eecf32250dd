// Input cleaning at the engine's door: what a platform hands over is cut to size and stripped
// of what PostgreSQL text cannot hold before anything reads it.
import type { ChatInput, ChatUser } from './chat-types.ts';

/** Typed text longer than this is cut before it is read; no command needs more. */
const MAX_TEXT = 500;

/** PostgreSQL text cannot hold NUL; overlong input is cut. */
export function clean(text: string, max: number): string {
  return text.replaceAll('\u0000', '').slice(0, max);
}

/** A BCP 47 tag is at most 35 characters in practice (RFC 5646 section 4.4.1). */
const MAX_LOCALE = 35;

/** The sender with every field cut to what the identity tables hold. */
export function cleanUser(user: ChatUser): ChatUser {
  return {
    platform: user.platform,
    platformUserId: clean(user.platformUserId, 200),
    displayName: clean(user.displayName, 200).trim() || 'Chat user',
    timezone: user.timezone === null ? null : clean(user.timezone, 64),
    dmAddress: user.dmAddress === null ? null : clean(user.dmAddress, 200),
    locale: user.locale ? clean(user.locale, MAX_LOCALE).trim() || null : null,
  };
}

/** The input cleaned; a command loses its slash and any @botname suffix. */
export function cleanInput(input: ChatInput): ChatInput {
  switch (input.kind) {
    case 'command':
      return {
        kind: 'command',
        command: clean(input.command, 64)
          .trim()
          .toLowerCase()
          .replace(/^\//, '')
          .replace(/@.*$/, ''),
        args: clean(input.args, MAX_TEXT).trim(),
      };
    case 'action':
      return {
        kind: 'action',
        data: clean(input.data, 100),
        text: input.text === null ? null : clean(input.text, MAX_TEXT),
      };
    case 'text':
      return { kind: 'text', text: clean(input.text, MAX_TEXT).trim() };
    case 'invoice-paid': {
      const p = input.payment;
      // Ids are cut to a sane size; anything longer is no id a platform sends.
      return {
        kind: 'invoice-paid',
        payment: {
          ...p,
          appointmentId: clean(p.appointmentId, 128),
          currency: clean(p.currency, 3),
          platformChargeId: clean(p.platformChargeId, 255),
          processorChargeId: clean(p.processorChargeId, 255),
        },
      };
    }
  }
}
