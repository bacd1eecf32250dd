// Buttons that act on one appointment as its provider: approve, decline, complete, no-show.

import { approveAppointment } from '../booking/approve-appointment.ts';
import { completeAppointment } from '../booking/complete-appointment.ts';
import { declineAppointment } from '../booking/decline-appointment.ts';
import { markNoShow } from '../booking/mark-no-show.ts';
import { type Failure, notFound } from '../domain/outcome.ts';
import { approvalRequestText } from './appointment-messages.ts';
import type { AppointmentView } from './appointment-view.ts';
import { readAppointmentView } from './appointment-view.ts';
import { type AppointmentVerb, commandData } from './button-data.ts';
import { formatClock, statusWords } from './chat-format.ts';
import { button, chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import { describeFailure } from './failure-reply.ts';
import { pendingRequestIds } from './provider-requests.ts';
import { todayMessage } from './provider-today.ts';
import type { Turn } from './turn.ts';

/**
 * Acts on `appointmentId` when this chat identity is linked to the appointment's provider.
 * `text` is the decline reason where the platform asked for one (Slack's modal).
 */
export async function actOnAppointment(
  turn: Turn,
  verb: AppointmentVerb,
  appointmentId: string,
  text: string | null,
): Promise<ChatMessage[]> {
  const { db } = turn.deps;
  const providerId = turn.identity.providerId;
  if (!providerId) {
    return [chatMessage(turn.t.t('provider.onlyProvider'))];
  }
  const view = await readAppointmentView(db, appointmentId);
  if (!view) return [chatMessage(describeFailure(turn.t, notFound('appointment'), 'UTC').text)];
  if (view.appointment.providerId !== providerId) {
    return [chatMessage(turn.t.t('provider.otherProvider'))];
  }
  const act: Act = {
    turn,
    view,
    appointmentId,
    actor: `provider:${providerId}`,
    by: turn.identity.displayName,
  };
  switch (verb) {
    case 'ap':
      return approveFromChat(act);
    case 'dc':
      return declineFromChat(act, text?.trim() ? text.trim().slice(0, 500) : null);
    case 'cp':
    case 'ns':
      return closeFromChat(act, verb, providerId);
  }
}

type Act = {
  readonly turn: Turn;
  readonly view: AppointmentView;
  readonly appointmentId: string;
  readonly actor: string;
  readonly by: string;
};

async function approveFromChat(act: Act): Promise<ChatMessage[]> {
  const { turn, view, appointmentId, actor, by } = act;
  if (view.appointment.status !== 'PENDING') return alreadyDecided(act);
  const result = await approveAppointment(turn.deps.db, { appointmentId, actor }, turn.now);
  if (result.ok) await turn.deps.relayChanges();
  return decided(
    act,
    result.ok ? turn.t.t('provider.approvedBy', { by }) : failureWords(act, result),
  );
}

async function declineFromChat(act: Act, reason: string | null): Promise<ChatMessage[]> {
  const { turn, view, appointmentId, actor, by } = act;
  if (view.appointment.status !== 'PENDING') return alreadyDecided(act);
  const result = await declineAppointment(turn.deps.db, { appointmentId, actor, reason }, turn.now);
  if (result.ok) await turn.deps.relayChanges();
  if (!result.ok) return decided(act, failureWords(act, result));
  const outcome = reason
    ? turn.t.t('provider.declinedByWithReason', { by, reason })
    : turn.t.t('provider.declinedBy', { by });
  return decided(act, outcome);
}

function failureWords(act: Act, failure: Failure): string {
  return describeFailure(act.turn.t, failure, act.view.providerTimezone).text;
}

/** The request again with `outcome` under it, in place of the request with its buttons. */
function decided(act: Act, outcome: string): ChatMessage[] {
  return [chatMessage(`${approvalRequestText(act.turn.t, act.view)}\n\n${outcome}`)];
}

/** A button on a request that was decided meanwhile (elsewhere, or a second press). */
async function alreadyDecided(act: Act): Promise<ChatMessage[]> {
  const { t } = act.turn;
  const status = statusWords(t, act.view.appointment.status);
  const outcome = t.t('provider.alreadyHandled', { status });
  return [await withWayOn(act, outcome)];
}

/**
 * The request's text and `outcome`, with the way on as a button: the requests that still wait,
 * or the coming week when none do.
 */
async function withWayOn(act: Act, outcome: string): Promise<ChatMessage> {
  const { turn, view, appointmentId } = act;
  const ids = await pendingRequestIds(turn.deps.db, view.appointment.providerId, turn.now);
  const others = ids.filter((id) => id !== appointmentId).length;
  const { t } = turn;
  const next =
    others === 0
      ? button(t.t('provider.yourWeekButton'), commandData('week'))
      : button(t.t('provider.waitingButton', { count: others }), commandData('requests'));
  return chatMessage(`${approvalRequestText(t, view)}\n\n${outcome}`, {
    buttons: [[next]],
  });
}

/** Complete or no-show, then today's list again; a no-show also tells the client what it means. */
async function closeFromChat(
  act: Act,
  verb: 'cp' | 'ns',
  providerId: string,
): Promise<ChatMessage[]> {
  const { turn, view, appointmentId, actor, by } = act;
  const { db } = turn.deps;
  const zone = view.providerTimezone;
  const result =
    verb === 'cp'
      ? await completeAppointment(db, { appointmentId, actor }, turn.now)
      : await markNoShow(
          db,
          { appointmentId, actor, lockoutDays: turn.deps.noShowLockoutDays },
          turn.now,
        );
  const who = {
    client: view.clientName,
    clock: formatClock(view.appointment.startTime, zone),
    service: view.serviceName,
    by,
  };
  if (result.ok) await turn.deps.relayChanges();
  const outcome = result.ok
    ? turn.t.t(verb === 'cp' ? 'provider.markedCompleted' : 'provider.markedNoShow', who)
    : describeFailure(turn.t, result, zone).text;
  return [await todayMessage(turn.t, db, providerId, turn.now, [outcome])];
}
