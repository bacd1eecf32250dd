// /sync: a provider asks for their calendar to be pulled now instead of at the next sweep.
import { requestSyncNow } from '../calendars/calendar-connect-deps.ts';
import { CALENDAR_KIND_INFO, oauthChoices } from '../domain/calendar-kinds.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import type { Turn } from './turn.ts';

/**
 * Queues a pull of the provider's calendar. Says when there is none, or when it refused its
 * stored credentials (pulling would not help: it must be reconnected).
 */
export async function syncCommand(turn: Turn, providerId: string): Promise<ChatMessage> {
  const deps = turn.deps.calendars;
  if (!deps) return chatMessage('Calendar sync is not set up on this server.');
  const result = await requestSyncNow(deps, providerId);
  if (result.ok) {
    return chatMessage(
      `Checking your ${CALENDAR_KIND_INFO[result.value.kind].name} now. Busy times there block bookings here within a minute.`,
    );
  }
  switch (result.code) {
    case 'NOT_CONNECTED':
      return chatMessage(`You have no calendar connected. Send ${oauthChoices('/connect ')}.`);
    case 'CREDENTIALS_REFUSED':
      return chatMessage(
        'Your calendar refused the stored sign-in, so it cannot be checked. Connect it again (/connect, or ask your admin).',
      );
  }
}
