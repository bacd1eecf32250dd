// The shared transcripts (test/support/transcripts.ts) on Slack: Bolt against the fake Web API,
// the real engine and database behind it.
import { TRANSCRIPTS } from '../../support/transcripts.ts';
import { describeWalks } from '../describe-walks.ts';
import { startSlackWalks } from './slack-transcript-user.ts';

describeWalks('slack transcripts', TRANSCRIPTS, startSlackWalks);
