// Persists tokens google-auth-library refreshes mid-call, so a caller can wait until they are stored.
import type { OAuthTokens, SaveTokens } from '../calendar-client.ts';
import type { GoogleOAuthClient } from './google-oauth.ts';

type RefreshedCredentials = {
  readonly access_token?: string | null;
  readonly refresh_token?: string | null;
  readonly expiry_date?: number | null;
};

/**
 * Gives `client` the stored `tokens` and saves each refresh through `saveTokens`, one save after
 * another so an older save never lands last. Google usually omits the refresh token on refresh:
 * the last known one is kept. A failed save goes to `onSaveError` and never fails the calendar
 * call it happened in (the refresh token did not change, so the next refresh works anyway).
 * Returns a function resolving once every save so far has settled.
 */
export function persistRefreshedTokens(
  client: GoogleOAuthClient,
  tokens: OAuthTokens,
  saveTokens: SaveTokens,
  onSaveError: (error: unknown) => void,
): () => Promise<void> {
  let refreshToken = tokens.refreshToken;
  let saves: Promise<void> = Promise.resolve();
  client.setCredentials({
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    expiry_date: tokens.expiresAt?.getTime() ?? null,
  });
  client.on('tokens', (fresh: RefreshedCredentials) => {
    // Read now: the library writes the old refresh_token into this object after listeners run.
    refreshToken = fresh.refresh_token ?? refreshToken;
    const saved: OAuthTokens = {
      accessToken: fresh.access_token ?? null,
      refreshToken,
      expiresAt: typeof fresh.expiry_date === 'number' ? new Date(fresh.expiry_date) : null,
    };
    saves = saves.then(() => saveTokens(saved).catch(onSaveError));
  });
  return () => saves;
}
