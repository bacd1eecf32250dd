// The meetings port: what a booking job asks for (a join link) and how providers fail.

// Google Meet is no provider here: its links come through the calendar push (MeetingSource).
type MeetingProviderName = 'zoom' | 'jitsi';

export type MeetingInput = {
  /** Our appointment id; providers may use it for idempotency or descriptions, never in the URL. */
  readonly appointmentId: string;
  readonly topic: string;
  readonly start: Date;
  readonly durationMinutes: number;
  /** IANA zone the meeting is shown in by the provider (e.g. 'Europe/Berlin'). */
  readonly timezone: string;
};

export type MeetingLink = {
  /** The URL participants open to join. */
  readonly url: string;
  /** The provider's id for the meeting (to update or delete it later); null when there is none. */
  readonly externalId: string | null;
};

/**
 * Creates one meeting per call. Rejects with MeetingError when a later attempt may succeed and
 * with MeetingConfigError when it cannot until the settings change.
 */
export type MeetingProvider = {
  readonly name: MeetingProviderName;
  createMeeting(input: MeetingInput): Promise<MeetingLink>;
  /**
   * Deletes a meeting this provider made (one that lost the race to be stored); a meeting that
   * is gone already counts as deleted. Absent where a link is no object at the provider (Jitsi).
   */
  deleteMeeting?(link: MeetingLink): Promise<void>;
};

/** The provider was unreachable, slow, rate limited or failing (5xx): retry later. */
export class MeetingError extends Error {
  override name = 'MeetingError';
  /** Seconds the provider asked us to wait (Retry-After), or null when it did not say. */
  readonly retryAfterSeconds: number | null;

  constructor(message: string, options: { cause?: unknown; retryAfterSeconds?: number | null }) {
    super(message, { cause: options.cause });
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

/**
 * The settings are wrong (bad URL, credentials refused, unknown user) or the provider refused the
 * request as invalid: retrying the same call will not help. Messages never contain secrets.
 */
export class MeetingConfigError extends Error {
  override name = 'MeetingConfigError';
}
