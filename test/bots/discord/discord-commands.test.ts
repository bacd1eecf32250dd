// Discord's application commands are the registry's, each with its one optional text option.
import { describe, expect, it } from 'vitest';
import { discordCommandBodies } from '../../../bots/discord/discord-commands.ts';
import { COMMAND_NAMES, commandInfo } from '../../../src/chat/chat-commands.ts';

const bodies = discordCommandBodies();

describe('discordCommandBodies', () => {
  it.each(COMMAND_NAMES)('registers /%s as the registry says, within the limits', (name) => {
    const info = commandInfo(name);
    const body = bodies.find((b) => b.name === name);
    if (!info.menus.includes('discord')) {
      expect(body).toBeUndefined();
      return;
    }
    const prefix = info.audience === 'providers' ? 'Providers: ' : '';
    expect(body?.description).toBe(`${prefix}${info.description}`);
    expect(body?.description.length).toBeLessThanOrEqual(100);
    const options = info.argument
      ? [
          expect.objectContaining({
            name: info.argument.name,
            description: info.argument.description,
            type: 3,
            required: false,
          }),
        ]
      : [];
    expect(body?.options ?? []).toEqual(options);
  });

  it('registers nothing the registry lacks, and no /start', () => {
    expect(bodies.map((b) => b.name)).toEqual(
      COMMAND_NAMES.filter((name) => commandInfo(name).menus.includes('discord')),
    );
    expect(bodies.map((b) => b.name)).not.toContain('start');
  });
});
