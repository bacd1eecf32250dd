// A small MIME reader for tests: splits a raw RFC 822 message into its leaf parts, decoded.

export type MimePart = {
  /** Header names lower-cased, folded lines joined. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
};

function splitHead(raw: string): { headers: Record<string, string>; body: string } {
  const text = raw.replaceAll('\r\n', '\n');
  const cut = text.indexOf('\n\n');
  const head = cut === -1 ? text : text.slice(0, cut);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: cut === -1 ? '' : text.slice(cut + 2) };
}

function decode(body: string, encoding: string | undefined): string {
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`)
      .replace(/%(?![0-9A-F]{2})/gi, '%25');
    return decodeURIComponent(bytes);
  }
  return body;
}

/** The message itself and every part below it, depth first; multipart bodies are split. */
export function mimeParts(raw: string): MimePart[] {
  const { headers, body } = splitHead(raw);
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.startsWith('multipart/') || !boundary) {
    return [{ headers, body: decode(body, headers['content-transfer-encoding']?.toLowerCase()) }];
  }
  const pieces = body.split(`--${boundary}`).slice(1, -1);
  return [{ headers, body: '' }, ...pieces.flatMap((piece) => mimeParts(piece.replace(/^\n/, '')))];
}

/** The one part whose Content-Type starts with `type`; fails the test when there is none. */
export function partOfType(parts: readonly MimePart[], type: string): MimePart {
  const found = parts.find((part) => part.headers['content-type']?.startsWith(type));
  if (!found) throw new Error(`no ${type} part`);
  return found;
}

/** One RFC 2047 encoded word's bytes, as a latin1 string (one char per byte). */
function encodedWordBytes(encoding: string, text: string): string {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('latin1');
  return text
    .replaceAll('_', ' ')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** A header value with its UTF-8 encoded words ('=?UTF-8?Q?...?=') decoded: the Subject as read. */
export function decodeHeader(value: string): string {
  const bytes = value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encodedWordBytes(encoding, text),
    );
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
