// The German transcripts (test/support/german-transcripts.ts) on Telegram: every update's
// from.language_code says 'de'; grammY against the fake Bot API, the real engine and database.
import { GERMAN_TRANSCRIPTS } from '../../support/german-transcripts.ts';
import { describeWalks } from '../describe-walks.ts';
import { startTelegramWalks } from './telegram-transcript-user.ts';

describeWalks('telegram German transcripts', GERMAN_TRANSCRIPTS, startTelegramWalks);
