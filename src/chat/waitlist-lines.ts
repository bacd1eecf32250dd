// How a waitlist entry reads in chat: 'Massage with Anna, Fri 11 Dec, morning'.

import { inArray } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { providers, services } from '../db/schema/providers.ts';
import type { Translator } from '../i18n/translator.ts';
import { formatDayShort } from './chat-format.ts';
import type { WaitWish } from './conversation-state.ts';
import { partWords } from './waitlist-words.ts';

/** 'Fri 11 Dec, morning', 'Mon 14 Dec to Sun 20 Dec', 'Fri 11 Dec'. */
export function waitWhen(t: Translator, wish: WaitWish): string {
  const from = formatDayShort(t, wish.fromDate);
  const days =
    wish.fromDate === wish.toDate
      ? from
      : t.t('waitlist.days', { from, to: formatDayShort(t, wish.toDate) });
  const part = partWords(t, wish.partOfDay);
  return part === '' ? days : t.t('waitlist.when', { days, part });
}

/** The names an entry line shows, by provider and service id. */
export type WaitNames = {
  readonly providers: ReadonlyMap<string, string>;
  readonly services: ReadonlyMap<string, string>;
};

/** The names of the providers and services of `entries`, in two reads. */
export async function readWaitNames(
  db: Database,
  entries: readonly { providerId: string; serviceId: string }[],
): Promise<WaitNames> {
  if (entries.length === 0) return { providers: new Map(), services: new Map() };
  const [providerRows, serviceRows] = await Promise.all([
    db
      .select({ id: providers.id, name: providers.name })
      .from(providers)
      .where(inArray(providers.id, [...new Set(entries.map((e) => e.providerId))])),
    db
      .select({ id: services.id, name: services.name })
      .from(services)
      .where(inArray(services.id, [...new Set(entries.map((e) => e.serviceId))])),
  ]);
  return {
    providers: new Map(providerRows.map((r) => [r.id, r.name])),
    services: new Map(serviceRows.map((r) => [r.id, r.name])),
  };
}

/** 'Massage with Anna, Fri 11 Dec, morning'. */
export function entryLine(
  t: Translator,
  names: WaitNames,
  entry: WaitWish & { providerId: string; serviceId: string },
): string {
  const service = names.services.get(entry.serviceId) ?? t.t('waitlist.anAppointment');
  const provider = names.providers.get(entry.providerId) ?? t.t('waitlist.yourProvider');
  return t.t('waitlist.entry', { service, provider, when: waitWhen(t, entry) });
}
