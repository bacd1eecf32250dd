// The Slack adapter: Bolt over HTTP (one signed route) or Socket Mode, mapped to the chat engine.

import { App, type Receiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Env, Hono } from 'hono';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { BotAdapter, ChatHandler } from '../bot-adapter.ts';
import { type BackgroundWork, createBackgroundWork } from './background-work.ts';
import { boltLogger } from './bolt-logger.ts';
import { createChannelThrottle } from './channel-throttle.ts';
import { registerAppHome } from './handle-app-home.ts';
import { registerBlockActions } from './handle-block-action.ts';
import { registerDeclineSubmission } from './handle-decline-submission.ts';
import { registerDirectMessages } from './handle-direct-message.ts';
import { registerSlashCommands } from './handle-slash-command.ts';
import type { SlackContext } from './slack-context.ts';
import { createSlackHttpReceiver, type SlackHttpReceiver } from './slack-http-receiver.ts';
import { createSlackMessenger } from './slack-messenger.ts';
import { createSlackPoster } from './slack-poster.ts';
import { createSlackUserDirectory } from './slack-user-directory.ts';

/** @internal Exported for tests too. */
export const SLACK_EVENTS_PATH = '/slack/events';

export type SlackAdapterOptions = {
  readonly botToken: string;
  readonly signingSecret: string;
  /** An xapp- token selects Socket Mode; null serves HTTP on SLACK_EVENTS_PATH. */
  readonly appToken: string | null;
  /** Web API base URL, ending in a slash. Default https://slack.com/api/. */
  readonly apiUrl?: string;
  readonly handle: ChatHandler;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Minimum spacing of messages per channel. Default 1000 ms (Slack's ~1 message/s). */
  readonly channelIntervalMs?: number;
  /** WebClient retries (429s wait Retry-After first). Default: five retries in five minutes. */
  readonly retryConfig?: webApi.RetryOptions;
};

export type SlackAdapter = BotAdapter & {
  /**
   * Resolves when all HTTP-mode work acked so far has finished (graceful shutdown, tests). In
   * Socket Mode Bolt itself holds each envelope's work until its listener returns.
   */
  idle(): Promise<void>;
};

/**
 * Builds the adapter without any network I/O; start() runs auth.test (and, in Socket Mode, opens
 * the socket). In HTTP mode requests before start() get 503. stop() waits for in-flight work.
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const work = createBackgroundWork();
  const clientOptions = {
    slackApiUrl: options.apiUrl ?? 'https://slack.com/api/',
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
  };
  const { http, receiver } = createReceiver(options, clientOptions, work);
  const app = new App({
    token: options.botToken,
    receiver,
    clientOptions,
    logger: boltLogger(options.logger),
    deferInitialization: true,
  });
  app.error(async (error) => {
    options.logger.error(
      { platform: 'slack', err: describeErrorSafely(error) },
      'Slack listener failed',
    );
  });
  const context = buildContext(app, options);
  registerListeners(app, context);
  return {
    platform: 'slack',
    messenger: createSlackMessenger(context.directory, context.poster),
    mount(hono: Hono<Env>) {
      if (http !== null) hono.post(SLACK_EVENTS_PATH, (c) => http.handle(c));
    },
    async start() {
      await app.init();
      await app.start();
    },
    async stop() {
      await app.stop();
      await work.idle();
    },
    idle: () => work.idle(),
  };
}

/** HTTP mode has a route to mount; Socket Mode (an app token) has none and needs no signing. */
function createReceiver(
  options: SlackAdapterOptions,
  clientOptions: { slackApiUrl: string },
  work: BackgroundWork,
): { http: SlackHttpReceiver | null; receiver: Receiver } {
  if (options.appToken !== null) {
    const socket = new SocketModeReceiver({
      appToken: options.appToken,
      logger: boltLogger(options.logger),
      // The socket client asks apps.connections.open on the same API URL as everything else.
      installerOptions: { clientOptions },
    });
    return { http: null, receiver: socket };
  }
  const http = createSlackHttpReceiver({
    signingSecret: options.signingSecret,
    clock: options.clock,
    logger: options.logger,
    work,
  });
  return { http, receiver: http };
}

function buildContext(app: App, options: SlackAdapterOptions): SlackContext {
  const throttle = createChannelThrottle(options.channelIntervalMs ?? 1000);
  return {
    client: app.client,
    handle: options.handle,
    directory: createSlackUserDirectory(app.client, options.clock, options.logger),
    poster: createSlackPoster(app.client, throttle),
    logger: options.logger,
  };
}

function registerListeners(app: App, context: SlackContext): void {
  registerSlashCommands(app, context);
  registerBlockActions(app, context);
  registerDeclineSubmission(app, context);
  registerDirectMessages(app, context);
  registerAppHome(app, context);
}
