// Splits text into pieces within Discord's 2,000-character message limit, losing nothing.

/** Discord refuses message content longer than this. */
const DISCORD_CONTENT_LIMIT = 2000;

/**
 * Splits `text` into consecutive pieces of at most `limit` UTF-16 units whose concatenation is
 * `text`. Prefers to cut after a line break so lists stay readable, and never cuts a surrogate
 * pair in half. Empty text gives one empty piece. `limit` must be at least 2.
 */
export function splitDiscordText(text: string, limit = DISCORD_CONTENT_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

function cutPoint(text: string, limit: number): number {
  const lineBreak = text.lastIndexOf('\n', limit - 1);
  // A cut far back would leave a tiny piece; only prefer the line break in the second half.
  if (lineBreak >= limit / 2) return lineBreak + 1;
  const code = text.charCodeAt(limit - 1);
  const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
  return isHighSurrogate ? limit - 1 : limit;
}
