// Weekly series on Discord (test/bots/series-walks.ts): discord.js against the fake REST API and
// gateway, the real engine and database behind it; slash commands and buttons are interactions
// in the user's DM, plain words DM messages. Discord tells no time zone, so every client is asked.
import { describeWalks } from '../describe-walks.ts';
import { SERIES_WALKS } from '../series-walks.ts';
import { startDiscordWalks } from './discord-transcript-user.ts';

describeWalks('weekly series on Discord', SERIES_WALKS, startDiscordWalks);
