// Shared accounts, appointments and helpers for the Apple calendar tests against the fake CalDAV server.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import ical, { type VEvent } from 'node-ical';
import type { OutboundEvent } from '../../../src/calendars/calendar-client.ts';
import { type FakeCalDav, startFakeCalDav } from '../../fakes/caldav-server.ts';

export const username = 'provider@icloud.example';
export const password = 'app-specific-Secret-1234';
export const fixedNow = new Date('2026-11-20T08:00:00Z');

/** Mutable on purpose: the fake reads it on every request, so a test can revoke the password. */
export type FakeAccount = { username: string; password: string };

export async function startAppleFake(): Promise<{ fake: FakeCalDav; account: FakeAccount }> {
  const account: FakeAccount = { username, password };
  const fake = await startFakeCalDav({
    get username() {
      return account.username;
    },
    get password() {
      return account.password;
    },
    now: () => fixedNow,
  });
  return { fake, account };
}

export function appointment(overrides: Partial<OutboundEvent> = {}): OutboundEvent {
  return {
    appointmentId: 'appt-1',
    summary: 'Massage with Sam Client',
    description: 'Booked via Slotline',
    start: new Date('2026-12-01T14:00:00Z'),
    end: new Date('2026-12-01T15:00:00Z'),
    timezone: 'Europe/Berlin',
    meetingLink: null,
    requestMeeting: false,
    ...overrides,
  };
}

export function onlyEvent(ics: string): VEvent {
  const events = Object.values(ical.sync.parseICS(ics)).filter(
    (component): component is VEvent => component?.type === 'VEVENT',
  );
  const [event] = events;
  if (event === undefined || events.length !== 1) throw new Error('expected exactly one VEVENT');
  return event;
}

/** PUTs raw iCalendar text into the fake's home calendar, as another client would. */
export async function putRawObject(fake: FakeCalDav, name: string, ics: string): Promise<void> {
  const response = await fetch(`${fake.calendarUrl()}${name}`, {
    method: 'PUT',
    headers: {
      authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
      'content-type': 'text/calendar; charset=utf-8',
    },
    body: ics,
  });
  if (response.status !== 201) throw new Error(`raw PUT answered ${response.status}`);
}

/**
 * A proxy in front of the fake whose calendars claim to hold only VTODOs (like an iCloud
 * account with Reminders lists only); returns its URL and a close function.
 */
export async function startTodoOnlyProxy(
  fake: FakeCalDav,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    void forwardRewritten(fake, req, res).catch(() => res.writeHead(502).end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

async function forwardRewritten(
  fake: FakeCalDav,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = Object.entries(req.headers).flatMap(([name, value]) =>
    typeof value === 'string' && name !== 'host' && name !== 'content-length'
      ? [[name, value]]
      : [],
  ) as [string, string][];
  const upstream = await fetch(`${fake.url}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
    redirect: 'manual',
    ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
  });
  const body = (await upstream.text()).replaceAll(
    '<c:comp name="VEVENT"/>',
    '<c:comp name="VTODO"/>',
  );
  const replyHeaders = Object.fromEntries(
    [...upstream.headers].filter(
      ([name]) => name !== 'content-length' && name !== 'content-encoding',
    ),
  );
  res.writeHead(upstream.status, replyHeaders);
  res.end(body);
}

/** A URL where nothing listens: a server bound to a port, then closed. */
export async function deadServerUrl(): Promise<string> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${address.port}`;
}
