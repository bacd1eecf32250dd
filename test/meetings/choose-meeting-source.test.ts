// Which meeting source the settings select, and how the environment becomes those settings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chooseMeetingSource,
  describeMeetingSource,
  type MeetingSource,
} from '../../src/meetings/choose-meeting-source.ts';
import { loadMeetingSettings } from '../../src/meetings/load-meeting-settings.ts';
import { type FakeZoomApi, startFakeZoomApi } from '../fakes/zoom-api.ts';

const zoomCredentials = { accountId: 'acct-9', clientId: 'client-9', clientSecret: 'sekrit-9' };
const input = {
  appointmentId: 'appt-9',
  topic: 'Online lesson',
  start: new Date('2026-12-02T09:00:00Z'),
  durationMinutes: 60,
  timezone: 'America/New_York',
};
const clock = () => new Date('2026-11-24T10:00:00Z');

let zoom: FakeZoomApi;
beforeEach(async () => {
  zoom = await startFakeZoomApi(zoomCredentials);
});
afterEach(async () => {
  await zoom.close();
});

function zoomEnv(): Record<string, string> {
  return {
    ZOOM_ACCOUNT_ID: zoomCredentials.accountId,
    ZOOM_CLIENT_ID: zoomCredentials.clientId,
    ZOOM_CLIENT_SECRET: zoomCredentials.clientSecret,
    ZOOM_API_URL: zoom.url,
    ZOOM_OAUTH_URL: zoom.url,
  };
}

/** The source's meeting provider; fails the test for a source without one. */
function providerOf(source: MeetingSource) {
  if (source.kind !== 'provider' && source.kind !== 'calendar-or-provider') {
    throw new Error(`no provider in ${source.kind}`);
  }
  return source.provider;
}

describe('chooseMeetingSource', () => {
  it('picks Zoom for every link when all three credentials are set, at the configured URLs', async () => {
    const { settings, problems } = loadMeetingSettings(zoomEnv());
    expect(problems).toEqual([]);
    const source = chooseMeetingSource(settings, { clock });
    expect(source.kind).toBe('provider');
    expect(describeMeetingSource(source)).toBe('zoom');
    const link = await providerOf(source).createMeeting(input);
    expect(link.externalId).not.toBeNull();
    expect(zoom.meetingCalls()).toHaveLength(1);
  });

  it('picks Google Meet through the calendar, else Jitsi on the configured server, without Zoom', async () => {
    const { settings } = loadMeetingSettings({ JITSI_BASE_URL: 'https://jitsi.example.org/' });
    const source = chooseMeetingSource(settings, { clock });
    expect(source.kind).toBe('calendar-or-provider');
    expect(describeMeetingSource(source)).toBe('google-meet or jitsi');
    expect((await providerOf(source).createMeeting(input)).url).toMatch(
      /^https:\/\/jitsi\.example\.org\/slotline-[0-9a-f]{40}$/,
    );
  });

  it('falls back to public Jitsi when nothing is configured', async () => {
    const source = chooseMeetingSource(loadMeetingSettings({}).settings, { clock });
    expect(source.kind).toBe('calendar-or-provider');
    expect((await providerOf(source).createMeeting(input)).url).toMatch(
      /^https:\/\/meet\.jit\.si\//,
    );
  });
});

describe('loadMeetingSettings', () => {
  it('reports missing Zoom credentials by name, without echoing the ones given', () => {
    const { settings, problems } = loadMeetingSettings({
      ZOOM_ACCOUNT_ID: 'acct-9',
      ZOOM_CLIENT_SECRET: 'sekrit-9',
    });
    expect(settings.zoom).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^ZOOM_CLIENT_ID: required/);
    expect(problems.join(' ')).not.toContain('sekrit-9');
  });

  it('treats blank values as unset', () => {
    const { settings, problems } = loadMeetingSettings({
      ZOOM_ACCOUNT_ID: ' ',
      ZOOM_CLIENT_ID: '',
      ZOOM_CLIENT_SECRET: '  ',
      JITSI_BASE_URL: '',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({ zoom: null, jitsiBaseUrl: null });
  });

  it('reports URLs that are not http(s)', () => {
    const { problems } = loadMeetingSettings({
      JITSI_BASE_URL: 'meet.example.org',
      ZOOM_API_URL: 'ftp://api.zoom.us',
    });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/JITSI_BASE_URL/);
    expect(problems.join('\n')).toMatch(/ZOOM_API_URL/);
  });

  it('keeps the optional Zoom user and URLs', () => {
    const { settings } = loadMeetingSettings({ ...zoomEnv(), ZOOM_USER_ID: 'dana@example.org' });
    expect(settings.zoom).toEqual({
      ...zoomCredentials,
      userId: 'dana@example.org',
      apiUrl: zoom.url,
      oauthUrl: zoom.url,
    });
  });
});
