// Connecting any CalDAV server (Fastmail, Nextcloud, Radicale...): the server named per connection.
import type { Ok } from '../../domain/outcome.ts';
import type { CalendarConnectDeps, CalendarConnectFailure } from '../calendar-connect-deps.ts';
import { type CalendarUnreachable, connectByPassword } from './connect-by-password.ts';

/**
 * Discovers the account from `serverUrl` (well-known, then the URL itself), checks the password
 * and stores the connection as connectByPassword does: the calendar's absolute URL keeps the
 * server, so later pulls and pushes go there. The caller validates the URL (http or https).
 */
export async function connectCalDavCalendar(
  deps: CalendarConnectDeps,
  input: {
    readonly providerId: string;
    readonly serverUrl: string;
    readonly username: string;
    readonly password: string;
  },
): Promise<Ok<{ calendarUrl: string }> | CalendarConnectFailure | CalendarUnreachable> {
  return connectByPassword(deps, { ...input, kind: 'CALDAV' });
}
