// The shared transcripts (test/support/transcripts.ts) on Discord: discord.js against the fake
// REST API and gateway, the real engine and database behind it. Slash commands are interactions
// in the user's DM with the bot; plain words are DM messages.
import { TRANSCRIPTS } from '../../support/transcripts.ts';
import { describeWalks } from '../describe-walks.ts';
import { startDiscordWalks } from './discord-transcript-user.ts';

describeWalks('discord transcripts', TRANSCRIPTS, startDiscordWalks);
