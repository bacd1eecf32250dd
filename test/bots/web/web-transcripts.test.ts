// The shared transcripts (test/support/transcripts.ts) on the web chat, through its HTTP routes:
// POST /webchat/events for what a person types or presses, GET /webchat/inbox for DMs, with the
// real engine and database behind them.
import { TRANSCRIPTS } from '../../support/transcripts.ts';
import { describeWebWalks } from './web-transcript-user.ts';

describeWebWalks('web chat transcripts', TRANSCRIPTS);
