// Tells the other party about a change made outside chat (REST API), through the messenger port.
import { eq } from 'drizzle-orm';
import { clients } from '../db/schema/clients.ts';
import type { AppointmentChange } from '../domain/appointment-change.ts';
import {
  approvalRequest,
  approvedNotice,
  bookedMessage,
  cancelledByClientNotice,
  declinedNotice,
  newBookingNotice,
} from './appointment-messages.ts';
import { readAppointmentView } from './appointment-view.ts';
import {
  cancelledByProviderNotice,
  movedForClientNotice,
  movedForProviderNotice,
  noShowNotice,
} from './change-notices.ts';
import type { ChatDeps } from './chat-deps.ts';
import { notifyClient, notifyProvider } from './notify.ts';

/**
 * Sends the DMs `change` calls for to the client's and provider's chat identities. Never throws:
 * an unknown appointment does nothing, and undeliverable DMs are logged by notify.ts, as are
 * faults here, so the change that already committed is never reported as failed.
 */
export async function notifyAppointmentChange(
  deps: ChatDeps,
  change: AppointmentChange,
): Promise<void> {
  try {
    await send(deps, change);
  } catch (error) {
    deps.logger.warn(
      { change: change.kind, error: error instanceof Error ? error.name : 'unknown' },
      'change notification failed',
    );
  }
}

async function send(deps: ChatDeps, change: AppointmentChange): Promise<void> {
  const view = await readAppointmentView(deps.db, change.appointmentId);
  if (!view) return;
  const { clientId, providerId } = view.appointment;
  switch (change.kind) {
    case 'booked': {
      const forProvider =
        view.appointment.status === 'PENDING' ? approvalRequest(view) : newBookingNotice(view);
      await notifyProvider(deps, providerId, forProvider, 'booked');
      return notifyClient(deps, clientId, bookedMessage(view), 'booked');
    }
    case 'approved':
      return notifyClient(deps, clientId, approvedNotice(view), 'approved');
    case 'declined':
      return notifyClient(deps, clientId, declinedNotice(view, change.reason), 'declined');
    case 'cancelled':
      return change.by === 'CLIENT'
        ? notifyProvider(deps, providerId, cancelledByClientNotice(view), 'cancelled')
        : notifyClient(deps, clientId, cancelledByProviderNotice(view), 'cancelled');
    case 'rescheduled':
      await notifyProvider(
        deps,
        providerId,
        movedForProviderNotice(view, change.previousStart),
        'rescheduled',
      );
      return notifyClient(
        deps,
        clientId,
        movedForClientNotice(view, change.previousStart),
        'rescheduled',
      );
    case 'no-show': {
      const [client] = await deps.db
        .select({ until: clients.noShowLockoutUntil })
        .from(clients)
        .where(eq(clients.id, clientId));
      return notifyClient(deps, clientId, noShowNotice(view, client?.until ?? null), 'no-show');
    }
    default: {
      const unreachable: never = change;
      return unreachable;
    }
  }
}
