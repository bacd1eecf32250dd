// The /book steps that list choices: who to book, which service, which day.

import type { Provider, Service } from '../domain/catalog.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';
import { lines, navRow, pageOf, step } from './booking-reply.ts';
import { flowData } from './button-data.ts';
import type { ProviderChoice } from './chat-catalog.ts';
import { formatDayShort, formatDuration, formatPrice, zoneCity } from './chat-format.ts';
import { button, inRows } from './chat-message.ts';
import type { BookingState } from './conversation-state.ts';
import type { Picked } from './free-times.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

/** Also the page size asked of the catalog, so a page is one database read. */
export const PROVIDERS_PER_PAGE = 4;
const SERVICES_PER_PAGE = 4;
const DAYS_PER_PAGE = 10;

/** One page of providers, as already read from the catalog. */
export function showProviders(
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
    navRow({ s, more: page.more }),
  );
}

/** The provider's services, a page at a time. */
export function showServices(
  s0: BookingState,
  provider: Provider,
  services: readonly Service[],
  lead: string[],
): TurnResult {
  const page = pageOf(s0, services, SERVICES_PER_PAGE);
  const { s, first, shown } = page;
  const text = lines(
    lead,
    `What would you like to book with ${provider.name}?`,
    ...shown.map((x, i) => `${first + i + 1}. ${serviceLine(x)}`),
  );
  const rows = shown.map((x, i) => [button(x.name, flowData(s.nonce, 'sv', i))]);
  return step(
    s,
    'service',
    shown.map((x) => x.id),
    text,
    rows,
    navRow(page),
  );
}

/** Days with free times (client's calendar dates), a page at a time. */
export function showDays(
  turn: ClientTurn,
  s0: BookingState,
  { provider, service }: Picked,
  days: readonly string[],
  lead: string[],
): TurnResult {
  const page = pageOf(s0, days, DAYS_PER_PAGE);
  const { s, shown } = page;
  const text = lines(
    lead,
    s.appointmentId
      ? `Pick a new day for ${service.name} with ${provider.name}:`
      : `${service.name} with ${provider.name}. Which day? (days with free times, in your time zone, ${zoneCity(turn.client.timezone)})`,
  );
  const buttons = shown.map((day, i) =>
    button(formatDayShort(UNTHREADED_EN, day), flowData(s.nonce, 'dy', i)),
  );
  return step(s, 'day', [...shown], text, inRows(buttons, 5), navRow(page));
}

/** Duration and price, as the service list and the confirm step both show them. */
export function serviceFacts(service: Service): string {
  return `${formatDuration(UNTHREADED_EN, service.durationMinutes)}, ${formatPrice(UNTHREADED_EN, service.price, service.currency)}`;
}

function serviceLine(service: Service): string {
  return `${service.name}: ${serviceFacts(service)}${service.requiresApproval ? ' (needs approval)' : ''}`;
}
