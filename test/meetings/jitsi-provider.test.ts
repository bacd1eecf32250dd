// Jitsi links: unguessable, unique, lower-case safe, and built on the configured server.
import { describe, expect, it } from 'vitest';
import { createJitsiProvider } from '../../src/meetings/jitsi-provider.ts';
import { MeetingConfigError } from '../../src/meetings/meeting-provider.ts';

const input = {
  appointmentId: 'appt-1',
  topic: 'Consultation',
  start: new Date('2026-12-01T15:30:00Z'),
  durationMinutes: 30,
  timezone: 'Europe/Berlin',
};

describe('createJitsiProvider', () => {
  it('builds a slotline- room on meet.jit.si with no external id', async () => {
    const link = await createJitsiProvider().createMeeting(input);
    expect(link.url).toMatch(/^https:\/\/meet\.jit\.si\/slotline-[0-9a-f]{40}$/);
    expect(link.externalId).toBeNull();
  });

  it('never repeats a room and spreads the digits evenly over 10,000 links', async () => {
    const provider = createJitsiProvider();
    const rooms = await Promise.all(
      Array.from({ length: 10_000 }, () => provider.createMeeting(input)),
    );
    const suffixes = rooms.map((link) => link.url.slice('https://meet.jit.si/slotline-'.length));
    expect(new Set(suffixes).size).toBe(10_000);
    // 40 hex digits carry 160 bits: the brief asks for at least 128.
    expect(suffixes.every((s) => /^[0-9a-f]{40}$/.test(s))).toBe(true);
    const counts = new Map<string, number>();
    for (const digit of suffixes.join('')) counts.set(digit, (counts.get(digit) ?? 0) + 1);
    // 400,000 digits: 25,000 expected each, standard deviation about 150; 5% is far outside noise.
    expect(counts.size).toBe(16);
    for (const count of counts.values()) expect(Math.abs(count - 25_000)).toBeLessThan(1_250);
  });

  it('does not derive the room from the appointment', async () => {
    const provider = createJitsiProvider();
    const [a, b] = [await provider.createMeeting(input), await provider.createMeeting(input)];
    expect(a.url).not.toBe(b.url);
    expect(a.url).not.toContain('appt-1');
  });

  it('encodes every one of the 20 random bytes it asks for', async () => {
    const sizes: number[] = [];
    const bytes = Buffer.from(Array.from({ length: 20 }, (_, i) => i * 13));
    const provider = createJitsiProvider({
      randomBytes: (size) => {
        sizes.push(size);
        return bytes;
      },
    });
    const link = await provider.createMeeting(input);
    expect(sizes).toEqual([20]);
    expect(link.url).toBe(`https://meet.jit.si/slotline-${bytes.toString('hex')}`);
  });

  it('uses the configured server, with or without trailing slashes and path prefixes', async () => {
    const own = await createJitsiProvider({ baseUrl: 'https://jitsi.example.org/' }).createMeeting(
      input,
    );
    expect(own.url).toMatch(/^https:\/\/jitsi\.example\.org\/slotline-[0-9a-f]{40}$/);
    const nested = await createJitsiProvider({
      baseUrl: 'https://example.org/meet//',
    }).createMeeting(input);
    expect(nested.url).toMatch(/^https:\/\/example\.org\/meet\/slotline-[0-9a-f]{40}$/);
  });

  it.each([
    'not a url',
    'ftp://jitsi.example.org',
    'https://jitsi.example.org/?room=x',
    'https://user:pw@jitsi.example.org',
  ])('refuses the base URL %s', (baseUrl) => {
    expect(() => createJitsiProvider({ baseUrl })).toThrow(MeetingConfigError);
  });
});
