// The German transcripts (test/support/german-transcripts.ts) on Slack: users.info says
// locale 'de-DE'; Bolt against the fake Web API, the real engine and database behind it.
import { GERMAN_TRANSCRIPTS } from '../../support/german-transcripts.ts';
import { describeWalks } from '../describe-walks.ts';
import { startSlackWalks } from './slack-transcript-user.ts';

describeWalks('slack German transcripts', GERMAN_TRANSCRIPTS, startSlackWalks);
