// Bolt receiver for HTTP mode: one Hono route verifies, acks at once and processes in the background.

import type { App, Receiver } from '@slack/bolt';
import type { Context } from 'hono';
import {
  payloadTooLarge,
  readTextWithin,
  WEBHOOK_BODY_LIMIT_BYTES,
} from '../../src/http/body-limits.ts';
import { errorJson } from '../../src/http/error-json.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { BackgroundWork } from './background-work.ts';
import { parseSlackBody } from './parse-slack-body.ts';
import { verifySlackSignature } from './verify-slack-signature.ts';

export type SlackHttpReceiver = Receiver & {
  /** The Hono handler for POST /slack/events. */
  handle(c: Context): Promise<Response>;
};

export type SlackHttpReceiverOptions = {
  readonly signingSecret: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly work: BackgroundWork;
};

/**
 * Answers 413 to a body over 1 MB without reading it whole (from Content-Length when given, else
 * as soon as the stream passes the limit), 401 to anything not signed within the time window
 * (the signature is checked before the body is parsed; nothing is dispatched), 503 before
 * start(), the challenge to url_verification, and otherwise HTTP 200 as soon as the listener acks
 * (or finishes without acking); the listener's slow work continues in `work` after the response.
 */
export function createSlackHttpReceiver(options: SlackHttpReceiverOptions): SlackHttpReceiver {
  let app: App | null = null;
  let started = false;
  return {
    init(bolt) {
      app = bolt;
    },
    async start() {
      started = true;
    },
    async stop() {
      started = false;
    },
    async handle(c) {
      const rawBody = await readTextWithin(c.req.raw, WEBHOOK_BODY_LIMIT_BYTES);
      if (rawBody === null) return payloadTooLarge(c, WEBHOOK_BODY_LIMIT_BYTES);
      const signed = verifySlackSignature(
        options.signingSecret,
        {
          rawBody,
          signature: c.req.header('x-slack-signature'),
          timestamp: c.req.header('x-slack-request-timestamp'),
        },
        options.clock(),
      );
      if (!signed) {
        options.logger.warn({ platform: 'slack' }, 'rejected unsigned or stale Slack request');
        return c.json(errorJson('UNAUTHORIZED', 'invalid or stale signature'), 401);
      }
      const parsed = parseSlackBody(rawBody, c.req.header('content-type'));
      if (parsed.kind === 'invalid') {
        return c.json(errorJson('VALIDATION_ERROR', 'not a Slack request body'), 400);
      }
      if (parsed.kind === 'challenge') return c.json({ challenge: parsed.challenge });
      if (parsed.kind === 'ssl-check') return c.body(null, 200);
      if (app === null || !started) {
        return c.json(errorJson('UNAVAILABLE', 'the Slack adapter is not running'), 503);
      }
      const response = await dispatch(app, parsed.body, retryNum(c), options);
      return response === undefined ? c.body(null, 200) : c.json(response);
    },
  };
}

function retryNum(c: Context): number | undefined {
  const header = c.req.header('x-slack-retry-num');
  return header === undefined ? undefined : Number(header);
}

/** Resolves with the ack's response body as soon as ack() is called or processing ends. */
function dispatch(
  app: App,
  body: Record<string, unknown>,
  retry: number | undefined,
  options: SlackHttpReceiverOptions,
): Promise<unknown> {
  return new Promise((resolve) => {
    const ack = async (response?: unknown): Promise<void> => {
      resolve(typeof response === 'string' ? { text: response } : response);
    };
    const event = retry === undefined ? { body, ack } : { body, ack, retryNum: retry };
    options.work.run(
      async () => {
        await app.processEvent(event);
        resolve(undefined);
      },
      (error) => {
        resolve(undefined);
        options.logger.error(
          { platform: 'slack', err: describeErrorSafely(error) },
          'Slack dispatch failed',
        );
      },
    );
  });
}
