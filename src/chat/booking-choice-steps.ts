// The /book steps that list choices: who to book, which service, which day.

import type { Provider, Service } from '../domain/catalog.ts';
import type { Translator } from '../i18n/translator.ts';
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
  t: Translator,
  s: BookingState,
  page: { items: ProviderChoice[]; more: boolean },
  lead: string[],
): TurnResult {
  const first = s.page * PROVIDERS_PER_PAGE;
  const text = lines(
    lead,
    t.t('booking.whoToBook'),
    ...page.items.map((p, i) =>
      t.t('booking.providerLine', { number: String(first + i + 1), name: p.name, type: p.type }),
    ),
  );
  const rows = page.items.map((p, i) => [button(p.name, flowData(s.nonce, 'pv', i))]);
  return step(
    s,
    'provider',
    page.items.map((p) => p.id),
    text,
    rows,
    navRow(t, { s, more: page.more }),
  );
}

/** The provider's services, a page at a time. */
export function showServices(
  t: Translator,
  s0: BookingState,
  provider: Provider,
  services: readonly Service[],
  lead: string[],
): TurnResult {
  const page = pageOf(s0, services, SERVICES_PER_PAGE);
  const { s, first, shown } = page;
  const text = lines(
    lead,
    t.t('booking.whatToBook', { provider: provider.name }),
    ...shown.map((x, i) => serviceLine(t, String(first + i + 1), x)),
  );
  const rows = shown.map((x, i) => [button(x.name, flowData(s.nonce, 'sv', i))]);
  return step(
    s,
    'service',
    shown.map((x) => x.id),
    text,
    rows,
    navRow(t, page),
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
  const { t } = turn;
  const names = { service: service.name, provider: provider.name };
  const text = lines(
    lead,
    s.appointmentId
      ? t.t('booking.pickNewDay', names)
      : t.t('booking.whichDay', { ...names, city: zoneCity(turn.client.timezone) }),
  );
  const buttons = shown.map((day, i) => button(formatDayShort(t, day), flowData(s.nonce, 'dy', i)));
  return step(s, 'day', [...shown], text, inRows(buttons, 5), navRow(t, page));
}

/** Duration and price, as the service list and the confirm step both show them. */
export function serviceFacts(t: Translator, service: Service): string {
  return t.t('booking.serviceFacts', {
    duration: formatDuration(t, service.durationMinutes),
    price: formatPrice(t, service.price, service.currency),
  });
}

/** '2. Massage: 60 min, €50.00', with '(needs approval)' when the provider approves each. */
function serviceLine(t: Translator, number: string, service: Service): string {
  const values = { number, service: service.name, facts: serviceFacts(t, service) };
  return service.requiresApproval
    ? t.t('booking.serviceLineApproval', values)
    : t.t('booking.serviceLine', values);
}
