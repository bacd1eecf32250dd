// The German transcripts (test/support/german-transcripts.ts) on the web chat: each event body
// says the browser's locale 'de-DE'; the HTTP routes with the real engine and database behind.
import { GERMAN_TRANSCRIPTS } from '../../support/german-transcripts.ts';
import { describeWalks } from '../describe-walks.ts';
import { startWebWalks } from './web-transcript-user.ts';

describeWalks('web chat German transcripts', GERMAN_TRANSCRIPTS, startWebWalks);
