// The Google calendar client against the fake: writing events, tokens and errors, push channels.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CalendarAuthError,
  CalendarUnavailableError,
  type OAuthTokens,
} from '../../../src/calendars/calendar-client.ts';
import { createGoogleCalendar } from '../../../src/calendars/google/google-calendar.ts';
import { type FakeGoogle, startFakeGoogle } from '../../fakes/google-calendar-api.ts';
import {
  clientId,
  clientSecret,
  connectGoogle,
  outbound,
  rejection,
  settingsFor,
} from './google-fixtures.ts';

const window = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-08T00:00:00Z') };
const meetLink = /^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

let fake: FakeGoogle;
beforeEach(async () => {
  fake = await startFakeGoogle({ clientId, clientSecret });
});
afterEach(async () => {
  await fake.close();
});

async function connectedCalendar(
  options: { saveTokens?: (tokens: OAuthTokens) => Promise<void> } = {},
) {
  const tokens = await connectGoogle(fake);
  const saved: OAuthTokens[] = [];
  const saveErrors: unknown[] = [];
  const client = createGoogleCalendar({
    oauth: settingsFor(fake),
    apiRoot: fake.rootUrl,
    tokens,
    saveTokens:
      options.saveTokens ??
      (async (fresh) => {
        saved.push(fresh);
      }),
    onSaveError: (error) => saveErrors.push(error),
  });
  return { client, tokens, saved, saveErrors };
}

describe('writing events', () => {
  it('creates an opaque event marked with the appointment id, in the provider zone', async () => {
    const { client } = await connectedCalendar();
    expect(client.kind).toBe('GOOGLE');
    const link = 'https://zoom.example/j/1';
    const created = await client.createEvent(outbound({ meetingLink: link }));
    expect(created).toEqual({ externalEventId: expect.any(String), meetingLink: null });
    const [stored] = fake.events('primary');
    expect(stored).toMatchObject({
      id: created.externalEventId,
      summary: 'Massage with Sam Client',
      description: `Booked via Slotline\n\n${link}`,
      location: link,
      start: { dateTime: '2026-03-02T09:00:00.000Z', timeZone: 'Europe/Paris' },
      end: { dateTime: '2026-03-02T10:00:00.000Z', timeZone: 'Europe/Paris' },
      transparency: 'opaque',
      extendedProperties: { private: { slotlineAppointmentId: 'appt-1' } },
    });
    expect(stored?.hangoutLink).toBeUndefined();
    const insert = fake.calls.find((call) => call.path === '/calendar/v3/calendars/primary/events');
    expect(insert?.query).toMatchObject({ sendUpdates: 'none', conferenceDataVersion: '0' });
  });

  it('returns the Meet link Google made when asked for one', async () => {
    const { client } = await connectedCalendar();
    const created = await client.createEvent(outbound({ requestMeeting: true }));
    expect(created.meetingLink).toMatch(meetLink);
    expect(fake.events('primary')[0]?.hangoutLink).toBe(created.meetingLink);
  });

  it('creates under an id from the appointment, so a retried insert finds the first event', async () => {
    const { client } = await connectedCalendar();
    const first = await client.createEvent(outbound({ requestMeeting: true }));
    const again = await client.createEvent(outbound({ requestMeeting: true }));
    expect(again).toEqual(first);
    expect(first.externalEventId).toMatch(/^slotline[0-9a-f]+$/);
    expect(fake.events('primary')).toHaveLength(1);
  });

  it('moves and renames an event, keeping its Meet link', async () => {
    const { client } = await connectedCalendar();
    const created = await client.createEvent(outbound({ requestMeeting: true }));
    await client.updateEvent(
      created.externalEventId,
      outbound({
        summary: 'Long massage',
        start: new Date('2026-03-03T14:00:00Z'),
        end: new Date('2026-03-03T16:00:00Z'),
      }),
    );
    expect(fake.events('primary')[0]).toMatchObject({
      summary: 'Long massage',
      start: { dateTime: '2026-03-03T14:00:00.000Z' },
      end: { dateTime: '2026-03-03T16:00:00.000Z' },
      hangoutLink: created.meetingLink,
      extendedProperties: { private: { slotlineAppointmentId: 'appt-1' } },
    });
  });

  it('deletes an event, and deleting it again or a missing one succeeds', async () => {
    const { client } = await connectedCalendar();
    const { externalEventId } = await client.createEvent(outbound());
    await client.deleteEvent(externalEventId);
    expect(fake.events('primary')[0]?.status).toBe('cancelled');
    await client.deleteEvent(externalEventId);
    await client.deleteEvent('missing0');
    const deletes = fake.calls.filter((call) => call.method === 'DELETE').map((c) => c.status);
    expect(deletes).toEqual([204, 410, 404]);
  });

  it('reports a 503 on insert as CalendarUnavailableError without retrying the POST', async () => {
    const { client } = await connectedCalendar();
    fake.failNext((call) => call.method === 'POST' && call.path.endsWith('/events'), 503);
    const error = await rejection(() => client.createEvent(outbound()));
    expect(error).toBeInstanceOf(CalendarUnavailableError);
    expect((error as Error).message).toContain('503');
    expect((error as Error).cause).toBeDefined();
    expect(fake.events('primary')).toEqual([]);
  });

  it('reports a 429 on insert as CalendarUnavailableError', async () => {
    const { client } = await connectedCalendar();
    fake.failNext((call) => call.method === 'POST' && call.path.endsWith('/events'), 429);
    const error = await rejection(() => client.createEvent(outbound()));
    expect(error).toBeInstanceOf(CalendarUnavailableError);
    expect((error as Error).message).toContain('429');
  });

  it('reports an unexpected status with the status in the message', async () => {
    const { client } = await connectedCalendar();
    const error = await rejection(() => client.updateEvent('missing0', outbound()));
    expect(error).toBeInstanceOf(CalendarUnavailableError);
    expect((error as Error).message).toMatch(/HTTP 404 notFound/);
  });
});

describe('tokens', () => {
  it('refreshes a refused access token, saves it with the original refresh token, then succeeds', async () => {
    const { client, tokens, saved, saveErrors } = await connectedCalendar();
    fake.expireAccessTokens();
    await client.createEvent(outbound());
    expect(fake.tokenCalls).toEqual(['authorization_code', 'refresh_token']);
    expect(saved).toEqual([
      {
        accessToken: fake.issuedAccessTokens[1],
        refreshToken: tokens.refreshToken,
        expiresAt: expect.any(Date),
      },
    ]);
    expect(saveErrors).toEqual([]);
    expect(fake.events('primary')).toHaveLength(1);
  });

  it('resolves only after the refreshed tokens were saved', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const order: string[] = [];
    const { client } = await connectedCalendar({
      saveTokens: async () => {
        await gate;
        order.push('saved');
      },
    });
    fake.expireAccessTokens();
    const pull = client
      .pullEvents(null, {
        from: new Date('2026-03-01T00:00:00Z'),
        to: new Date('2026-03-08T00:00:00Z'),
      })
      .then(() => order.push('pulled'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual([]);
    release();
    await pull;
    expect(order).toEqual(['saved', 'pulled']);
  });

  it('reports a failed save without failing the call', async () => {
    const failure = new Error('db down');
    const { client, saveErrors } = await connectedCalendar({
      saveTokens: () => Promise.reject(failure),
    });
    fake.expireAccessTokens();
    await client.createEvent(outbound());
    expect(saveErrors).toEqual([failure]);
  });

  it('throws CalendarAuthError once the user revoked access, without tokens in the message', async () => {
    const { client, tokens } = await connectedCalendar();
    fake.revokeRefreshTokens();
    const error = await rejection(() => client.createEvent(outbound()));
    expect(error).toBeInstanceOf(CalendarAuthError);
    expect((error as Error).cause).toBeDefined();
    expect((error as Error).message).not.toContain(tokens.refreshToken ?? '-');
    expect((error as Error).message).not.toContain(tokens.accessToken ?? '-');
  });

  it('throws CalendarAuthError for a refused access token when there is no refresh token', async () => {
    const tokens = await connectGoogle(fake);
    const client = createGoogleCalendar({
      oauth: settingsFor(fake),
      apiRoot: fake.rootUrl,
      tokens: { ...tokens, refreshToken: null },
      saveTokens: async () => {},
    });
    fake.expireAccessTokens();
    const error = await rejection(() => client.deleteEvent('any0'));
    expect(error).toBeInstanceOf(CalendarAuthError);
  });

  it('throws CalendarAuthError when it has neither an access nor a refresh token', async () => {
    const client = createGoogleCalendar({
      oauth: settingsFor(fake),
      apiRoot: fake.rootUrl,
      tokens: { accessToken: null, refreshToken: null, expiresAt: null },
      saveTokens: async () => {},
    });
    const error = await rejection(() => client.pullEvents('cursor', window));
    expect(error).toBeInstanceOf(CalendarAuthError);
    expect(fake.calls).toEqual([]);
  });
});

describe('push channels', () => {
  it('opens a week-long channel echoing the secret and closes it once', async () => {
    const { client } = await connectedCalendar();
    const before = Date.now();
    const channel = await client.openChannel('https://slotline.example/webhooks/google', 'sec-1');
    expect(fake.channels()).toEqual([
      expect.objectContaining({
        id: channel.id,
        resourceId: channel.resourceId,
        calendarId: 'primary',
        address: 'https://slotline.example/webhooks/google',
        token: 'sec-1',
      }),
    ]);
    const weekMs = 7 * 86_400_000;
    expect(channel.expiresAt.getTime()).toBeGreaterThanOrEqual(before + weekMs);
    expect(channel.expiresAt.getTime()).toBeLessThan(Date.now() + weekMs + 1000);
    await client.closeChannel(channel);
    expect(fake.channels()).toEqual([]);
    await client.closeChannel(channel);
  });

  it('opens channels with distinct ids', async () => {
    const { client } = await connectedCalendar();
    const first = await client.openChannel('https://slotline.example/w', 's');
    const second = await client.openChannel('https://slotline.example/w', 's');
    expect(first.id).not.toBe(second.id);
    expect(fake.channels()).toHaveLength(2);
  });
});
