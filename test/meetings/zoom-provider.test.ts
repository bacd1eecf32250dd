// Zoom against a local fake: token handling, the meeting request, and how refusals are reported.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MeetingConfigError,
  MeetingError,
  type MeetingProvider,
} from '../../src/meetings/meeting-provider.ts';
import { createZoomProvider, type ZoomOptions } from '../../src/meetings/zoom-provider.ts';
import { type FakeZoomApi, startFakeZoomApi } from '../fakes/zoom-api.ts';

const credentials = {
  accountId: 'acct-123',
  clientId: 'client-abc',
  clientSecret: 'secret-SHOULD-NEVER-APPEAR',
};
const input = {
  appointmentId: 'appt-1',
  topic: 'Physiotherapy with Dana',
  start: new Date('2026-12-01T15:30:00.000Z'),
  durationMinutes: 45,
  timezone: 'Europe/Berlin',
};

let zoom: FakeZoomApi;
let now: Date;
const clock = () => now;
const advance = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};

function provider(overrides: Partial<ZoomOptions> = {}): MeetingProvider {
  return createZoomProvider({
    ...credentials,
    apiUrl: zoom.url,
    oauthUrl: `${zoom.url}/`,
    clock,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the promise to reject with an Error');
  return error;
}

beforeEach(async () => {
  now = new Date('2026-11-24T10:00:00Z');
  zoom = await startFakeZoomApi({
    ...credentials,
    expiresInSeconds: 3599,
    users: ['dana@example.org'],
  });
});
afterEach(async () => {
  await zoom.close();
});

describe('createZoomProvider: success', () => {
  it('gets a token with account credentials and posts the scheduled meeting with it', async () => {
    const link = await provider().createMeeting(input);
    const [tokenCall] = zoom.tokenCalls();
    const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString(
      'base64',
    );
    expect(tokenCall?.authorization).toBe(`Basic ${basic}`);
    expect(tokenCall?.body).toEqual({ grant_type: 'account_credentials', account_id: 'acct-123' });
    const [meetingCall] = zoom.meetingCalls();
    expect(meetingCall?.path).toBe('/v2/users/me/meetings');
    expect(meetingCall?.authorization).toBe(`Bearer ${zoom.issuedTokens[0]}`);
    expect(meetingCall?.body).toEqual({
      topic: 'Physiotherapy with Dana',
      type: 2,
      start_time: '2026-12-01T15:30:00Z',
      duration: 45,
      timezone: 'Europe/Berlin',
    });
    expect(meetingCall?.status).toBe(201);
    expect(link.url).toMatch(/^https:\/\/us05web\.zoom\.us\/j\/\d+\?pwd=/);
    expect(link.externalId).toMatch(/^\d+$/);
    expect(link.url).toContain(link.externalId);
  });

  it('hosts on the configured user, escaped into the path', async () => {
    await provider({ userId: 'dana@example.org' }).createMeeting(input);
    expect(zoom.meetingCalls()[0]?.path).toBe('/v2/users/dana%40example.org/meetings');
  });

  it('caps the topic at Zoom’s 200 characters', async () => {
    await provider().createMeeting({ ...input, topic: 'x'.repeat(250) });
    expect(zoom.meetingCalls()[0]?.body.topic).toBe('x'.repeat(200));
  });
});

describe('createZoomProvider: token cache', () => {
  it('reuses the token until a minute before expiry, then fetches a new one', async () => {
    const meetings = provider();
    await meetings.createMeeting(input);
    advance(3599 - 61);
    await meetings.createMeeting(input);
    expect(zoom.tokenCalls()).toHaveLength(1);
    advance(2);
    await meetings.createMeeting(input);
    expect(zoom.tokenCalls()).toHaveLength(2);
    const bearers = zoom.meetingCalls().map((call) => call.authorization);
    expect(bearers).toEqual([
      `Bearer ${zoom.issuedTokens[0]}`,
      `Bearer ${zoom.issuedTokens[0]}`,
      `Bearer ${zoom.issuedTokens[1]}`,
    ]);
  });

  it('asks for one token when meetings are created concurrently', async () => {
    const meetings = provider();
    await Promise.all([1, 2, 3].map(() => meetings.createMeeting(input)));
    expect(zoom.tokenCalls()).toHaveLength(1);
    expect(zoom.meetingCalls()).toHaveLength(3);
  });

  it('on a 401 fetches a fresh token and retries once', async () => {
    const meetings = provider();
    await meetings.createMeeting(input);
    zoom.revokeTokens();
    const link = await meetings.createMeeting(input);
    expect(link.externalId).not.toBeNull();
    expect(zoom.tokenCalls()).toHaveLength(2);
    expect(zoom.meetingCalls().map((call) => [call.status, call.authorization])).toEqual([
      [201, `Bearer ${zoom.issuedTokens[0]}`],
      [401, `Bearer ${zoom.issuedTokens[0]}`],
      [201, `Bearer ${zoom.issuedTokens[1]}`],
    ]);
  });

  it('gives up after one retry when the fresh token is refused too', async () => {
    zoom.failNextMeeting({ status: 401 });
    zoom.failNextMeeting({ status: 401 });
    const error = await failure(provider().createMeeting(input));
    expect(error).toBeInstanceOf(MeetingConfigError);
    expect(zoom.meetingCalls()).toHaveLength(2);
    expect(zoom.tokenCalls()).toHaveLength(2);
  });
});

describe('createZoomProvider: refusals', () => {
  it('maps 429 to a retryable MeetingError carrying Retry-After and the cause', async () => {
    zoom.failNextMeeting({ status: 429, retryAfterSeconds: 30 });
    const error = await failure(provider().createMeeting(input));
    expect(error).toBeInstanceOf(MeetingError);
    expect((error as MeetingError).retryAfterSeconds).toBe(30);
    expect(error.cause).toMatchObject({ name: 'ZoomApiError', status: 429 });
  });

  it('maps 500 to a MeetingError and keeps the token for the next attempt', async () => {
    const meetings = provider();
    zoom.failNextMeeting({ status: 500 });
    const error = await failure(meetings.createMeeting(input));
    expect(error).toBeInstanceOf(MeetingError);
    expect(error.cause).toMatchObject({ name: 'ZoomApiError', status: 500 });
    await meetings.createMeeting(input);
    expect(zoom.tokenCalls()).toHaveLength(1);
  });

  it('maps a failing token endpoint to a MeetingError', async () => {
    zoom.failNextToken({ status: 503 });
    const error = await failure(provider().createMeeting(input));
    expect(error).toBeInstanceOf(MeetingError);
    expect(zoom.meetingCalls()).toHaveLength(0);
  });

  it('maps an unknown host user to a MeetingConfigError', async () => {
    const error = await failure(provider({ userId: 'nobody@example.org' }).createMeeting(input));
    expect(error).toBeInstanceOf(MeetingConfigError);
    expect(error.message).toContain('User does not exist');
  });

  it('maps an unreachable Zoom to a MeetingError with the network fault as cause', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    closed.close();
    await once(closed, 'close');
    const url = `http://127.0.0.1:${port}`;
    const error = await failure(provider({ apiUrl: url, oauthUrl: url }).createMeeting(input));
    expect(error).toBeInstanceOf(MeetingError);
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('createZoomProvider: credentials', () => {
  it.each([
    ['a wrong secret', { clientSecret: 'wrong-SECRET-must-not-leak' }],
    ['a wrong client id', { clientId: 'wrong-client' }],
    ['a wrong account id', { accountId: 'wrong-account' }],
  ])('refuses %s with a MeetingConfigError that shows no secret', async (_, wrong) => {
    const meetings = provider(wrong);
    const error = await failure(meetings.createMeeting(input));
    expect(error).toBeInstanceOf(MeetingConfigError);
    const shown = `${inspect(error, { depth: 10 })} ${JSON.stringify(error)} ${inspect(meetings, { depth: 10 })}`;
    for (const secret of [credentials.clientSecret, 'wrong-SECRET-must-not-leak']) {
      expect(shown).not.toContain(secret);
    }
    expect(shown).not.toContain(
      Buffer.from(`${credentials.clientId}:`).toString('base64').slice(0, 12),
    );
    expect(zoom.meetingCalls()).toHaveLength(0);
  });

  it('never shows the access token in a refusal', async () => {
    zoom.failNextMeeting({ status: 500 });
    const error = await failure(provider().createMeeting(input));
    const token = zoom.issuedTokens[0] ?? 'missing';
    expect(inspect(error, { depth: 10 })).not.toContain(token);
  });

  it.each([
    [{ clientSecret: ' ' }],
    [{ accountId: '' }],
    [{ apiUrl: 'zoom.us' }],
    [{ oauthUrl: 'https://zoom.us/?x=1' }],
  ])('refuses settings %j before any request', (bad) => {
    expect(() => provider(bad)).toThrow(MeetingConfigError);
    expect(zoom.calls).toHaveLength(0);
  });
});
