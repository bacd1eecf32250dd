// The calendar harness with the Google fake as the provider's calendar service.
import { type FakeGoogle, startFakeGoogle } from '../fakes/google-calendar-api.ts';
import {
  type CalendarSyncHarness,
  connectThroughConsent,
  startCalendarSyncHarness,
} from './calendar-sync-harness.ts';

export type GoogleSyncHarness = CalendarSyncHarness & { readonly google: FakeGoogle };

/** The whole app on a real port with Google pointed at a fresh fake; close() stops both. */
export async function startGoogleSyncHarness(): Promise<GoogleSyncHarness> {
  const google = await startFakeGoogle({ clientId: 'cid', clientSecret: 'csecret' });
  const h = await startCalendarSyncHarness({
    google: {
      clientId: 'cid',
      clientSecret: 'csecret',
      apiRoot: google.rootUrl,
      authUrl: google.authUrl,
      tokenUrl: google.tokenUrl,
    },
  });
  return {
    ...h,
    google,
    close: async () => {
      await h.close();
      await google.close();
    },
  };
}

/** Follows our connect link through the fake's consent to our callback; returns its answer. */
export function connectGoogle(h: GoogleSyncHarness): Promise<Response> {
  return connectThroughConsent(h, 'google');
}
