// The shared transcripts (test/support/transcripts.ts) on Telegram: grammY against the fake Bot
// API, the real engine and database behind it.
import { TRANSCRIPTS } from '../../support/transcripts.ts';
import { describeTelegramWalks } from './telegram-transcript-user.ts';

describeTelegramWalks('telegram transcripts', TRANSCRIPTS);
