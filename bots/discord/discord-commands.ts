// The slash commands Slotline registers on Discord, as the JSON the REST API takes.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { SlashCommandBuilder } from 'discord.js';

type CommandSpec = {
  readonly name: string;
  readonly description: string;
  /** One optional free-text option; its words become the command's args. */
  readonly option: { readonly name: string; readonly description: string } | null;
};

// Every option is optional: the engine answers a bare command with what it needs next.
const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'book',
    description: 'Book an appointment',
    option: { name: 'request', description: 'What and when, in your own words' },
  },
  { name: 'mybookings', description: 'See, cancel or move your bookings', option: null },
  { name: 'help', description: 'What this bot can do', option: null },
  {
    name: 'link',
    description: 'Link this Discord account with a code',
    option: { name: 'code', description: 'The link code you were given' },
  },
  {
    name: 'timezone',
    description: 'Set your time zone',
    option: { name: 'zone', description: 'An IANA zone such as Europe/Berlin' },
  },
  {
    name: 'email',
    description: 'See or set your email for confirmations and reminders',
    option: { name: 'address', description: 'Your email address, or "off" to stop emails' },
  },
  {
    name: 'connect',
    description: 'Providers: sync your Google or Outlook calendar',
    option: { name: 'calendar', description: 'google or outlook' },
  },
  { name: 'disconnect', description: 'Providers: stop syncing your calendar', option: null },
  { name: 'today', description: "Providers: today's appointments", option: null },
  {
    name: 'block',
    description: 'Providers: block time off',
    option: { name: 'when', description: 'A date and optional hours, e.g. 2026-12-24 12:00-14:00' },
  },
  {
    name: 'unblock',
    description: 'Providers: lift a block',
    option: { name: 'when', description: 'The date, e.g. 2026-12-24' },
  },
];

/**
 * Bodies for a bulk overwrite (PUT) of the application's commands. Validated by the builders:
 * names lower-case, descriptions within 100 characters.
 */
export function discordCommandBodies(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMANDS.map((spec) => {
    const builder = new SlashCommandBuilder().setName(spec.name).setDescription(spec.description);
    const { option } = spec;
    if (option !== null) {
      builder.addStringOption((built) =>
        built
          .setName(option.name)
          .setDescription(option.description)
          .setRequired(false)
          .setMaxLength(200),
      );
    }
    return builder.toJSON();
  });
}
