// Who a Slack user is (name, IANA zone, language) and their DM channel, cached per user.

import type { webApi } from '@slack/bolt';
import type { ChatUser } from '../../src/chat/chat-types.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { Logger } from '../../src/ports/logger.ts';
import { SlackDeliveryError } from './slack-delivery-error.ts';

/** Profiles change rarely; an hour keeps a changed time zone from sticking for long. */
const PROFILE_TTL_MS = 60 * 60 * 1000;
const MAX_CACHED_USERS = 10_000;

/** A Slack ChatUser always has its DM channel. */
type SlackChatUser = ChatUser & { readonly dmAddress: string };

export type SlackUserDirectory = {
  /**
   * The ChatUser for a Slack user id; falls back to `fallbackName` and no zone if users.info
   * fails. Rejects only when the DM channel cannot be opened.
   */
  chatUser(userId: string, fallbackName: string): Promise<SlackChatUser>;
  /** The DM channel id with the user (conversations.open, cached); rejects with the Web API error. */
  dmChannel(userId: string): Promise<string>;
};

type Profile = {
  displayName: string;
  timezone: string | null;
  /** The user's Slack language (users.info with include_locale), e.g. 'de-DE'. */
  locale: string | null;
  fetchedAt: number;
};

/**
 * Caches profiles for PROFILE_TTL_MS of `clock` time and DM channels for the process lifetime
 * (a DM channel id never changes). Never logs names or ids beyond the Slack user id.
 */
export function createSlackUserDirectory(
  client: webApi.WebClient,
  clock: Clock,
  logger: Logger,
): SlackUserDirectory {
  const profiles = new Map<string, Promise<Profile>>();
  const channels = new Map<string, Promise<string>>();

  /** Concurrent lookups for one user share one users.info call. */
  function profile(userId: string, fallbackName: string): Promise<Profile> {
    const now = clock().getTime();
    const cached = profiles.get(userId);
    if (cached !== undefined) {
      return cached.then((p) =>
        now - p.fetchedAt < PROFILE_TTL_MS ? p : refresh(userId, fallbackName, now),
      );
    }
    return refresh(userId, fallbackName, now);
  }

  function refresh(userId: string, fallbackName: string, now: number): Promise<Profile> {
    const fetched = fetchProfile(userId, now).then(
      (p) => p ?? { displayName: fallbackName, timezone: null, locale: null, fetchedAt: now },
    );
    remember(profiles, userId, fetched);
    return fetched;
  }

  async function fetchProfile(userId: string, now: number): Promise<Profile | null> {
    try {
      const { user } = await client.users.info({ user: userId, include_locale: true });
      const displayName = user?.profile?.display_name || user?.real_name || user?.name || userId;
      const locale = user?.locale ?? null;
      return { displayName, timezone: user?.tz ?? null, locale, fetchedAt: now };
    } catch (error) {
      logger.warn(
        { platform: 'slack', userId, err: describeErrorSafely(error) },
        'users.info failed',
      );
      // Not cached, so the next event asks again.
      profiles.delete(userId);
      return null;
    }
  }

  /** A failed open is forgotten so the next call tries again. */
  function dmChannel(userId: string): Promise<string> {
    const cached = channels.get(userId);
    if (cached !== undefined) return cached;
    const opened = client.conversations.open({ users: userId }).then(({ channel }) => {
      if (channel?.id === undefined) {
        throw new SlackDeliveryError('conversations.open returned no channel');
      }
      return channel.id;
    });
    remember(channels, userId, opened);
    opened.catch(() => channels.delete(userId));
    return opened;
  }

  return {
    dmChannel,
    async chatUser(userId, fallbackName) {
      const [{ displayName, timezone, locale }, dm] = await Promise.all([
        profile(userId, fallbackName),
        dmChannel(userId),
      ]);
      return {
        platform: 'slack',
        platformUserId: userId,
        displayName,
        timezone,
        dmAddress: dm,
        ...(locale ? { locale } : {}),
      };
    },
  };
}

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_CACHED_USERS) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
}
