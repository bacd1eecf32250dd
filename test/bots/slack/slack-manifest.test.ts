// The Slack app manifest declares every command the adapter handles, all on the one events URL.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SLACK_EVENTS_PATH } from '../../../bots/slack/create-slack-adapter.ts';
import { SLACK_COMMANDS, slackManifestCommands } from '../../../bots/slack/slack-commands.ts';
import { COMMAND_NAMES, commandInfo, commandText } from '../../../src/chat/chat-commands.ts';
import type { ChatEvent } from '../../../src/chat/chat-types.ts';
import { translatorFor } from '../../../src/i18n/translator.ts';
import { slashCommandBody } from '../../fakes/slack-requests.ts';
import { createRecordingSlackHarness, FORM, type SlackHarness } from './slack-harness.ts';

const en = translatorFor('en');

const manifestSchema = z.object({
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.boolean(), messages_tab_enabled: z.boolean() }),
    slash_commands: z.array(
      z.object({
        command: z.string(),
        url: z.string(),
        description: z.string(),
        should_escape: z.boolean(),
        usage_hint: z.string().optional(),
      }),
    ),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean(), request_url: z.string() }),
  }),
});

const manifest = manifestSchema.parse(
  JSON.parse(await readFile(new URL('../../../bots/slack/manifest.json', import.meta.url), 'utf8')),
);
const eventsUrl = manifest.settings.event_subscriptions.request_url;

describe('manifest.json', () => {
  it('points events and interactivity at the adapter route', () => {
    expect(new URL(eventsUrl).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: eventsUrl });
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'message.im',
    ]);
  });

  it('declares exactly the commands the adapter handles, each with the same URL', () => {
    const declared = manifest.features.slash_commands;
    expect(declared.map((c) => c.command).sort()).toEqual(
      SLACK_COMMANDS.map((c) => `/${c}`).sort(),
    );
    for (const command of declared) expect(command.url).toBe(eventsUrl);
  });

  it('matches the registry entry for entry (copy the expected side into the file)', () => {
    expect(manifest.features.slash_commands).toEqual(slackManifestCommands(eventsUrl));
  });

  it.each(COMMAND_NAMES)('declares /%s when the registry puts it on Slack', (name) => {
    const info = commandInfo(name);
    const declared = manifest.features.slash_commands.find((c) => c.command === `/${name}`);
    if (!info.menus.includes('slack')) {
      expect(declared).toBeUndefined();
      return;
    }
    // Slack's manifest has no localisation: the menu is the English one.
    const description = commandText(en, info.description);
    const prefix = info.audience === 'providers' ? 'Providers: ' : '';
    expect(declared?.description).toBe(`${prefix}${description}`);
    expect(declared?.usage_hint).toBe(
      info.argument ? commandText(en, info.argument.hint) : undefined,
    );
  });

  it('enables the App Home with its messages tab and asks for the scopes the adapter uses', () => {
    expect(manifest.features.app_home).toMatchObject({
      home_tab_enabled: true,
      messages_tab_enabled: true,
    });
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      ['chat:write', 'commands', 'im:history', 'im:write', 'users:read'].sort(),
    );
  });
});

describe('every declared command reaches the engine', () => {
  const events: ChatEvent[] = [];
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await createRecordingSlackHarness(events);
    harness.api.users.set('U1', { name: 'ana', realName: 'Ana', tz: 'UTC' });
  });
  afterAll(() => harness.close());

  it('maps each manifest command, and nothing undeclared', async () => {
    const commands = [...manifest.features.slash_commands.map((c) => c.command), '/undeclared'];
    for (const [i, command] of commands.entries()) {
      const body = slashCommandBody({ command, text: 'x', userId: 'U1', triggerId: `t-${i}` });
      expect((await harness.send(body, FORM)).status).toBe(200);
    }
    await harness.adapter.idle();
    expect(events.map((e) => e.input)).toEqual(
      manifest.features.slash_commands.map((c) => ({
        kind: 'command',
        command: c.command.slice(1),
        args: 'x',
      })),
    );
  });
});
