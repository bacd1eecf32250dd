// The first step of connecting Google or Outlook: a link, with a signed single-use state, to our start page.
import { randomBytes } from 'node:crypto';
import { providerExists } from '../catalog/provider-exists.ts';
import { type Ok, ok } from '../domain/outcome.ts';
import {
  type CalendarConnectDeps,
  type CalendarConnectFailure,
  connectFailure,
} from './calendar-connect-deps.ts';
import { googleConsentUrl } from './google/google-oauth.ts';
import { signOAuthState, verifyOAuthState } from './oauth-state.ts';
import { outlookAuthUrl } from './outlook/outlook-oauth.ts';

export type OAuthCalendar = 'GOOGLE' | 'OUTLOOK';

/** A state lives this long: enough to read the consent screen, too short to be worth stealing. */
const STATE_TTL_MS = 15 * 60_000;

export function oauthPath(kind: OAuthCalendar): string {
  return `/oauth/${kind === 'GOOGLE' ? 'google' : 'outlook'}`;
}

/**
 * The link a provider opens to connect `kind`: PUBLIC_URL/oauth/<kind>/start with a state signed
 * by the encryption key, naming the provider, expiring in 15 minutes and usable once.
 * PROVIDER_NOT_FOUND for an unknown provider; CALENDAR_NOT_CONFIGURED when the deployment has
 * no OAuth client for `kind`.
 */
export async function startCalendarConnect(
  deps: CalendarConnectDeps,
  input: { readonly providerId: string; readonly kind: OAuthCalendar },
): Promise<Ok<{ url: string }> | CalendarConnectFailure> {
  if (!configured(deps, input.kind)) return connectFailure('CALENDAR_NOT_CONFIGURED');
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
 * Where /oauth/<kind>/start sends the browser: the service's consent page carrying the same state,
 * once the state checks out (it is consumed only at the callback).
 */
export function consentUrl(
  deps: CalendarConnectDeps,
  kind: OAuthCalendar,
  state: string,
): Ok<{ url: string }> | CalendarConnectFailure {
  const checked = verifyOAuthState(deps.key, state, deps.clock());
  if (!checked.ok) return connectFailure(checked.code);
  if (checked.claims.calendar !== kind) return connectFailure('STATE_INVALID');
  const { google, outlook } = deps.services;
  if (kind === 'GOOGLE' && google) return ok({ url: googleConsentUrl(google.oauth, state) });
  if (kind === 'OUTLOOK' && outlook) {
    return ok({ url: outlookAuthUrl({ ...outlook, state }) });
  }
  return connectFailure('CALENDAR_NOT_CONFIGURED');
}

function configured(deps: CalendarConnectDeps, kind: OAuthCalendar): boolean {
  return kind === 'GOOGLE' ? deps.services.google !== null : deps.services.outlook !== null;
}
