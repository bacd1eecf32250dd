// /sync: a provider asks for their calendar to be pulled now instead of at the next sweep.
import { requestSyncNow } from '../calendars/calendar-connect-deps.ts';
import { calendarName, connectChoices } from './calendar-words.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import type { Turn } from './turn.ts';

/**
 * Queues a pull of the provider's calendar. Says when there is none, or when it refused its
 * stored credentials (pulling would not help: it must be reconnected).
 */
export async function syncCommand(turn: Turn, providerId: string): Promise<ChatMessage> {
  const { t } = turn;
  const deps = turn.deps.calendars;
  if (!deps) return chatMessage(t.t('calendar.notSetUpServer'));
  const result = await requestSyncNow(deps, providerId);
  if (result.ok) {
    return chatMessage(t.t('calendar.syncing', { name: calendarName(t, result.value.kind) }));
  }
  switch (result.code) {
    case 'NOT_CONNECTED':
      return chatMessage(t.t('calendar.noneConnected', { choices: connectChoices(t) }));
    case 'CREDENTIALS_REFUSED':
      return chatMessage(t.t('calendar.refused'));
  }
}
