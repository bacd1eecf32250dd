// /book: provider -> service -> day -> time -> confirm, and the same day -> time -> confirm to move
// an existing appointment. Each step stores what its buttons point at; words given with /book
// settle steps ahead, and the flow jumps to the first step they leave open.
import { bookAppointment } from '../booking/book-appointment.ts';
import { rescheduleAppointment } from '../booking/reschedule-appointment.ts';
import type { Provider, Service } from '../domain/catalog.ts';
import type { Failure } from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
import {
  bookedMessage,
  clientWhen,
  movedNotice,
  newBookingNotice,
} from './appointment-messages.ts';
import { readAppointmentView } from './appointment-view.ts';
import { bestMatches, readBookingWords } from './booking-words.ts';
import { type ButtonData, flowData, newNonce } from './button-data.ts';
import {
  activeProvider,
  activeProvidersPage,
  activeServices,
  bookableNames,
  type ProviderChoice,
} from './chat-catalog.ts';
import {
  dualClock,
  formatClock,
  formatDayLong,
  formatDayShort,
  formatDuration,
  formatPrice,
  formatSpan,
  localDate,
  zoneCity,
} from './chat-format.ts';
import { ChatStoreError } from './chat-identity.ts';
import { button, chatMessage, inRows } from './chat-message.ts';
import type { ChatButton } from './chat-types.ts';
import { type BookingState, type Hints, NO_HINTS } from './conversation-state.ts';
import { describeFailure } from './failure-reply.ts';
import { filterByHint, freeDays, freeTimes, type Picked } from './free-times.ts';
import { notifyProvider } from './notify.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

const PROVIDERS_PER_PAGE = 4;
const SERVICES_PER_PAGE = 4;
const DAYS_PER_PAGE = 10;
const TIMES_PER_ROW = 5;
/** Fewer, wider buttons when each also shows the provider's clock. */
const DUAL_TIMES_PER_ROW = 3;
const TIME_ROWS = 4;
/** More providers matching the words than this: show everyone instead. */
const MAX_CANDIDATES = 100;

/** Starts /book, reading `args` ('massage with Anna tomorrow after 3pm') when there are any. */
export async function startBooking(
  turn: ClientTurn,
  args: string,
  lead: string[] = [],
): Promise<TurnResult> {
  let state = freshState({});
  if (args.trim().length > 0) {
    const hints = readBookingWords(args, turn.client.timezone, turn.now);
    const { matched, ...settled } = await settleWords(turn, hints);
    state = { ...state, hints, ...settled };
    if (hints.words.length > 0 && !matched) {
      lead.push(`I found no provider or service matching "${hints.words.join(' ')}".`);
    }
  }
  return advance(turn, state, lead);
}

/** Starts moving the client's appointment `appointmentId` (already checked to be theirs). */
export async function startReschedule(
  turn: ClientTurn,
  appointment: { id: string; providerId: string; serviceId: string },
  lead: string[],
): Promise<TurnResult> {
  const state = freshState({
    appointmentId: appointment.id,
    step: 'day',
    providerId: appointment.providerId,
    serviceId: appointment.serviceId,
  });
  return advance(turn, state, lead);
}

/**
 * The next step after a button of this flow; null when the button does not fit the step it
 * claims (stale), so the caller restarts politely.
 */
export async function continueBooking(
  turn: ClientTurn,
  s: BookingState,
  data: Extract<ButtonData, { kind: 'flow' }>,
): Promise<TurnResult | null> {
  const picked = (step: BookingState['step']) =>
    s.step === step && data.index !== null ? (s.options[data.index] ?? null) : null;
  const fresh = { page: 0, start: null } as const;
  switch (data.action) {
    case 'pv': {
      const id = picked('provider');
      return id
        ? advance(turn, { ...s, ...fresh, providerId: id, serviceId: null, day: null }, [])
        : null;
    }
    case 'sv': {
      const id = picked('service');
      return id ? advance(turn, { ...s, ...fresh, serviceId: id, day: null }, []) : null;
    }
    case 'dy': {
      const day = picked('day');
      return day ? advance(turn, { ...s, ...fresh, day }, []) : null;
    }
    case 'tm': {
      const start = picked('time');
      return start ? advance(turn, { ...s, page: 0, start }, []) : null;
    }
    case 'nx':
    case 'pp':
      if (!PAGED_STEPS.has(s.step)) return null;
      return advance(
        turn,
        { ...s, page: Math.max(0, s.page + (data.action === 'nx' ? 1 : -1)) },
        [],
      );
    case 'od':
      if (s.step !== 'time' && s.step !== 'confirm') return null;
      return advance(
        turn,
        { ...s, ...fresh, day: null, hints: { ...s.hints, day: null, time: null } },
        [],
      );
    case 'ok':
      if (s.step === 'confirm') return confirm(turn, s);
      return s.step === 'done' && s.bookedId ? showBooked(turn, s, s.bookedId) : null;
    case 'no':
      if (s.step === 'done') return null;
      return end(
        s.appointmentId
          ? 'OK, your appointment stays as it was.'
          : 'Cancelled: nothing was booked. Send /book to start again.',
      );
    default:
      // Buttons of other flows (time zone, /mybookings) carrying this nonce.
      return null;
  }
}

function freshState(fields: Partial<BookingState>): BookingState {
  return {
    kind: 'booking',
    nonce: newNonce(),
    appointmentId: null,
    step: 'provider',
    page: 0,
    options: [],
    candidates: null,
    providerId: null,
    serviceId: null,
    day: null,
    start: null,
    hints: NO_HINTS,
    bookedId: null,
    ...fields,
  };
}

const PAGED_STEPS = new Set<BookingState['step']>(['provider', 'service', 'day', 'time']);

/** Words to provider candidates, and the provider and service when they settle on one. */
async function settleWords(
  turn: ClientTurn,
  hints: Hints,
): Promise<Pick<BookingState, 'candidates' | 'providerId' | 'serviceId'> & { matched: boolean }> {
  const none = { candidates: null, providerId: null, serviceId: null, matched: false };
  if (hints.words.length === 0) return none;
  const names = await bookableNames(turn.deps.db);
  let providers: ProviderChoice[] = bestMatches(names.providers, hints.words);
  const services = bestMatches(names.services, hints.words);
  const offering = new Set(services.map((s) => s.providerId));
  if (providers.length > 0 && offering.size > 0) {
    const both = providers.filter((p) => offering.has(p.id));
    if (both.length > 0) providers = both;
  } else if (providers.length === 0) {
    providers = names.providers.filter((p) => offering.has(p.id));
  }
  // Words that fit nobody, or too many to list as candidates, leave the choice open.
  if (providers.length === 0) return none;
  if (providers.length > MAX_CANDIDATES) return { ...none, matched: true };
  const [only] = providers;
  if (providers.length > 1 || only === undefined) {
    return { ...none, candidates: providers.map((p) => p.id), matched: true };
  }
  const own = services.filter((s) => s.providerId === only.id);
  const [service] = own;
  return {
    candidates: [only.id],
    providerId: only.id,
    serviceId: own.length === 1 && service ? service.id : null,
    matched: true,
  };
}

/** Settles every step it can and shows the first open one. */
async function advance(turn: ClientTurn, s0: BookingState, lead: string[]): Promise<TurnResult> {
  const { db } = turn.deps;
  let s = s0;
  if (s.providerId === null) {
    const page = await activeProvidersPage(db, s.candidates, s.page, PROVIDERS_PER_PAGE);
    const [only] = page.items;
    if (page.items.length === 0 && s.page > 0) return advance(turn, { ...s, page: 0 }, lead);
    if (only === undefined) return end(lines(lead, 'There is no one to book right now, sorry.'));
    if (s.page > 0 || page.more || page.items.length > 1) return showProviders(s, page, lead);
    s = { ...s, providerId: only.id, page: 0 };
  }
  const provider = s.providerId === null ? null : await activeProvider(db, s.providerId);
  if (!provider) return recover(turn, s, notFound('provider'), lead);
  const services = await activeServices(db, provider.id);
  if (s.serviceId === null) {
    const matched = bestMatches(services, s.hints.words);
    const shown = matched.length > 0 ? matched : services;
    const [only] = shown;
    if (only === undefined) {
      return end(
        lines(
          lead,
          `${provider.name} has nothing to book right now. Send /book to choose someone else.`,
        ),
      );
    }
    if (shown.length > 1) return showServices(s, provider, shown, lead);
    s = { ...s, serviceId: only.id, page: 0 };
  }
  const service = services.find((x) => x.id === s.serviceId);
  if (!service) return recover(turn, s, notFound('service'), lead);
  const picked = { provider, service };
  if (s.day === null) {
    const days = await freeDays(turn, picked);
    if (!days.ok) return recover(turn, s, days, lead);
    const wanted = s.hints.day;
    if (wanted !== null && days.value.includes(wanted)) {
      s = { ...s, day: wanted, page: 0 };
    } else {
      if (wanted !== null) lead.push(`There are no free times on ${formatDayLong(wanted)}.`);
      s = { ...s, hints: { ...s.hints, day: null } };
      if (days.value.length === 0) {
        return end(
          lines(
            lead,
            `${provider.name} has no free times for ${service.name} in the coming weeks. Send /book to choose something else.`,
          ),
        );
      }
      return showDays(turn, s, picked, days.value, lead);
    }
  }
  const day = s.day;
  if (day === null) throw new ChatStoreError('a day was settled but is missing');
  if (s.start === null) {
    const times = await freeTimes(turn, picked, day);
    if (!times.ok) return recover(turn, s, times, lead);
    if (times.value.length === 0) {
      lead.push(`No free times are left on ${formatDayLong(day)}.`);
      return advance(turn, { ...s, day: null, page: 0, hints: { ...s.hints, day: null } }, lead);
    }
    const filtered = filterByHint(times.value, s.hints.time, turn.client.timezone);
    if (filtered.length === 0 && s.hints.time) {
      const clock = minutesText(s.hints.time.minutes);
      lead.push(
        `Nothing is free ${s.hints.time.before ? 'before' : 'from'} ${clock} that day; here are all its times.`,
      );
      s = { ...s, hints: { ...s.hints, time: null } };
    }
    return showTimes(turn, s, picked, filtered.length > 0 ? filtered : times.value, lead);
  }
  return showConfirm(turn, s, picked, lead);
}

function minutesText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function showProviders(
  s: BookingState,
  page: { items: ProviderChoice[]; more: boolean },
  lead: string[],
): TurnResult {
  const first = s.page * PROVIDERS_PER_PAGE;
  const text = lines(
    lead,
    'Who would you like to book?',
    ...page.items.map((p, i) => `${first + i + 1}. ${p.name} (${p.type.toLowerCase()})`),
  );
  const rows = page.items.map((p, i) => [button(p.name, flowData(s.nonce, 'pv', i))]);
  return step(
    s,
    'provider',
    page.items.map((p) => p.id),
    text,
    rows,
    navRow(s, page.more),
  );
}

function showServices(
  s0: BookingState,
  provider: Provider,
  services: readonly Service[],
  lead: string[],
): TurnResult {
  const s = s0.page * SERVICES_PER_PAGE >= services.length ? { ...s0, page: 0 } : s0;
  const first = s.page * SERVICES_PER_PAGE;
  const shown = services.slice(first, first + SERVICES_PER_PAGE);
  const text = lines(
    lead,
    `What would you like to book with ${provider.name}?`,
    ...shown.map((x, i) => `${first + i + 1}. ${serviceLine(x)}`),
  );
  const rows = shown.map((x, i) => [button(x.name, flowData(s.nonce, 'sv', i))]);
  const more = first + SERVICES_PER_PAGE < services.length;
  return step(
    s,
    'service',
    shown.map((x) => x.id),
    text,
    rows,
    navRow(s, more),
  );
}

function serviceLine(service: Service): string {
  const facts = `${formatDuration(service.durationMinutes)}, ${formatPrice(service.price, service.currency)}`;
  return `${service.name}: ${facts}${service.requiresApproval ? ' (needs approval)' : ''}`;
}

function showDays(
  turn: ClientTurn,
  s0: BookingState,
  { provider, service }: Picked,
  days: readonly string[],
  lead: string[],
): TurnResult {
  const s = s0.page * DAYS_PER_PAGE >= days.length ? { ...s0, page: 0 } : s0;
  const first = s.page * DAYS_PER_PAGE;
  const shown = days.slice(first, first + DAYS_PER_PAGE);
  const text = lines(
    lead,
    s.appointmentId
      ? `Pick a new day for ${service.name} with ${provider.name}:`
      : `${service.name} with ${provider.name}. Which day? (days with free times, in your time zone, ${zoneCity(turn.client.timezone)})`,
  );
  const buttons = shown.map((day, i) => button(formatDayShort(day), flowData(s.nonce, 'dy', i)));
  const more = first + DAYS_PER_PAGE < days.length;
  return step(s, 'day', [...shown], text, inRows(buttons, 5), navRow(s, more));
}

function showTimes(
  turn: ClientTurn,
  s0: BookingState,
  { provider, service }: Picked,
  starts: readonly number[],
  lead: string[],
): TurnResult {
  const zone = turn.client.timezone;
  const labels = starts.map((start) => dualClock(start, zone, provider.timezone));
  const dual = starts.some((start, i) => labels[i] !== formatClock(start, zone));
  const perRow = dual ? DUAL_TIMES_PER_ROW : TIMES_PER_ROW;
  const perPage = perRow * TIME_ROWS;
  const s = s0.page * perPage >= starts.length ? { ...s0, page: 0 } : s0;
  const first = s.page * perPage;
  const shown = starts.slice(first, first + perPage);
  const day = s.day ?? localDate(starts[0] ?? turn.now.getTime(), zone);
  const text = lines(
    lead,
    `${service.name} with ${provider.name} on ${formatDayLong(day)}.`,
    `Pick a time (your time, ${zoneCity(zone)}):`,
  );
  const buttons = shown.map((start, i) =>
    button(labels[first + i] ?? formatClock(start, zone), flowData(s.nonce, 'tm', i)),
  );
  const more = first + perPage < starts.length;
  const nav = navRow(s, more, [button('Other day', flowData(s.nonce, 'od'))]);
  const options = shown.map((start) => new Date(start).toISOString());
  return step(s, 'time', options, text, inRows(buttons, perRow), nav);
}

async function showConfirm(
  turn: ClientTurn,
  s: BookingState,
  { provider, service }: Picked,
  lead: string[],
): Promise<TurnResult> {
  if (s.start === null) throw new ChatStoreError('confirming without a start');
  const start = new Date(s.start);
  const end = new Date(start.getTime() + service.durationMinutes * 60_000);
  const zone = turn.client.timezone;
  const when = [`${formatSpan(start, end, zone)} (your time, ${zoneCity(zone)})`];
  if (dualClock(start, zone, provider.timezone) !== formatClock(start, zone)) {
    when.push(`${formatSpan(start, end, provider.timezone)} (${zoneCity(provider.timezone)} time)`);
  }
  const facts = `${formatDuration(service.durationMinutes)}, ${formatPrice(service.price, service.currency)}`;
  let body: string[];
  if (s.appointmentId) {
    const current = await readAppointmentView(turn.deps.db, s.appointmentId);
    if (!current) return recover(turn, s, notFound('appointment'), lead);
    body = [
      `Move ${service.name} with ${provider.name}`,
      `from ${clientWhen(current)}`,
      `to ${when.join('\n   ')}?`,
    ];
  } else {
    body = ['Please confirm:', `${service.name} with ${provider.name}`, ...when, facts];
    if (service.requiresApproval)
      body.push(`${provider.name} approves each booking of this service.`);
  }
  const text = lines(lead, ...body);
  const row = [
    button('Confirm', flowData(s.nonce, 'ok'), 'primary'),
    button('Cancel', flowData(s.nonce, 'no'), 'danger'),
  ];
  return step(s, 'confirm', [], text, [row], null);
}

async function confirm(turn: ClientTurn, s: BookingState): Promise<TurnResult | null> {
  if (s.start === null || s.providerId === null || s.serviceId === null) return null;
  if (s.appointmentId) return confirmMove(turn, s, s.appointmentId, new Date(s.start));
  const { db } = turn.deps;
  const clientId = turn.client.id;
  const result = await bookAppointment(
    db,
    {
      providerId: s.providerId,
      serviceId: s.serviceId,
      clientId,
      startTime: new Date(s.start),
      notes: null,
      idempotencyKey: `chat:${turn.user.platform}:${turn.user.platformUserId}:${s.nonce}`,
      actor: `client:${clientId}`,
    },
    turn.now,
  );
  if (!result.ok) return recover(turn, s, result, []);
  const view = await readAppointmentView(db, result.value.appointment.id);
  if (!view) throw new ChatStoreError('a booked appointment could not be read back');
  if (!result.value.replayed) {
    await notifyProvider(
      turn.deps,
      view.appointment.providerId,
      newBookingNotice(view),
      'new-booking',
    );
  }
  return {
    messages: [bookedMessage(view)],
    state: { ...s, step: 'done', options: [], bookedId: view.appointment.id },
  };
}

async function confirmMove(
  turn: ClientTurn,
  s: BookingState,
  appointmentId: string,
  newStart: Date,
): Promise<TurnResult> {
  const { db } = turn.deps;
  const before = await readAppointmentView(db, appointmentId);
  if (!before || before.appointment.clientId !== turn.client.id) {
    return recover(turn, s, notFound('appointment'), []);
  }
  const result = await rescheduleAppointment(
    db,
    { appointmentId, newStart, actor: `client:${turn.client.id}` },
    turn.now,
  );
  if (!result.ok) return recover(turn, s, result, []);
  const view = await readAppointmentView(db, appointmentId);
  if (!view) throw new ChatStoreError('a moved appointment could not be read back');
  await notifyProvider(
    turn.deps,
    view.appointment.providerId,
    movedNotice(view, before.appointment.startTime),
    'rescheduled',
  );
  const status = view.appointment.status === 'PENDING' ? '\nIt is still waiting for approval.' : '';
  return end(
    `Moved: ${view.serviceName} with ${view.providerName}\nnow ${clientWhen(view)}\n(was ${clientWhen(before)})${status}`,
  );
}

async function showBooked(turn: ClientTurn, s: BookingState, id: string): Promise<TurnResult> {
  const view = await readAppointmentView(turn.deps.db, id);
  if (!view) return end('That booking no longer exists. Send /book to start again.');
  return { messages: [bookedMessage(view)], state: s };
}

/** A failure's reply, then the way on it names. */
async function recover(
  turn: ClientTurn,
  s: BookingState,
  failure: Failure,
  lead: string[],
): Promise<TurnResult> {
  const reply = describeFailure(failure, turn.client.timezone);
  const said = [...lead, reply.text];
  switch (reply.recovery) {
    case 'fresh-times':
      if (s.day !== null && s.providerId !== null && s.serviceId !== null) {
        return advance(turn, { ...s, page: 0, start: null }, said);
      }
      return advance(turn, { ...s, page: 0, day: null, start: null }, said);
    case 'other-days':
      if (s.providerId === null || s.serviceId === null) return startBooking(turn, '', said);
      return advance(
        turn,
        { ...s, page: 0, day: null, start: null, hints: { ...s.hints, day: null } },
        said,
      );
    case 'restart':
      if (s.appointmentId) return end(lines(said, 'Send /mybookings to try again.'));
      return startBooking(turn, '', said);
    case 'none':
      return end(lines(said));
  }
}

function step(
  s: BookingState,
  name: BookingState['step'],
  options: string[],
  text: string,
  rows: ChatButton[][],
  nav: ChatButton[] | null,
): TurnResult {
  const buttons = nav && nav.length > 0 ? [...rows, nav] : rows;
  return { messages: [chatMessage(text, { buttons })], state: { ...s, step: name, options } };
}

function navRow(s: BookingState, more: boolean, extra: ChatButton[] = []): ChatButton[] {
  const row: ChatButton[] = [];
  if (s.page > 0) row.push(button('‹ Previous', flowData(s.nonce, 'pp')));
  if (more) row.push(button('Next ›', flowData(s.nonce, 'nx')));
  row.push(...extra, button('Cancel', flowData(s.nonce, 'no'), 'danger'));
  return row;
}

function lines(lead: readonly string[], ...more: string[]): string {
  return [...lead, ...more].join('\n');
}

function end(text: string): TurnResult {
  return { messages: [chatMessage(text)], state: null };
}
