// Picks the one meeting provider the app uses for virtual services.
import type { Clock } from '../ports/clock.ts';
import { createJitsiProvider } from './jitsi-provider.ts';
import type { MeetingSettings } from './load-meeting-settings.ts';
import type { MeetingProvider } from './meeting-provider.ts';
import { createZoomProvider } from './zoom-provider.ts';

export type ChooseMeetingDeps = {
  readonly clock: Clock;
};

/**
 * Returns Zoom when its credentials are configured (explicit credentials are the strongest sign
 * of intent), else Jitsi, which needs nothing. (Without Zoom, providers with a Google Calendar
 * get Google Meet links through calendar sync instead; see ensureMeetingLink.)
 * Throws MeetingConfigError when the chosen provider's URLs are invalid. Makes no network calls:
 * bad Zoom credentials surface on the first createMeeting.
 */
export function chooseMeetingProvider(
  settings: MeetingSettings,
  deps: ChooseMeetingDeps,
): MeetingProvider {
  const zoom = settings.zoom;
  if (zoom !== null) {
    return createZoomProvider({
      accountId: zoom.accountId,
      clientId: zoom.clientId,
      clientSecret: zoom.clientSecret,
      clock: deps.clock,
      ...(zoom.userId === null ? {} : { userId: zoom.userId }),
      ...(zoom.apiUrl === null ? {} : { apiUrl: zoom.apiUrl }),
      ...(zoom.oauthUrl === null ? {} : { oauthUrl: zoom.oauthUrl }),
    });
  }
  return createJitsiProvider(
    settings.jitsiBaseUrl === null ? {} : { baseUrl: settings.jitsiBaseUrl },
  );
}
