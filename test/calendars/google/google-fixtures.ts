// Shared setup for the Google client tests: OAuth settings for the fake and a connected provider.
import type { OAuthTokens, OutboundEvent } from '../../../src/calendars/calendar-client.ts';
import {
  exchangeGoogleCode,
  type GoogleOAuthSettings,
  googleConsentUrl,
} from '../../../src/calendars/google/google-oauth.ts';
import type { FakeGoogle } from '../../fakes/google-calendar-api.ts';

export const clientId = 'client-123.apps.googleusercontent.com';
export const clientSecret = 'client-secret-abc';

export function settingsFor(fake: FakeGoogle): GoogleOAuthSettings {
  return {
    clientId,
    clientSecret,
    authUrl: fake.authUrl,
    tokenUrl: fake.tokenUrl,
    redirectUri: 'http://127.0.0.1:9/oauth/google/callback',
  };
}

/** Follows a consent URL as the browser would and returns Google's redirect. */
export async function followConsent(url: string): Promise<URL> {
  const response = await fetch(url, { redirect: 'manual' });
  if (response.status !== 302) throw new Error(`consent answered ${response.status}`);
  return new URL(response.headers.get('location') ?? '');
}

/** Runs the whole consent flow and returns the tokens Slotline would store. */
export async function connectGoogle(fake: FakeGoogle): Promise<OAuthTokens> {
  const settings = settingsFor(fake);
  const redirect = await followConsent(googleConsentUrl(settings, 'state-1'));
  return exchangeGoogleCode(settings, redirect.searchParams.get('code') ?? '');
}

export function outbound(overrides: Partial<OutboundEvent> = {}): OutboundEvent {
  return {
    appointmentId: 'appt-1',
    summary: 'Massage with Sam Client',
    description: 'Booked via Slotline',
    start: new Date('2026-03-02T09:00:00Z'),
    end: new Date('2026-03-02T10:00:00Z'),
    timezone: 'Europe/Paris',
    meetingLink: null,
    requestMeeting: false,
    ...overrides,
  };
}

/** Runs `action`, expecting a rejection, and returns the error. */
export async function rejection(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
