// Calendar news for the provider, by DM on every chat they linked, in their language; undeliverable ones are logged.

import { eq } from 'drizzle-orm';
import { providerWhen } from '../chat/appointment-messages.ts';
import { readAppointmentView } from '../chat/appointment-view.ts';
import { providerAddresses } from '../chat/chat-identity.ts';
import { chatMessage } from '../chat/chat-message.ts';
import { providers } from '../db/schema/providers.ts';
import {
  CALENDAR_KIND_INFO,
  type CalendarKind,
  type CalendarKindInfo,
} from '../domain/calendar-kinds.ts';
import { languageOf } from '../i18n/resolve-language.ts';
import { type Translator, translatorFor } from '../i18n/translator.ts';
import type { CalendarConflict } from './apply-external-events.ts';
import type { CalendarDeps } from './calendar-deps.ts';

/** The provider's stored language (providers.language); none stored: DEFAULT_LANGUAGE. */
function translatorOf(deps: CalendarDeps, stored: string | null | undefined): Translator {
  return translatorFor(languageOf(stored ?? null, deps.defaultLanguage ?? 'en'));
}

async function providerTranslator(deps: CalendarDeps, providerId: string): Promise<Translator> {
  const [row] = await deps.db
    .select({ language: providers.language })
    .from(providers)
    .where(eq(providers.id, providerId));
  return translatorOf(deps, row?.language);
}

/** 'Google Calendar' ('Google Kalender'). */
function calendarName(t: Translator, kind: CalendarKind): string {
  return t.t('calendar.name', { kind, name: CALENDAR_KIND_INFO[kind].name });
}

/** How the provider connects `kind` again: in chat for OAuth kinds, through the admin API otherwise. */
function reconnectHow(t: Translator, kind: CalendarKind): string {
  const info: CalendarKindInfo = CALENDAR_KIND_INFO[kind];
  switch (info.connect) {
    case 'oauth':
      return t.t('help.connectCommand', { slug: info.slug });
    case 'credentials':
      return t.t('calendar.reconnectApi', { slug: info.slug });
    default: {
      const _exhaustive: never = info;
      return _exhaustive;
    }
  }
}

/** Sends `text` to every identity of the provider; never throws. */
async function tell(deps: CalendarDeps, providerId: string, text: string, what: string) {
  for (const address of await providerAddresses(deps.db, providerId)) {
    try {
      await deps.messenger.send(address, chatMessage(text));
    } catch (error) {
      const reason = error instanceof Error ? error.name : 'unknown';
      deps.logger.warn(
        { platform: address.platform, notice: what, error: reason },
        'calendar notice not delivered',
      );
    }
  }
}

/** Tells the provider an external event overlaps each conflicting appointment; nothing is cancelled. */
export async function tellConflicts(
  deps: CalendarDeps,
  kind: CalendarKind,
  conflicts: readonly CalendarConflict[],
): Promise<void> {
  for (const conflict of conflicts) {
    const view = await readAppointmentView(deps.db, conflict.appointmentId);
    if (!view) continue;
    const t = translatorOf(deps, view.providerLanguage);
    const text = t.t('calendar.conflict', {
      name: calendarName(t, kind),
      client: view.clientName,
      service: view.serviceName,
      when: providerWhen(t, view),
    });
    await tell(deps, view.appointment.providerId, text, 'calendar-conflict');
  }
}

/** Tells the provider their connection stopped working and how to reconnect. */
export async function tellBroken(deps: CalendarDeps, providerId: string, kind: CalendarKind) {
  const t = await providerTranslator(deps, providerId);
  const text = t.t('calendar.broken', { name: calendarName(t, kind), how: reconnectHow(t, kind) });
  await tell(deps, providerId, text, 'calendar-broken');
}
