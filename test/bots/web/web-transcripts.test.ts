// The shared transcripts (test/support/transcripts.ts) on the web chat, through its HTTP routes:
// POST /webchat/events for what a person types or presses, GET /webchat/inbox for DMs, with the
// real engine and database behind them.
import { TRANSCRIPTS } from '../../support/transcripts.ts';
import { describeWalks } from '../describe-walks.ts';
import { startWebWalks } from './web-transcript-user.ts';

describeWalks('web chat transcripts', TRANSCRIPTS, startWebWalks);
