// Each OAuth calendar kind's service: whether it is configured, its consent page and its code exchange.
import type { OAuthCalendarKind } from '../domain/calendar-kinds.ts';
import type { OAuthTokens } from './calendar-client.ts';
import type { CalendarServices } from './calendar-services.ts';
import { exchangeGoogleCode, googleConsentUrl } from './google/google-oauth.ts';
import { exchangeOutlookCode, outlookAuthUrl } from './outlook/outlook-oauth.ts';

/** One OAuth kind's side of connecting; each answers null when the deployment lacks its client. */
type OAuthService = {
  readonly configured: (services: CalendarServices) => boolean;
  /** The service's consent page, carrying `state`. */
  readonly consentUrl: (services: CalendarServices, state: string) => string | null;
  /** Redeems the callback's `code` for tokens; throws what the token endpoint throws. */
  readonly redeem: (
    services: CalendarServices,
    code: string,
    now: Date,
  ) => Promise<OAuthTokens> | null;
};

/** One entry per OAuth kind: a new OAuth kind fails to compile until it has one. */
export const OAUTH_SERVICES: { readonly [K in OAuthCalendarKind]: OAuthService } = {
  GOOGLE: {
    configured: ({ google }) => google !== null,
    consentUrl: ({ google }, state) => (google ? googleConsentUrl(google.oauth, state) : null),
    redeem: ({ google, timeoutMs }, code) =>
      google ? exchangeGoogleCode(google.oauth, code, timeoutMs) : null,
  },
  OUTLOOK: {
    configured: ({ outlook }) => outlook !== null,
    consentUrl: ({ outlook }, state) => (outlook ? outlookAuthUrl({ ...outlook, state }) : null),
    redeem: ({ outlook, timeoutMs }, code, now) =>
      outlook ? exchangeOutlookCode({ ...outlook, code, now, timeoutMs }) : null,
  },
};
