// Request bodies of the calendar routes that take credentials: iCloud and any CalDAV server.
import { z } from '@hono/zod-openapi';
import { isBasicAuthText } from '../../calendars/apple/verify-apple-credentials.ts';

// Basic authentication carries printable Latin-1 only; anything else is the client's mistake.
const LATIN_1 = 'must be printable Latin-1 characters only';

/** Whether `text` is an http(s) URL without credentials or a fragment (they would leak or be lost). */
function isServerUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  const web = url.protocol === 'https:' || url.protocol === 'http:';
  return web && url.username === '' && url.password === '' && url.hash === '' && url.host !== '';
}

export const AppleBody = z
  .object({
    apple_id: z.string().trim().min(3).max(320).refine(isBasicAuthText, LATIN_1),
    app_password: z.string().trim().min(8).max(64).refine(isBasicAuthText, LATIN_1).openapi({
      description: 'An app-specific password from appleid.apple.com (never the account password)',
    }),
  })
  .openapi('AppleCalendarConnect');

export const CalDavBody = z
  .object({
    server_url: z
      .string()
      .trim()
      .max(2048)
      .refine(isServerUrl, 'must be an http or https URL without user, password or #fragment')
      .openapi({
        description:
          'Where discovery starts: the server (https://caldav.fastmail.com), or its DAV root (https://cloud.example.com/remote.php/dav)',
      }),
    username: z.string().trim().min(1).max(320).refine(isBasicAuthText, LATIN_1),
    password: z.string().min(1).max(256).refine(isBasicAuthText, LATIN_1).openapi({
      description: 'The account or app password; stored encrypted, never shown again',
    }),
  })
  .openapi('CalDavCalendarConnect');
