// Jitsi meetings: no API, the link itself is the meeting, so the room name must be unguessable.
import { randomBytes } from 'node:crypto';
import { parseBaseUrl } from './base-url.ts';
import type { MeetingLink, MeetingProvider } from './meeting-provider.ts';

const DEFAULT_JITSI_BASE_URL = 'https://meet.jit.si';

/** 20 random bytes = 160 bits: far beyond guessing, even across every room ever created. */
const ROOM_BYTES = 20;
const ROOM_PREFIX = 'slotline-';

type JitsiOptions = {
  /** Jitsi server, default https://meet.jit.si; a path prefix for self-hosted servers is kept. */
  readonly baseUrl?: string;
  /** Source of randomness; tests may pass fixed bytes. Defaults to crypto.randomBytes. */
  readonly randomBytes?: (size: number) => Buffer;
};

/**
 * Creates a provider whose links are `<baseUrl>/slotline-<40 hex digits>`. Hex rather than base64
 * because Jitsi room names are case-insensitive (XMPP nodeprep): mixed case would lose entropy. The appointment id
 * is not used, so a link reveals nothing and cannot be derived. externalId is null (no API object).
 * Throws MeetingConfigError when baseUrl is not a plain http(s) URL.
 */
export function createJitsiProvider(options: JitsiOptions = {}): MeetingProvider {
  const baseUrl = parseBaseUrl(options.baseUrl ?? DEFAULT_JITSI_BASE_URL, 'JITSI_BASE_URL');
  const random = options.randomBytes ?? randomBytes;
  return {
    name: 'jitsi',
    createMeeting: async (): Promise<MeetingLink> => {
      const bytes = random(ROOM_BYTES);
      if (bytes.length < ROOM_BYTES) throw new RangeError('randomBytes returned too few bytes');
      const room = `${ROOM_PREFIX}${bytes.subarray(0, ROOM_BYTES).toString('hex')}`;
      return { url: `${baseUrl}/${room}`, externalId: null };
    },
  };
}
