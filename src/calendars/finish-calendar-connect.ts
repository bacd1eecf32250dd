// The OAuth callback: the state checked and spent, the code redeemed, the tokens sealed, the first sync queued.

import { usedOAuthStates } from '../db/schema/infrastructure.ts';
import type { OAuthCalendarKind } from '../domain/calendar-kinds.ts';
import { type Ok, ok } from '../domain/outcome.ts';
import {
  type CalendarConnectDeps,
  type CalendarConnectFailure,
  connectFailure,
} from './calendar-connect-deps.ts';
import { OAUTH_SERVICES } from './oauth-services.ts';
import { verifyOAuthState } from './oauth-state.ts';
import { replaceConnection } from './replace-connection.ts';

export type OAuthCallback = {
  readonly state: string;
  readonly code: string | null;
  /** The service's `error` parameter, e.g. access_denied when the provider said no. */
  readonly error: string | null;
};

/**
 * Completes a connection: the state must verify, name `kind` and not have been used (it is spent
 * here, even when the provider declined); the code is redeemed for tokens, which are stored
 * sealed, replacing any calendar the provider had (see replaceConnection); then the first sync
 * is queued, which opens the push channel. Failures are values;
 * CalendarAuthError or CalendarUnavailableError from the token endpoint are thrown.
 */
export async function finishCalendarConnect(
  deps: CalendarConnectDeps,
  kind: OAuthCalendarKind,
  callback: OAuthCallback,
): Promise<Ok<{ providerId: string }> | CalendarConnectFailure> {
  const now = deps.clock();
  const checked = verifyOAuthState(deps.key, callback.state, now);
  if (!checked.ok) return connectFailure(checked.code);
  const { claims } = checked;
  if (claims.calendar !== kind) return connectFailure('STATE_INVALID');
  const spent = await deps.db
    .insert(usedOAuthStates)
    .values({ nonce: claims.nonce, usedAt: now, expiresAt: claims.expiresAt })
    .onConflictDoNothing()
    .returning({ nonce: usedOAuthStates.nonce });
  if (spent.length === 0) return connectFailure('STATE_USED');
  if (callback.error !== null || callback.code === null) return connectFailure('CONSENT_DENIED');
  const tokens = await OAUTH_SERVICES[kind].redeem(deps.services, callback.code, now);
  if (!tokens) return connectFailure('CALENDAR_NOT_CONFIGURED');
  await replaceConnection(deps, {
    providerId: claims.providerId,
    kind,
    tokens,
    accountName: null,
    password: null,
    externalCalendarId: null,
  });
  return ok({ providerId: claims.providerId });
}
