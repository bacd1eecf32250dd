// Platform-neutral chat input and output: every adapter maps its platform to and from these.
import type { Platform } from '../domain/platforms.ts';

/** Who is talking, as their platform identifies them. */
export type ChatUser = {
  readonly platform: Platform;
  /** The platform's stable user id (Telegram from.id, Slack user id, Discord user id, web session). */
  readonly platformUserId: string;
  readonly displayName: string;
  /** IANA zone when the platform tells it (Slack users.info tz); otherwise the engine asks once. */
  readonly timezone: string | null;
  /** Where DMs to this user go when it differs from the user id (Telegram chat id, Slack DM channel). */
  readonly dmAddress: string | null;
  /**
   * The language the platform says the user reads (Telegram language_code, Discord locale,
   * Slack users.info locale, the browser's language), as its BCP 47 tag; absent or null: none.
   */
  readonly locale?: string | null;
};

export type ChatInput =
  /** A slash command without its slash, lower-case ('book'), and the words after it. */
  | { readonly kind: 'command'; readonly command: string; readonly args: string }
  /** A button press or select choice carrying the data the engine put on it. `text` carries a
   * form's typed value where the platform has forms (the Slack decline-reason modal). */
  | { readonly kind: 'action'; readonly data: string; readonly text: string | null }
  /** A plain message. */
  | { readonly kind: 'text'; readonly text: string }
  /** A native invoice the engine sent was paid (Telegram's successful_payment). */
  | { readonly kind: 'invoice-paid'; readonly payment: InvoicePayment };

/** A paid in-chat invoice as the platform reports it. */
export type InvoicePayment = {
  /** The invoice's payload: the appointment id the engine put on it. */
  readonly appointmentId: string;
  /** The total in the processor's minor units, as the platform counts them (ChatInvoice.amount). */
  readonly amount: number;
  /** Upper-case ISO 4217. */
  readonly currency: string;
  /** The platform's own id of the payment (Telegram: telegram_payment_charge_id). */
  readonly platformChargeId: string;
  /** The card processor's id of the charge, which refunds it (provider_payment_charge_id). */
  readonly processorChargeId: string;
};

export type ChatEvent = {
  readonly user: ChatUser;
  readonly input: ChatInput;
  /** The platform's id for this delivery (update_id, event/interaction id); a retry repeats it. */
  readonly updateId: string;
};

export type ChatButton = {
  readonly label: string;
  /** Opaque; at most 64 bytes (Telegram's callback_data limit, also within Discord's 100). */
  readonly data: string;
  readonly style: 'primary' | 'danger' | 'default';
};

export type ChatSelect = {
  readonly placeholder: string;
  /** At most 25 options (Discord's limit). */
  readonly options: readonly {
    readonly label: string;
    readonly data: string;
    readonly description: string | null;
  }[];
};

/** An invoice about to be paid, as the platform asks about it (amount as in InvoicePayment). */
export type InvoiceCheck = {
  readonly appointmentId: string;
  readonly amount: number;
  readonly currency: string;
};

/** Go ahead, or refuse with a message (at most 255 characters) that says what to do instead. */
export type InvoiceAnswer =
  | { readonly ok: true }
  | { readonly ok: false; readonly message: string };

/** A button that opens a web page (a payment page) instead of coming back to the engine. */
export type ChatLink = {
  readonly label: string;
  /** An absolute https (or, in development, http) URL. */
  readonly url: string;
};

/**
 * A native in-chat invoice, sent after the message's text; only the Telegram adapter gets one
 * (the engine asks the others to pay by link).
 */
export type ChatInvoice = {
  /** At most 32 characters (Telegram's limit). */
  readonly title: string;
  /** At most 255 characters. */
  readonly description: string;
  /** The appointment id: what the platform hands back with the payment. */
  readonly payload: string;
  /** Upper-case ISO 4217. */
  readonly currency: string;
  /** In the processor's minor units, as Telegram counts them (see telegram-amounts). */
  readonly amount: number;
  /** The price line's label on the invoice. */
  readonly label: string;
};

export type ChatMessage = {
  /** Plain text; adapters may add platform formatting but must not lose any of it. */
  readonly text: string;
  /** Rows of at most 5 buttons, at most 5 rows. */
  readonly buttons: readonly (readonly ChatButton[])[];
  readonly select: ChatSelect | null;
  /** True: replace the message the action came from (a flow advancing in place). */
  readonly replace: boolean;
  /** A link button shown above the other buttons (a payment page); absent: none. */
  readonly link?: ChatLink | null;
  /** A native invoice to send after the text; absent: none. */
  readonly invoice?: ChatInvoice | null;
};

/** Where a notification goes: one chat identity on one platform. */
export type ChatAddress = {
  readonly platform: Platform;
  readonly platformUserId: string;
  readonly dmAddress: string | null;
};

/**
 * One message a Messenger sent, enough to edit it later: Telegram chat id and message_id, Slack
 * channel and ts, Discord channel id and message id, web user id and inbox seq.
 */
export type SentMessageRef = {
  readonly platform: Platform;
  readonly address: string;
  readonly messageId: string;
};

/**
 * The messenger port: sends a DM to a chat identity and edits what it sent. Each adapter
 * implements it for its platform; the jobs reuse it. Rejects with a MessengerError when the
 * platform refuses for good (blocked bot, unknown user; for an edit, a message deleted or too old
 * to edit) so callers can record it and move on.
 */
export type Messenger = {
  /** Resolves with the messages sent, in order: a long text may go out as several. */
  send(to: ChatAddress, message: ChatMessage): Promise<readonly SentMessageRef[]>;
  /** Replaces the text and buttons of the message at `ref` (no buttons: the old ones go). */
  edit(ref: SentMessageRef, message: ChatMessage): Promise<void>;
};

export class MessengerError extends Error {
  override name = 'MessengerError';
}
