// Plain CalDAV requests against the real server, as another calendar app would make them (no tsdav).
import type { Radicale } from './radicale-server.ts';

export type StoredObject = { readonly href: string; readonly ics: string };

function auth(server: Radicale): Record<string, string> {
  const basic = Buffer.from(`${server.username}:${server.password}`).toString('base64');
  return { authorization: `Basic ${basic}` };
}

/** MKCALENDAR at `path` (e.g. /alice/work/); returns its absolute URL. */
export async function makeCalendar(server: Radicale, path: string): Promise<string> {
  const url = `${server.url}${path}`;
  const res = await fetch(url, { method: 'MKCALENDAR', headers: auth(server) });
  if (res.status !== 201) throw new Error(`MKCALENDAR answered ${res.status}`);
  return url;
}

/** PUTs one iCalendar object named `name` into the calendar. */
export async function putObject(
  server: Radicale,
  calendarUrl: string,
  name: string,
  ics: string,
): Promise<void> {
  const res = await fetch(`${calendarUrl}${name}`, {
    method: 'PUT',
    headers: { ...auth(server), 'content-type': 'text/calendar; charset=utf-8' },
    body: ics,
  });
  if (res.status !== 201 && res.status !== 204) throw new Error(`PUT answered ${res.status}`);
}

/** DELETEs one object of the calendar. */
export async function deleteObject(server: Radicale, calendarUrl: string, name: string) {
  const res = await fetch(`${calendarUrl}${name}`, { method: 'DELETE', headers: auth(server) });
  if (res.status !== 200 && res.status !== 204) throw new Error(`DELETE answered ${res.status}`);
}

const QUERY = `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter></C:filter>
</C:calendar-query>`;

/** Every VEVENT object in the calendar, read with a plain calendar-query REPORT. */
export async function readObjects(server: Radicale, calendarUrl: string): Promise<StoredObject[]> {
  const res = await fetch(calendarUrl, {
    method: 'REPORT',
    headers: { ...auth(server), depth: '1', 'content-type': 'application/xml; charset=utf-8' },
    body: QUERY,
  });
  if (res.status !== 207) throw new Error(`REPORT answered ${res.status}`);
  const xml = await res.text();
  const responses = xml.split(/<(?:\w+:)?response>/).slice(1);
  return responses.map((part) => ({
    href: /<(?:\w+:)?href>([^<]*)</.exec(part)?.[1] ?? '',
    ics: unescapeXml(/<(?:\w+:)?calendar-data[^>]*>([\s\S]*?)<\//.exec(part)?.[1] ?? ''),
  }));
}

function unescapeXml(text: string): string {
  return text
    .replaceAll('&#13;', '\r')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}

/** A VCALENDAR with one VEVENT; `lines` are its properties besides UID and DTSTAMP. */
export function calendarObject(uid: string, lines: readonly string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Other App//Interop Test//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T000000Z',
    ...lines,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** 'YYYY-MM-DD' as iCalendar's basic date, 'YYYYMMDD'. */
export const basicDate = (date: string) => date.replaceAll('-', '');
