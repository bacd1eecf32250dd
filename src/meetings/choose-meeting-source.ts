// Where join links for virtual services come from: decided once, from the settings, as data.
import type { Clock } from '../ports/clock.ts';
import { createJitsiProvider } from './jitsi-provider.ts';
import type { MeetingSettings, ZoomSettings } from './load-meeting-settings.ts';
import type { MeetingProvider } from './meeting-provider.ts';
import { createZoomProvider } from './zoom-provider.ts';

/**
 * Where a confirmed virtual appointment's join link comes from:
 * - provider: the meeting provider makes every link; calendar pushes never ask for Google Meet.
 * - calendar-or-provider: the calendar push asks Google for a Meet link (only a provider with a
 *   Google Calendar gets one); when none comes back, the meeting provider makes it.
 * - calendar: Google Meet through the calendar only; without a Google Calendar, no link.
 * - none: no links at all.
 * Code that uses a source switches over `kind` exhaustively, so a new kind is a compile error there.
 */
export type MeetingSource =
  | { readonly kind: 'provider'; readonly provider: MeetingProvider }
  | { readonly kind: 'calendar-or-provider'; readonly provider: MeetingProvider }
  | { readonly kind: 'calendar' }
  | { readonly kind: 'none' };

type ChooseMeetingDeps = {
  readonly clock: Clock;
};

/**
 * Zoom, for every link, when its credentials are configured: explicit credentials are the
 * strongest sign of intent, so Google Meet is never asked for. Otherwise Google Meet through the
 * provider's Google Calendar, else Jitsi, which needs nothing (JITSI_BASE_URL or the public
 * server). Throws MeetingConfigError when the chosen provider's URLs are invalid. Makes no
 * network calls: bad Zoom credentials surface on the first createMeeting.
 */
export function chooseMeetingSource(
  settings: MeetingSettings,
  deps: ChooseMeetingDeps,
): MeetingSource {
  if (settings.zoom !== null) {
    return { kind: 'provider', provider: zoomProvider(settings.zoom, deps.clock) };
  }
  const jitsi = createJitsiProvider(
    settings.jitsiBaseUrl === null ? {} : { baseUrl: settings.jitsiBaseUrl },
  );
  return { kind: 'calendar-or-provider', provider: jitsi };
}

/** A short name for logs, such as 'zoom' or 'google-meet or jitsi'; never settings or secrets. */
export function describeMeetingSource(source: MeetingSource): string {
  switch (source.kind) {
    case 'provider':
      return source.provider.name;
    case 'calendar-or-provider':
      return `google-meet or ${source.provider.name}`;
    case 'calendar':
      return 'google-meet';
    case 'none':
      return 'none';
    default: {
      const _never: never = source;
      return _never;
    }
  }
}

function zoomProvider(zoom: ZoomSettings, clock: Clock): MeetingProvider {
  return createZoomProvider({
    accountId: zoom.accountId,
    clientId: zoom.clientId,
    clientSecret: zoom.clientSecret,
    clock,
    ...(zoom.userId === null ? {} : { userId: zoom.userId }),
    ...(zoom.apiUrl === null ? {} : { apiUrl: zoom.apiUrl }),
    ...(zoom.oauthUrl === null ? {} : { oauthUrl: zoom.oauthUrl }),
  });
}
