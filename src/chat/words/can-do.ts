// The short answer to words the bot cannot place, and to typed text in the middle of a flow:
// what it can do, as buttons that run the commands.
import { commandData } from '../button-data.ts';
import { button, chatMessage } from '../chat-message.ts';
import type { ChatButton, ChatMessage } from '../chat-types.ts';

const EXAMPLES =
  'For example "book a massage tomorrow at 10", "what have I booked?" or "cancel my appointment".';

/** Book, My bookings and Help, as one row of command buttons. */
function canDoButtons(): ChatButton[][] {
  return [
    [
      button('Book', commandData('book'), 'primary'),
      button('My bookings', commandData('mybookings')),
      button('Help', commandData('help')),
    ],
  ];
}

/** Words the bot could not place: say so, and offer what it can do. */
export function canDoMessage(words: string): ChatMessage {
  const quoted = words.length > 40 ? `${words.slice(0, 39)}…` : words;
  const text = [
    `Sorry, I didn't understand "${quoted}".`,
    `I can book appointments (/book) and show, move or cancel yours (/mybookings). ${EXAMPLES}`,
  ].join('\n');
  return chatMessage(text, { buttons: canDoButtons() });
}

/** Typed text in the middle of a flow that is no new request: the way on. */
export function onwardMessage(): ChatMessage {
  const text = `Please pick one of the buttons above, or tell me what you would like. ${EXAMPLES}`;
  return chatMessage(text, { buttons: canDoButtons() });
}
