// Validates a configured base URL once, so providers can join paths without surprises.
import { MeetingConfigError } from './meeting-provider.ts';

/**
 * Returns `raw` as an http(s) URL string without trailing slashes (a path prefix is kept).
 * Throws MeetingConfigError naming `setting` when it is not an http(s) URL or carries a query,
 * fragment or user info (which would end up in every link or request).
 */
export function parseBaseUrl(raw: string, setting: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch (error) {
    throw new MeetingConfigError(`${setting} is not a URL`, { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MeetingConfigError(`${setting} must be an http(s) URL`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new MeetingConfigError(`${setting} must not have a query, fragment or user info`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
