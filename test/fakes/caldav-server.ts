// A local fake of iCloud's CalDAV server (discovery, PROPFIND, REPORT, PUT, DELETE) for tsdav-based tests.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import ical, { type VEvent } from 'node-ical';

export type CalDavCall = {
  readonly method: string;
  /** Raw request path (percent-encoding kept), without the query string. */
  readonly path: string;
  readonly depth: string | null;
  /** First 200 characters of the body without the XML declaration, whitespace collapsed. */
  readonly bodyExcerpt: string;
  readonly status: number;
};

export type CalDavObject = {
  readonly calendarId: string;
  /** Absolute path as the server lists it in hrefs, e.g. /10000001/calendars/home/x.ics. */
  readonly href: string;
  /** Decoded last path segment, e.g. x.ics. */
  readonly filename: string;
  /** Quoted strong ETag, as sent in the ETag header. */
  readonly etag: string;
  readonly uid: string;
  readonly ics: string;
};

export type ExternalEvent = {
  readonly uid: string;
  readonly summary: string;
  readonly start: Date;
  readonly end: Date;
  /** Written as VALUE=DATE using the UTC calendar dates of start and end (end exclusive). */
  readonly allDay?: boolean;
  readonly transparent?: boolean;
  readonly status?: 'CONFIRMED' | 'CANCELLED';
};

export type FakeCalDavOptions = {
  readonly username: string;
  readonly password: string;
  /** Clock for DTSTAMP of external events; defaults to the wall clock. */
  readonly now?: () => Date;
};

export type FakeCalDav = {
  /** Server root without trailing slash: pass it as tsdav `serverUrl`. */
  readonly url: string;
  readonly calls: CalDavCall[];
  /** Absolute URL of a calendar collection (default 'home'), with trailing slash. */
  calendarUrl(calendarId?: string): string;
  /** Creates or replaces (same UID) an event in a calendar, as the user would in Apple Calendar. */
  putExternalEvent(event: ExternalEvent, calendarId?: string): CalDavObject;
  /** Removes the event with this UID from every calendar; false when none had it. */
  deleteExternalEvent(uid: string): boolean;
  objects(): CalDavObject[];
  /** The next request with this method answers this status (queued, one per request). */
  failNext(method: string, status: number): void;
  close(): Promise<void>;
};

type StoredObject = { name: string; uid: string; etag: string; ics: string };
type Calendar = {
  id: string;
  displayName: string;
  color: string;
  objects: Map<string, StoredObject>;
  version: number;
};
type State = {
  options: FakeCalDavOptions;
  dsid: string;
  principal: string;
  home: string;
  calendars: Map<string, Calendar>;
  calls: CalDavCall[];
  failures: { method: string; status: number }[];
};
type Reply = { status: number; headers?: Record<string, string>; body?: string };
type Target =
  | { kind: 'root' | 'principal' | 'home' | 'none' }
  | { kind: 'calendar'; calendar: Calendar }
  | { kind: 'object'; calendar: Calendar; name: string; object: StoredObject | undefined };

const DAV = 'DAV:';
const CALDAV = 'urn:ietf:params:xml:ns:caldav';
const CS = 'http://calendarserver.org/ns/';
const APPLE = 'http://apple.com/ns/ical/';
const PREFIXES: Record<string, string> = { [DAV]: 'd', [CALDAV]: 'c', [CS]: 'cs', [APPLE]: 'ca' };
const XML_HEADERS = { 'content-type': 'text/xml; charset=utf-8' };

/** Starts the fake on 127.0.0.1 and a free port, with one empty calendar 'home' named 'Calendar'. */
export async function startFakeCalDav(options: FakeCalDavOptions): Promise<FakeCalDav> {
  // iCloud addresses principals by a numeric DSID, not by the Apple ID.
  const dsid = '10000001';
  const state: State = {
    options,
    dsid,
    principal: `/${dsid}/principal/`,
    home: `/${dsid}/calendars/`,
    calendars: new Map([['home', newCalendar('home', 'Calendar')]]),
    calls: [],
    failures: [],
  };
  const server = createServer((req, res) => {
    void answer(req, res, state).catch(() => res.writeHead(500).end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    calls: state.calls,
    calendarUrl: (calendarId = 'home') => `${url}${state.home}${calendarId}/`,
    putExternalEvent: (event, calendarId = 'home') => putExternal(state, event, calendarId),
    deleteExternalEvent: (uid) => deleteExternal(state, uid),
    objects: () => listObjects(state),
    failNext: (method, status) => state.failures.push({ method: method.toUpperCase(), status }),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function newCalendar(id: string, displayName: string): Calendar {
  return { id, displayName, color: '#1BADF8FF', objects: new Map(), version: 1 };
}

async function answer(req: IncomingMessage, res: ServerResponse, state: State): Promise<void> {
  const method = (req.method ?? '').toUpperCase();
  const path = new URL(req.url ?? '/', 'http://fake').pathname;
  const body = await readBody(req);
  const reply = authorize(req, state)
    ? routeOrFail(method, path, req, body, state)
    : unauthorized();
  state.calls.push({
    method,
    path,
    depth: header(req, 'depth'),
    bodyExcerpt: body
      .replace(/^<\?xml[^>]*\?>/, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 200),
    status: reply.status,
  });
  res.writeHead(reply.status, reply.headers ?? {});
  res.end(reply.body ?? '');
}

function authorize(req: IncomingMessage, state: State): boolean {
  const value = header(req, 'authorization') ?? '';
  if (!value.startsWith('Basic ')) return false;
  const decoded = Buffer.from(value.slice(6), 'base64').toString('utf8');
  return decoded === `${state.options.username}:${state.options.password}`;
}

function unauthorized(): Reply {
  return {
    status: 401,
    headers: { 'www-authenticate': 'Basic realm="fake"', 'content-type': 'text/plain' },
    body: 'Unauthorized',
  };
}

function routeOrFail(
  method: string,
  path: string,
  req: IncomingMessage,
  body: string,
  state: State,
): Reply {
  const index = state.failures.findIndex((failure) => failure.method === method);
  const failure = index === -1 ? undefined : state.failures.splice(index, 1)[0];
  if (failure !== undefined) {
    return { status: failure.status, headers: { 'content-type': 'text/plain' }, body: 'Injected' };
  }
  if (path === '/.well-known/caldav' || path === '/.well-known/caldav/') {
    // iCloud sends clients from the well-known URL to the root, where they ask for the principal.
    return { status: 301, headers: { location: '/' } };
  }
  const target = resolveTarget(path, state);
  switch (method) {
    case 'PROPFIND':
      return propfind(target, header(req, 'depth') ?? '0', body, state);
    case 'REPORT':
      return report(target, body, state);
    case 'PUT':
      return putObject(target, req, body, state);
    case 'DELETE':
      return deleteObject(target, header(req, 'if-match'));
    case 'GET':
      return getObject(target);
    case 'OPTIONS':
      return { status: 200, headers: { dav: '1, 3, calendar-access', allow: ALLOW } };
    default:
      return { status: 405, headers: { allow: ALLOW } };
  }
}

const ALLOW = 'OPTIONS, GET, PUT, DELETE, PROPFIND, REPORT';

function resolveTarget(path: string, state: State): Target {
  const segments = path.split('/').filter((segment) => segment !== '');
  const [dsid, area, calendarId, name] = segments;
  if (segments.length === 0) return { kind: 'root' };
  if (dsid !== state.dsid || segments.length > 4) {
    return { kind: 'none' };
  }
  if (area === 'principal' && segments.length === 2) return { kind: 'principal' };
  if (area !== 'calendars') return { kind: 'none' };
  if (calendarId === undefined) return { kind: 'home' };
  const calendar = state.calendars.get(decodeURIComponent(calendarId));
  if (calendar === undefined) return { kind: 'none' };
  if (name === undefined) return { kind: 'calendar', calendar };
  return { kind: 'object', calendar, name, object: calendar.objects.get(name) };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

// ---- PROPFIND ----

type PropName = { ns: string; name: string };

function propfind(target: Target, depth: string, body: string, state: State): Reply {
  if (target.kind === 'none' || (target.kind === 'object' && target.object === undefined)) {
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
  }
  const root = parseXml(body);
  const propElement = root === undefined ? undefined : findChild(root, DAV, 'prop');
  const requested: PropName[] =
    propElement?.children.map(({ ns, name }) => ({ ns, name })) ?? DEFAULT_PROPS;
  const targets = [target, ...(depth === '0' ? [] : childrenOf(target, state))];
  return multistatus(targets.map((each) => propResponse(each, requested, state)));
}

// An empty PROPFIND body means allprop; these are the properties a client needs from it.
const DEFAULT_PROPS: PropName[] = [
  { ns: DAV, name: 'resourcetype' },
  { ns: DAV, name: 'displayname' },
  { ns: DAV, name: 'getetag' },
];

function childrenOf(target: Target, state: State): Target[] {
  if (target.kind === 'home') {
    return [...state.calendars.values()].map((calendar) => ({ kind: 'calendar', calendar }));
  }
  if (target.kind === 'calendar') {
    return [...target.calendar.objects.values()].map((object) => ({
      kind: 'object',
      calendar: target.calendar,
      name: object.name,
      object,
    }));
  }
  return [];
}

function propResponse(target: Target, requested: readonly PropName[], state: State): string {
  const found: string[] = [];
  const missing: string[] = [];
  for (const prop of requested) {
    const value = propValue(target, prop, state);
    if (value === undefined) missing.push(element(prop, ''));
    else found.push(element(prop, value));
  }
  const propstat = (props: string[], status: string) =>
    props.length === 0
      ? ''
      : `<d:propstat><d:prop>${props.join('')}</d:prop><d:status>HTTP/1.1 ${status}</d:status></d:propstat>`;
  return `<d:response><d:href>${escapeXml(hrefOf(target, state))}</d:href>${propstat(found, '200 OK')}${propstat(missing, '404 Not Found')}</d:response>`;
}

function propValue(target: Target, prop: PropName, state: State): string | undefined {
  const key = `${prop.ns}|${prop.name}`;
  if (key === `${DAV}|current-user-principal`) return `<d:href>${state.principal}</d:href>`;
  if (key === `${DAV}|resourcetype`) return resourceType(target);
  if (target.kind === 'principal') return principalProp(key, state);
  if (target.kind === 'calendar') return calendarProp(key, target.calendar);
  if (target.kind === 'object' && target.object !== undefined)
    return objectProp(key, target.object);
  return undefined;
}

function resourceType(target: Target): string {
  if (target.kind === 'principal') return '<d:principal/>';
  if (target.kind === 'calendar') return '<d:collection/><c:calendar/>';
  return target.kind === 'object' ? '' : '<d:collection/>';
}

function principalProp(key: string, state: State): string | undefined {
  if (key === `${CALDAV}|calendar-home-set`) return `<d:href>${state.home}</d:href>`;
  if (key === `${DAV}|principal-URL`) return `<d:href>${state.principal}</d:href>`;
  if (key === `${DAV}|displayname`) return escapeXml(state.options.username);
  if (key === `${CALDAV}|calendar-user-address-set`) {
    return `<d:href>mailto:${escapeXml(state.options.username)}</d:href>`;
  }
  return undefined;
}

function calendarProp(key: string, calendar: Calendar): string | undefined {
  const values: Record<string, string> = {
    [`${DAV}|displayname`]: escapeXml(calendar.displayName),
    [`${CALDAV}|supported-calendar-component-set`]: '<c:comp name="VEVENT"/>',
    [`${CS}|getctag`]: `FT=-@RU=ctag-${calendar.version}`,
    [`${DAV}|sync-token`]: `https://127.0.0.1/sync/${calendar.id}/${calendar.version}`,
    [`${APPLE}|calendar-color`]: calendar.color,
    [`${APPLE}|calendar-order`]: '1',
    // sync-collection is deliberately not advertised: tsdav then syncs by ctag + calendar-query.
    [`${DAV}|supported-report-set`]: ['c:calendar-query', 'c:calendar-multiget']
      .map((report) => `<d:supported-report><d:report><${report}/></d:report></d:supported-report>`)
      .join(''),
  };
  return values[key];
}

function objectProp(key: string, object: StoredObject): string | undefined {
  if (key === `${DAV}|getetag`) return escapeXml(object.etag);
  if (key === `${DAV}|getcontenttype`) return 'text/calendar; charset=utf-8; component=VEVENT';
  if (key === `${CALDAV}|calendar-data`) return cdata(object.ics);
  return undefined;
}

function hrefOf(target: Target, state: State): string {
  switch (target.kind) {
    case 'principal':
      return state.principal;
    case 'home':
      return state.home;
    case 'calendar':
      return `${state.home}${target.calendar.id}/`;
    case 'object':
      return `${state.home}${target.calendar.id}/${target.name}`;
    default:
      return '/';
  }
}

function element(prop: PropName, value: string): string {
  const prefix = PREFIXES[prop.ns];
  const open =
    prefix === undefined
      ? `x:${prop.name} xmlns:x="${escapeXml(prop.ns)}"`
      : `${prefix}:${prop.name}`;
  const close = prefix === undefined ? `x:${prop.name}` : open;
  return value === '' ? `<${open}/>` : `<${open}>${value}</${close}>`;
}

function multistatus(responses: readonly string[], status = 207): Reply {
  const namespaces = Object.entries(PREFIXES)
    .map(([ns, prefix]) => `xmlns:${prefix}="${ns}"`)
    .join(' ');
  return {
    status,
    headers: XML_HEADERS,
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<d:multistatus ${namespaces}>${responses.join('')}</d:multistatus>`,
  };
}

// ---- REPORT ----

function report(target: Target, body: string, state: State): Reply {
  const root = parseXml(body);
  if (target.kind !== 'calendar' || root === undefined) {
    return { status: target.kind === 'none' ? 404 : 400, body: '' };
  }
  const requested = findChild(root, DAV, 'prop')?.children.map(({ ns, name }) => ({ ns, name }));
  const props = requested ?? [{ ns: DAV, name: 'getetag' }];
  if (root.ns === CALDAV && root.name === 'calendar-query') {
    const objects = queryObjects(target.calendar, findChild(root, CALDAV, 'filter'));
    return multistatus(
      objects.map((object) => objectResponse(target.calendar, object, props, state)),
    );
  }
  if (root.ns === CALDAV && root.name === 'calendar-multiget') {
    const hrefs = root.children.filter((child) => child.ns === DAV && child.name === 'href');
    return multistatus(hrefs.map((href) => multigetResponse(href.text.trim(), props, state)));
  }
  return errorReply(403, `<d:supported-report/>`);
}

function objectResponse(
  calendar: Calendar,
  object: StoredObject,
  props: readonly PropName[],
  state: State,
): string {
  return propResponse({ kind: 'object', calendar, name: object.name, object }, props, state);
}

function multigetResponse(href: string, props: readonly PropName[], state: State): string {
  const path = href.startsWith('http') ? new URL(href).pathname : href;
  const target = resolveTarget(path, state);
  if (target.kind === 'object' && target.object !== undefined) {
    return propResponse(target, props, state);
  }
  return `<d:response><d:href>${escapeXml(href)}</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>`;
}

/** Applies VCALENDAR > VEVENT comp-filters with an optional time-range (RFC 4791 9.9). */
function queryObjects(calendar: Calendar, filter: XmlElement | undefined): StoredObject[] {
  const all = [...calendar.objects.values()];
  const vcalendar = filter === undefined ? undefined : findChild(filter, CALDAV, 'comp-filter');
  if (vcalendar === undefined) return all;
  if (vcalendar.attrs.name !== 'VCALENDAR') return [];
  const component = findChild(vcalendar, CALDAV, 'comp-filter');
  if (component === undefined) return all;
  if (component.attrs.name !== 'VEVENT') return [];
  const range = findChild(component, CALDAV, 'time-range');
  if (range === undefined) return all;
  const start = parseUtcBasic(range.attrs.start) ?? Number.NEGATIVE_INFINITY;
  const end = parseUtcBasic(range.attrs.end) ?? Number.POSITIVE_INFINITY;
  return all.filter((object) => overlaps(object.ics, start, end));
}

function parseUtcBasic(value: string | undefined): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
}

function overlaps(ics: string, start: number, end: number): boolean {
  return eventsOf(ics).some((event) => {
    // An open-ended range would expand a rule forever; any recurring event may match it.
    if (event.rrule && !(Number.isFinite(start) && Number.isFinite(end))) return true;
    const instances = event.rrule
      ? ical.expandRecurringEvent(event, {
          from: new Date(start),
          to: new Date(end),
          expandOngoing: true,
        })
      : [{ start: event.start, end: event.end ?? event.start }];
    return instances.some((instance) => {
      const from = instantOf(instance.start);
      const to = instantOf(instance.end);
      // A zero-length event still occupies its start instant.
      return to > from ? from < end && to > start : from >= start && from < end;
    });
  });
}

/** node-ical builds DATE values at local midnight; all-day events count as whole UTC days here. */
function instantOf(date: Date & { dateOnly?: boolean }): number {
  if (date.dateOnly !== true) return date.getTime();
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
}

function eventsOf(ics: string): VEvent[] {
  try {
    return Object.values(ical.sync.parseICS(ics)).filter(
      (component): component is VEvent => component?.type === 'VEVENT',
    );
  } catch {
    return [];
  }
}

// ---- PUT / DELETE / GET ----

function putObject(target: Target, req: IncomingMessage, body: string, state: State): Reply {
  if (target.kind !== 'object' || !target.name.toLowerCase().endsWith('.ics')) {
    return { status: target.kind === 'none' ? 409 : 405 };
  }
  if (!(header(req, 'content-type') ?? '').toLowerCase().startsWith('text/calendar')) {
    return { status: 415 };
  }
  const uid = eventsOf(body)[0]?.uid;
  if (uid === undefined) return errorReply(403, '<c:valid-calendar-data/>');
  const existing = target.object;
  if (header(req, 'if-none-match') === '*' && existing !== undefined) return { status: 412 };
  const ifMatch = header(req, 'if-match');
  if (ifMatch !== null && ifMatch !== '*' && ifMatch !== existing?.etag) return { status: 412 };
  if (ifMatch === '*' && existing === undefined) return { status: 412 };
  const clash = [...target.calendar.objects.values()].find(
    (other) => other.uid === uid && other.name !== target.name,
  );
  if (clash !== undefined) {
    return errorReply(
      403,
      `<c:no-uid-conflict><d:href>${hrefOf({ ...target, name: clash.name, object: clash }, state)}</d:href></c:no-uid-conflict>`,
    );
  }
  const stored = store(target.calendar, target.name, uid, body);
  return { status: existing === undefined ? 201 : 204, headers: { etag: stored.etag } };
}

function store(calendar: Calendar, name: string, uid: string, ics: string): StoredObject {
  const etag = `"${createHash('sha1').update(ics).digest('hex').slice(0, 16)}"`;
  const stored = { name, uid, etag, ics };
  calendar.objects.set(name, stored);
  calendar.version += 1;
  return stored;
}

function deleteObject(target: Target, ifMatch: string | null): Reply {
  if (target.kind !== 'object' || target.object === undefined) return { status: 404 };
  if (ifMatch !== null && ifMatch !== '*' && ifMatch !== target.object.etag) return { status: 412 };
  target.calendar.objects.delete(target.name);
  target.calendar.version += 1;
  return { status: 204 };
}

function getObject(target: Target): Reply {
  if (target.kind !== 'object' || target.object === undefined) return { status: 404 };
  return {
    status: 200,
    headers: { 'content-type': 'text/calendar; charset=utf-8', etag: target.object.etag },
    body: target.object.ics,
  };
}

function errorReply(status: number, condition: string): Reply {
  return {
    status,
    headers: XML_HEADERS,
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<d:error xmlns:d="${DAV}" xmlns:c="${CALDAV}">${condition}</d:error>`,
  };
}

// ---- Controls ----

function putExternal(state: State, event: ExternalEvent, calendarId: string): CalDavObject {
  const calendar = state.calendars.get(calendarId);
  if (calendar === undefined) throw new Error(`No calendar ${calendarId}`);
  const current = [...calendar.objects.values()].find((object) => object.uid === event.uid);
  // Apple keeps the resource name when the user edits an event, and names new ones after the UID.
  const name = current?.name ?? new URL(`${event.uid}.ics`, 'http://fake/').pathname.slice(1);
  const now = (state.options.now ?? (() => new Date()))();
  const stored = store(calendar, name, event.uid, buildIcs(event, now));
  return toObject(calendar, stored, state);
}

function deleteExternal(state: State, uid: string): boolean {
  let deleted = false;
  for (const calendar of state.calendars.values()) {
    for (const object of [...calendar.objects.values()]) {
      if (object.uid !== uid) continue;
      calendar.objects.delete(object.name);
      calendar.version += 1;
      deleted = true;
    }
  }
  return deleted;
}

function listObjects(state: State): CalDavObject[] {
  return [...state.calendars.values()].flatMap((calendar) =>
    [...calendar.objects.values()].map((object) => toObject(calendar, object, state)),
  );
}

function toObject(calendar: Calendar, object: StoredObject, state: State): CalDavObject {
  return {
    calendarId: calendar.id,
    href: `${state.home}${calendar.id}/${object.name}`,
    filename: decodeURIComponent(object.name),
    etag: object.etag,
    uid: object.uid,
    ics: object.ics,
  };
}

function buildIcs(event: ExternalEvent, now: Date): string {
  const stamp = utcBasic(now);
  const when = (name: string, date: Date) =>
    event.allDay === true
      ? `${name};VALUE=DATE:${utcBasic(date).slice(0, 8)}`
      : `${name}:${utcBasic(date)}`;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Apple Inc.//macOS 15.0//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${stamp}`,
    `CREATED:${stamp}`,
    `LAST-MODIFIED:${stamp}`,
    when('DTSTART', event.start),
    when('DTEND', event.end),
    `SUMMARY:${escapeText(event.summary)}`,
    `TRANSP:${event.transparent === true ? 'TRANSPARENT' : 'OPAQUE'}`,
    `STATUS:${event.status ?? 'CONFIRMED'}`,
    'SEQUENCE:0',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

function utcBasic(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\r?\n/g, '\\n');
}

// ---- XML ----

type XmlElement = {
  ns: string;
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
};

const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([\w.-]+(?::[\w.-]+)?)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<[?!][\s\S]*?>|([^<]+)/g;

/** A namespace-aware parser for the well-formed XML that DAV clients send; not a general parser. */
function parseXml(source: string): XmlElement | undefined {
  const stack: { element: XmlElement; scope: Record<string, string> }[] = [];
  let root: XmlElement | undefined;
  for (const match of source.matchAll(TOKEN)) {
    const [, cdataText, closing, qname, attrText, selfClosing, text] = match;
    const top = stack.at(-1);
    if (cdataText !== undefined || text !== undefined) {
      if (top !== undefined) top.element.text += cdataText ?? decodeXml(text ?? '');
      continue;
    }
    if (qname === undefined) continue;
    if (closing === '/') {
      stack.pop();
      continue;
    }
    const opened = openElement(qname, attrText ?? '', top?.scope ?? {});
    if (top === undefined) root ??= opened.element;
    else top.element.children.push(opened.element);
    if (selfClosing !== '/') stack.push(opened);
  }
  return root;
}

function openElement(qname: string, attrText: string, parentScope: Record<string, string>) {
  const scope = { ...parentScope };
  const attrs: Record<string, string> = {};
  for (const [, key = '', quoted1, quoted2] of attrText.matchAll(
    /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
  )) {
    const value = decodeXml(quoted1 ?? quoted2 ?? '');
    if (key === 'xmlns') scope[''] = value;
    else if (key.startsWith('xmlns:')) scope[key.slice(6)] = value;
    else attrs[key.includes(':') ? key.slice(key.indexOf(':') + 1) : key] = value;
  }
  const [prefix, name] = qname.includes(':') ? qname.split(':') : ['', qname];
  const element: XmlElement = {
    ns: scope[prefix ?? ''] ?? '',
    name: name ?? '',
    attrs,
    children: [],
    text: '',
  };
  return { element, scope };
}

function findChild(parent: XmlElement, ns: string, name: string): XmlElement | undefined {
  return parent.children.find((child) => child.ns === ns && child.name === name);
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (entity.startsWith('#x') || entity.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    }
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return named[entity.toLowerCase()] ?? '';
  });
}

// Quotes stay literal so quoted ETags read back byte-identical; no escaped value lands in an attribute.
function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt' }[char]};`);
}

function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
