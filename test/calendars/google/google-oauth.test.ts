// Consent URL and code exchange against the Google fake's OAuth endpoints.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CalendarAuthError,
  CalendarUnavailableError,
} from '../../../src/calendars/calendar-client.ts';
import {
  exchangeGoogleCode,
  googleConsentUrl,
} from '../../../src/calendars/google/google-oauth.ts';
import { type FakeGoogle, startFakeGoogle } from '../../fakes/google-calendar-api.ts';
import {
  clientId,
  clientSecret,
  followConsent,
  rejection,
  settingsFor,
} from './google-fixtures.ts';

let fake: FakeGoogle;
beforeEach(async () => {
  fake = await startFakeGoogle({ clientId, clientSecret });
});
afterEach(async () => {
  await fake.close();
});

describe('googleConsentUrl', () => {
  it('asks for offline calendar access with a fresh consent and passes state through', async () => {
    const settings = settingsFor(fake);
    const redirect = await followConsent(googleConsentUrl(settings, 'state-abc'));
    expect(fake.consents[0]).toMatchObject({
      client_id: clientId,
      redirect_uri: settings.redirectUri,
      response_type: 'code',
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
      scope: [
        'https://www.googleapis.com/auth/calendar.events',
        'https://www.googleapis.com/auth/calendar.readonly',
      ].join(' '),
      state: 'state-abc',
    });
    expect(redirect.origin + redirect.pathname).toBe(settings.redirectUri);
    expect(redirect.searchParams.get('state')).toBe('state-abc');
    expect(redirect.searchParams.get('code')).toBeTruthy();
  });
});

describe('exchangeGoogleCode', () => {
  it('gives access and refresh tokens with the expiry', async () => {
    const settings = settingsFor(fake);
    const redirect = await followConsent(googleConsentUrl(settings, 's'));
    const tokens = await exchangeGoogleCode(settings, redirect.searchParams.get('code') ?? '');
    expect(tokens).toEqual({
      accessToken: fake.issuedAccessTokens[0],
      refreshToken: fake.issuedRefreshTokens[0],
      expiresAt: expect.any(Date),
    });
    const seconds = ((tokens.expiresAt?.getTime() ?? 0) - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(3500);
    expect(seconds).toBeLessThanOrEqual(3599);
  });

  it('refuses a reused code with CalendarAuthError', async () => {
    const settings = settingsFor(fake);
    const redirect = await followConsent(googleConsentUrl(settings, 's'));
    const code = redirect.searchParams.get('code') ?? '';
    await exchangeGoogleCode(settings, code);
    const error = await rejection(() => exchangeGoogleCode(settings, code));
    expect(error).toBeInstanceOf(CalendarAuthError);
    expect((error as Error).cause).toBeDefined();
  });

  it('reports a refused client secret as CalendarUnavailableError with the status', async () => {
    const settings = settingsFor(fake);
    const redirect = await followConsent(googleConsentUrl(settings, 's'));
    const wrong = { ...settings, clientSecret: 'wrong' };
    const error = await rejection(() =>
      exchangeGoogleCode(wrong, redirect.searchParams.get('code') ?? ''),
    );
    expect(error).toBeInstanceOf(CalendarUnavailableError);
    expect((error as Error).message).toContain('401');
    expect((error as Error).message).not.toContain('wrong');
  });

  it('refuses a grant missing a calendar scope (the user unticked it)', async () => {
    const settings = settingsFor(fake);
    const url = new URL(googleConsentUrl(settings, 's'));
    const asked = url.searchParams.get('scope')?.split(' ') ?? [];
    expect(asked).toContain('https://www.googleapis.com/auth/calendar.readonly');
    url.searchParams.set('scope', asked.filter((scope) => !scope.endsWith('.readonly')).join(' '));
    const redirect = await followConsent(url.href);
    const error = await rejection(() =>
      exchangeGoogleCode(settings, redirect.searchParams.get('code') ?? ''),
    );
    expect(error).toBeInstanceOf(CalendarAuthError);
    expect((error as Error).message).toContain('calendar.readonly');
  });

  it('reports an unreachable token endpoint as CalendarUnavailableError', async () => {
    const settings = settingsFor(fake);
    // The settings keep the closed fake's port; afterEach closes the replacement.
    await fake.close();
    fake = await startFakeGoogle({ clientId, clientSecret });
    const error = await rejection(() => exchangeGoogleCode(settings, 'code'));
    expect(error).toBeInstanceOf(CalendarUnavailableError);
  });
});
