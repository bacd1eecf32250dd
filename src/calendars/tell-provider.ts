// Calendar news for the provider, by DM on every chat they linked; undeliverable ones are logged.

import { providerWhen } from '../chat/appointment-messages.ts';
import { readAppointmentView } from '../chat/appointment-view.ts';
import { providerAddresses } from '../chat/chat-identity.ts';
import { chatMessage } from '../chat/chat-message.ts';
import {
  CALENDAR_KIND_INFO,
  type CalendarKind,
  type CalendarKindInfo,
} from '../domain/calendar-kinds.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';
import type { CalendarConflict } from './apply-external-events.ts';
import type { CalendarDeps } from './calendar-deps.ts';

/** How the provider connects `kind` again: in chat for OAuth kinds, through the admin API otherwise. */
function reconnectHow(kind: CalendarKind): string {
  const info: CalendarKindInfo = CALENDAR_KIND_INFO[kind];
  switch (info.connect) {
    case 'oauth':
      return `/connect ${info.slug}`;
    case 'credentials':
      return `the calendar API (POST /api/providers/:id/calendar/${info.slug})`;
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
    const text = `Heads-up: an event in your ${CALENDAR_KIND_INFO[kind].name} overlaps ${view.clientName}'s ${view.serviceName} on ${providerWhen(UNTHREADED_EN, view)}. Nothing was cancelled; cancel or move one of them if needed.`;
    await tell(deps, view.appointment.providerId, text, 'calendar-conflict');
  }
}

/** Tells the provider their connection stopped working and how to reconnect. */
export async function tellBroken(deps: CalendarDeps, providerId: string, kind: CalendarKind) {
  const text = `Your ${CALENDAR_KIND_INFO[kind].name} connection stopped working (access was revoked or expired), so bookings no longer sync with it. Reconnect with ${reconnectHow(kind)}.`;
  await tell(deps, providerId, text, 'calendar-broken');
}
