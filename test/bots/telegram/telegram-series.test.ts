// Weekly series on Telegram (test/bots/series-walks.ts): grammY against the fake Bot API, the real
// engine and database behind it. Telegram tells no time zone, so every client is asked.
import { describeWalks } from '../describe-walks.ts';
import { SERIES_WALKS } from '../series-walks.ts';
import { startTelegramWalks } from './telegram-transcript-user.ts';

describeWalks('weekly series on Telegram', SERIES_WALKS, startTelegramWalks);
