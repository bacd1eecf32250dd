// The first step of connecting an OAuth calendar kind: a link, with a signed single-use state, to our start page.
import { randomBytes } from 'node:crypto';
import { providerExists } from '../catalog/provider-exists.ts';
import type { OAuthCalendarKind } from '../domain/calendar-kinds.ts';
import { type Ok, ok } from '../domain/outcome.ts';
import {
  type CalendarConnectDeps,
  type CalendarConnectFailure,
  connectFailure,
} from './calendar-connect-deps.ts';
import { oauthPath } from './calendar-paths.ts';
import { OAUTH_SERVICES } from './oauth-services.ts';
import { signOAuthState, verifyOAuthState } from './oauth-state.ts';

/** A state lives this long: enough to read the consent screen, too short to be worth stealing. */
const STATE_TTL_MS = 15 * 60_000;

/**
 * The link a provider opens to connect `kind`: PUBLIC_URL/oauth/<slug>/start with a state signed
 * by the encryption key, naming the provider, expiring in 15 minutes and usable once.
 * PROVIDER_NOT_FOUND for an unknown provider; CALENDAR_NOT_CONFIGURED when the deployment has
 * no OAuth client for `kind`.
 */
export async function startCalendarConnect(
  deps: CalendarConnectDeps,
  input: { readonly providerId: string; readonly kind: OAuthCalendarKind },
): Promise<Ok<{ url: string }> | CalendarConnectFailure> {
  if (!OAUTH_SERVICES[input.kind].configured(deps.services))
    return connectFailure('CALENDAR_NOT_CONFIGURED');
  if (!(await providerExists(deps.db, input.providerId)))
    return connectFailure('PROVIDER_NOT_FOUND');
  const state = signOAuthState(deps.key, {
    providerId: input.providerId,
    calendar: input.kind,
    nonce: randomBytes(16).toString('base64url'),
    expiresAt: new Date(deps.clock().getTime() + STATE_TTL_MS),
  });
  const base = deps.publicUrl.replace(/\/$/, '');
  return ok({ url: `${base}${oauthPath(input.kind)}/start?state=${encodeURIComponent(state)}` });
}

/**
 * Where /oauth/<slug>/start sends the browser: the service's consent page carrying the same state,
 * once the state checks out (it is consumed only at the callback).
 */
export function consentUrl(
  deps: CalendarConnectDeps,
  kind: OAuthCalendarKind,
  state: string,
): Ok<{ url: string }> | CalendarConnectFailure {
  const checked = verifyOAuthState(deps.key, state, deps.clock());
  if (!checked.ok) return connectFailure(checked.code);
  if (checked.claims.calendar !== kind) return connectFailure('STATE_INVALID');
  const url = OAUTH_SERVICES[kind].consentUrl(deps.services, state);
  return url === null ? connectFailure('CALENDAR_NOT_CONFIGURED') : ok({ url });
}
