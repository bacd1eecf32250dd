// The German transcripts (test/support/german-transcripts.ts) on Discord: every interaction's
// locale says 'de' (DM messages carry none); discord.js against the fake REST API and gateway.
import { GERMAN_TRANSCRIPTS } from '../../support/german-transcripts.ts';
import { describeWalks } from '../describe-walks.ts';
import { startDiscordWalks } from './discord-transcript-user.ts';

describeWalks('discord German transcripts', GERMAN_TRANSCRIPTS, startDiscordWalks);
