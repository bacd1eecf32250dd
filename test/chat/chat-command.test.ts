// Dispatch from the registry: every command reaches its handler, behind its audience and settings
// gates, and a client command from someone new resumes once their time zone is known.
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, type CommandName, commandInfo } from '../../src/chat/chat-commands.ts';
import { createLinkCode } from '../../src/chat/create-link-code.ts';
import {
  type Catalog,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  say,
  seedCatalog,
  text,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
let c: Catalog;
const provider = chatUser('7001', 'Anna', { timezone: 'Europe/Berlin' });
const client = chatUser('7002', 'Cleo', { timezone: 'Europe/London' });

const namesFor = (audience: string): CommandName[] =>
  COMMAND_NAMES.filter((name) => commandInfo(name).audience === audience);

beforeAll(async () => {
  h = await createChatHarness();
  c = await seedCatalog(h);
  const code = await createLinkCode(h.db.db, c.anna, new Date());
  if (!code.ok) throw new Error('no link code');
  await say(h, provider, command('link', code.value.code));
  // The first event takes the platform's zone and says so; the tests below read later replies.
  await say(h, client, command('help'));
});

describe('dispatch', () => {
  it.each(COMMAND_NAMES)('runs /%s for a linked provider', async (name) => {
    const reply = textOf(await say(h, provider, command(name)));
    expect(reply).not.toContain("I don't know");
    expect(reply).not.toContain('is for providers');
  });

  it('points an unknown command at /help', async () => {
    expect(textOf(await say(h, client, command('frobnicate')))).toBe(
      "I don't know /frobnicate. Send /help to see what I can do.",
    );
  });

  it.each(namesFor('providers'))('refuses /%s to someone who is not a provider', async (name) => {
    expect(textOf(await say(h, client, command(name)))).toBe(
      `/${name} is for providers. If you are one, send /link CODE with the code your admin gives you.`,
    );
  });

  it.each(COMMAND_NAMES.filter((name) => commandInfo(name).needs.includes('calendars')))(
    'answers /%s with what is missing when calendars are not set up',
    async (name) => {
      const plain = { ...h, deps: { ...h.deps, calendars: null } };
      expect(textOf(await say(plain, provider, command(name)))).toBe(
        'Calendar sync is not set up on this server.',
      );
    },
  );

  it.each(namesFor('clients'))('asks someone new their time zone, then runs /%s', async (name) => {
    const stranger = chatUser(`7100-${name}`, 'Ned');
    const asked = textOf(await say(h, stranger, command(name)));
    expect(asked).toContain('Which time zone are you in?');
    const resumed = await say(h, stranger, text('Berlin'));
    expect(textOf(resumed)).toContain('Europe/Berlin');
    // The fallback when nothing was pending: the command was dropped instead of resumed.
    expect(textOf(resumed.slice(1))).not.toContain('Send /book to book an appointment, or /help');
    expect(resumed.length).toBeGreaterThan(1);
  });
});
