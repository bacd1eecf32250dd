// What connecting, disconnecting and pulling calendars on request needs on top of calendar sync.
import type { CalendarKind } from '../domain/calendar-kinds.ts';
import { type Ok, ok } from '../domain/outcome.ts';
import { readProviderConnection } from './calendar-connections.ts';
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

type NotConnected = CalendarConnectFailure & { readonly code: 'NOT_CONNECTED' };

/** The provider's calendar refused its stored credentials (BROKEN): only reconnecting helps. */
export type CalendarBroken = {
  readonly ok: false;
  readonly code: 'CREDENTIALS_REFUSED';
  readonly connection: 'BROKEN';
};

/**
 * Queues a pull of the provider's calendar now, as a notification would (requests within two
 * seconds share one pull). NOT_CONNECTED without a calendar, CREDENTIALS_REFUSED (a BROKEN
 * connection) when its stored credentials were refused; database faults throw.
 */
export async function requestSyncNow(
  deps: CalendarConnectDeps,
  providerId: string,
): Promise<Ok<{ kind: CalendarKind }> | NotConnected | CalendarBroken> {
  const connection = await readProviderConnection(deps.db, deps.key, providerId);
  if (!connection) return { ok: false, code: 'NOT_CONNECTED' };
  if (connection.status === 'BROKEN') {
    return { ok: false, code: 'CREDENTIALS_REFUSED', connection: 'BROKEN' };
  }
  await deps.requestSync(connection.id);
  return ok({ kind: connection.kind });
}
