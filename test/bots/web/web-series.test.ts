// Weekly series on the web chat (test/bots/series-walks.ts), through its HTTP routes: POST
// /webchat/events for what a person types or presses, GET /webchat/inbox for DMs; the browser's
// zone is the hint.
import { describeWalks } from '../describe-walks.ts';
import { SERIES_WALKS } from '../series-walks.ts';
import { startWebWalks } from './web-transcript-user.ts';

describeWalks('weekly series on the web chat', SERIES_WALKS, startWebWalks);
