// The shared transcripts (test/support/transcripts.ts) on Telegram: grammY against the fake Bot
// API, the real engine and database behind it.
import { TRANSCRIPTS } from '../../support/transcripts.ts';
import { describeWalks } from '../describe-walks.ts';
import { startTelegramWalks } from './telegram-transcript-user.ts';

describeWalks('telegram transcripts', TRANSCRIPTS, startTelegramWalks);
