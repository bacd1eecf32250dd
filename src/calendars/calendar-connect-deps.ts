// What connecting and disconnecting calendars needs on top of calendar sync.
import type { CalendarDeps } from './calendar-deps.ts';
import type { CalendarServices } from './calendar-services.ts';

export type CalendarConnectDeps = CalendarDeps & {
  readonly services: CalendarServices;
  /** Queues a sync of the connection (its first one opens the push channel). */
  readonly requestSync: (connectionId: string) => Promise<void>;
  /** Queues putting one appointment on the newly connected calendar (once per connection). */
  readonly requestPush: (connectionId: string, appointmentId: string) => Promise<void>;
};

/** Why a connect or disconnect did not happen; adapters map every code. */
export type CalendarConnectFailure = {
  readonly ok: false;
  readonly code:
    | 'PROVIDER_NOT_FOUND'
    | 'CALENDAR_NOT_CONFIGURED'
    | 'STATE_INVALID'
    | 'STATE_EXPIRED'
    | 'STATE_USED'
    | 'CONSENT_DENIED'
    | 'CREDENTIALS_REFUSED'
    | 'NO_CALENDAR'
    | 'NOT_CONNECTED';
};

export function connectFailure(code: CalendarConnectFailure['code']): CalendarConnectFailure {
  return { ok: false, code };
}
