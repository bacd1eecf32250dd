// The opaque data on buttons: short, at most 64 bytes (Telegram's limit), parsed strictly.
//
// Three forms:
// - Flow buttons `<nonce>:<action>` or `<nonce>:<action>:<index>`, e.g. `k3f9a2b7:pv:2`: the
//   nonce names the conversation flow that made the button, the index points into the options
//   that flow stored. A nonce that is not the current flow's is stale.
// - Appointment buttons `<verb>:<appointment id>`, e.g. `ap:<uuid>` (39 bytes), for messages that
//   live outside any flow: approve (ap), decline (dc), complete (cp), no-show (ns).
// - Command buttons `do:<command>` or `do:<command>:<argument>`, e.g. `do:book` or
//   `do:language:de`: run that command (with that argument), as if it were sent.
// - Hold buttons `<verb>:<appointment id>` for the client of an unpaid hold: a fresh payment
//   link (pl) or release the hold (xh).
// - Offer buttons `<verb>:<offer id>` for a waitlist offer: book it (wa) or no thanks (wp).
import { randomInt } from 'node:crypto';
import { isUuid } from '../domain/is-uuid.ts';

const FLOW_ACTIONS = [
  'tz', // pick a time zone
  'pv', // pick a provider
  'sv', // pick a service
  'dy', // pick a day
  'tm', // pick a time
  'od', // other day: back to the days
  'nx', // next page
  'pp', // previous page
  'ok', // confirm
  'no', // cancel the flow
  'rs', // reschedule booking i
  'cx', // cancel booking i (asks first)
  'cy', // yes, cancel it
  'cn', // no, keep it
  'rw', // repeat weekly: the confirm step's time as the first of a series
  'sn', // a series' number of weeks i (4 / 8 / 12)
  'sa', // book all dates of the series
  'sf', // book the free dates of the series
  'sc', // change the series (weeks, or another day or time)
  'cs', // cancel the series of booking i (asks first)
  'sy', // yes, cancel the series' future dates
  'wl', // tell me if a time opens: join the waitlist for what the booking flow found no time for
  'wr', // remove waitlist entry i
] as const;
export type FlowAction = (typeof FLOW_ACTIONS)[number];

const APPOINTMENT_VERBS = ['ap', 'dc', 'cp', 'ns'] as const;
export type AppointmentVerb = (typeof APPOINTMENT_VERBS)[number];

const HOLD_VERBS = ['pl', 'xh'] as const;
export type HoldVerb = (typeof HOLD_VERBS)[number];

const OFFER_VERBS = ['wa', 'wp'] as const;
export type OfferVerb = (typeof OFFER_VERBS)[number];

export type ButtonData =
  | {
      readonly kind: 'flow';
      readonly nonce: string;
      readonly action: FlowAction;
      readonly index: number | null;
    }
  | {
      readonly kind: 'appointment';
      readonly verb: AppointmentVerb;
      readonly appointmentId: string;
    }
  | { readonly kind: 'hold'; readonly verb: HoldVerb; readonly appointmentId: string }
  | { readonly kind: 'offer'; readonly verb: OfferVerb; readonly offerId: string }
  | { readonly kind: 'command'; readonly command: string; readonly args: string };

const NONCE_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const NONCE_LENGTH = 8;
const FLOW_DATA = /^([a-z0-9]{8}):([a-z]{2})(?::(0|[1-9]\d{0,2}))?$/;
const APPOINTMENT_DATA = /^([a-z]{2}):([0-9a-fA-F-]{36})$/;
const COMMAND_DATA = /^do:([a-z]{1,32})(?::([a-z0-9-]{1,16}))?$/;

/** A fresh flow nonce: 8 characters of [a-z0-9], about 41 bits. */
export function newNonce(): string {
  let nonce = '';
  for (let i = 0; i < NONCE_LENGTH; i++) nonce += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
  return nonce;
}

export function flowData(nonce: string, action: FlowAction, index?: number): string {
  return index === undefined ? `${nonce}:${action}` : `${nonce}:${action}:${index}`;
}

export function appointmentData(verb: AppointmentVerb, appointmentId: string): string {
  return `${verb}:${appointmentId}`;
}

export function holdData(verb: HoldVerb, appointmentId: string): string {
  return `${verb}:${appointmentId}`;
}

/** A waitlist offer's button: book it (wa) or no thanks (wp). */
export function offerData(verb: OfferVerb, offerId: string): string {
  return `${verb}:${offerId}`;
}

/**
 * A button that runs `command` (a registry name, no slash) when pressed, with `argument` (at most
 * 16 of [a-z0-9-]) as its words when given.
 */
export function commandData(command: string, argument?: string): string {
  return argument === undefined ? `do:${command}` : `do:${command}:${argument}`;
}

/** The parsed data, or null for anything this engine did not make (treated as stale). */
export function parseButtonData(data: string): ButtonData | null {
  if (data.length > 64) return null;
  const flow = FLOW_DATA.exec(data);
  if (flow) {
    const [, nonce, action, index] = flow;
    if (nonce === undefined || !isFlowAction(action)) return null;
    return { kind: 'flow', nonce, action, index: index === undefined ? null : Number(index) };
  }
  const [, command, args] = COMMAND_DATA.exec(data) ?? [];
  if (command !== undefined) return { kind: 'command', command, args: args ?? '' };
  const appointment = APPOINTMENT_DATA.exec(data);
  if (appointment) {
    const [, verb, id] = appointment;
    if (id === undefined || !isUuid(id)) return null;
    if (isHoldVerb(verb)) return { kind: 'hold', verb, appointmentId: id.toLowerCase() };
    if (isOfferVerb(verb)) return { kind: 'offer', verb, offerId: id.toLowerCase() };
    if (!isAppointmentVerb(verb)) return null;
    return { kind: 'appointment', verb, appointmentId: id.toLowerCase() };
  }
  return null;
}

function isFlowAction(value: string | undefined): value is FlowAction {
  return (FLOW_ACTIONS as readonly (string | undefined)[]).includes(value);
}

function isAppointmentVerb(value: string | undefined): value is AppointmentVerb {
  return (APPOINTMENT_VERBS as readonly (string | undefined)[]).includes(value);
}

function isHoldVerb(value: string | undefined): value is HoldVerb {
  return (HOLD_VERBS as readonly (string | undefined)[]).includes(value);
}

function isOfferVerb(value: string | undefined): value is OfferVerb {
  return (OFFER_VERBS as readonly (string | undefined)[]).includes(value);
}
