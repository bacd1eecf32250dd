// Weekly series on Slack (test/bots/series-walks.ts): Bolt against the fake Web API, the real
// engine and database behind it; the profile's zone is the hint, an empty one makes the engine ask.
import { describeWalks } from '../describe-walks.ts';
import { SERIES_WALKS } from '../series-walks.ts';
import { startSlackWalks } from './slack-transcript-user.ts';

describeWalks('weekly series on Slack', SERIES_WALKS, startSlackWalks);
