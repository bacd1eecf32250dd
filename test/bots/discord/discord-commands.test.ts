// Discord's application commands are the registry's, each with its one optional text option,
// English with a German localisation of every description.
import { Locale } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { discordCommandBodies } from '../../../bots/discord/discord-commands.ts';
import { COMMAND_NAMES, commandInfo, commandText } from '../../../src/chat/chat-commands.ts';
import { translatorFor } from '../../../src/i18n/translator.ts';

const bodies = discordCommandBodies();
const en = translatorFor('en');
const de = translatorFor('de');

/** The menu description the registry gives `name` in `t`'s language. */
function described(t: typeof en, name: (typeof COMMAND_NAMES)[number]): string {
  const info = commandInfo(name);
  const description = commandText(t, info.description);
  return info.audience === 'providers'
    ? t.t('commands.forProviders', { description })
    : description;
}

describe('discordCommandBodies', () => {
  it.each(COMMAND_NAMES)('registers /%s as the registry says, within the limits', (name) => {
    const info = commandInfo(name);
    const body = bodies.find((b) => b.name === name);
    if (!info.menus.includes('discord')) {
      expect(body).toBeUndefined();
      return;
    }
    expect(body?.description).toBe(described(en, name));
    expect(body?.description.length).toBeLessThanOrEqual(100);
    const options = info.argument
      ? [
          expect.objectContaining({
            name: info.argument.name,
            description: commandText(en, info.argument.description),
            type: 3,
            required: false,
          }),
        ]
      : [];
    expect(body?.options ?? []).toEqual(options);
  });

  it.each(COMMAND_NAMES)('localises /%s into German, name unchanged', (name) => {
    const info = commandInfo(name);
    const body = bodies.find((b) => b.name === name);
    if (!body) return;
    expect(body.name_localizations ?? {}).toEqual({});
    expect(body.description_localizations).toEqual({ [Locale.German]: described(de, name) });
    expect(described(de, name).length).toBeLessThanOrEqual(100);
    if (info.argument) {
      const german = commandText(de, info.argument.description);
      expect(german.length).toBeLessThanOrEqual(100);
      expect(body.options?.[0]?.description_localizations).toEqual({ [Locale.German]: german });
    }
  });

  it('registers German words, e.g. for /book', () => {
    const book = bodies.find((b) => b.name === 'book');
    expect(book?.description).toBe('Book an appointment');
    expect(book?.description_localizations?.de).toBe('Termin buchen');
  });

  it('registers nothing the registry lacks, and no /start', () => {
    expect(bodies.map((b) => b.name)).toEqual(
      COMMAND_NAMES.filter((name) => commandInfo(name).menus.includes('discord')),
    );
    expect(bodies.map((b) => b.name)).not.toContain('start');
  });
});
