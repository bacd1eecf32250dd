// The short answer to words the bot cannot place, and to typed text in the middle of a flow:
// what it can do, as buttons that run the commands.
import type { Translator } from '../../i18n/translator.ts';
import { commandData } from '../button-data.ts';
import { button, chatMessage } from '../chat-message.ts';
import type { ChatButton, ChatMessage } from '../chat-types.ts';

/** Book, My bookings and Help, as one row of command buttons. */
function canDoButtons(t: Translator): ChatButton[][] {
  return [
    [
      button(t.t('words.buttonBook'), commandData('book'), 'primary'),
      button(t.t('words.buttonMyBookings'), commandData('mybookings')),
      button(t.t('words.buttonHelp'), commandData('help')),
    ],
  ];
}

/** Words the bot could not place: say so, and offer what it can do. */
export function canDoMessage(t: Translator, words: string): ChatMessage {
  const quoted = words.length > 40 ? `${words.slice(0, 39)}…` : words;
  const text = [t.t('words.notUnderstood', { words: quoted }), t.t('words.canDo')].join('\n');
  return chatMessage(text, { buttons: canDoButtons(t) });
}

/** Typed text in the middle of a flow that is no new request: the way on. */
export function onwardMessage(t: Translator): ChatMessage {
  return chatMessage(t.t('words.onward'), { buttons: canDoButtons(t) });
}
