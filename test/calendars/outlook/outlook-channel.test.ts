// Graph subscriptions: validation handshake, renew, close, and the webhook body helpers.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalendarUnavailableError } from '../../../src/calendars/calendar-client.ts';
import {
  graphValidationToken,
  parseGraphNotifications,
} from '../../../src/calendars/outlook/graph-notification.ts';
import type { OutlookCalendar } from '../../../src/calendars/outlook/outlook-calendar.ts';
import type { FakeGraph } from '../../fakes/graph-api.ts';
import {
  bindCalendar,
  type Clock,
  connectOutlook,
  startClockedGraph,
} from './outlook-connection.ts';

type Receiver = { url: string; bodies: unknown[]; close(): Promise<void> };

/** A stand-in for the lead's webhook route: handshake via graphValidationToken, 202 otherwise. */
async function startReceiver(answersHandshake: boolean): Promise<Receiver> {
  const bodies: unknown[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const token = graphValidationToken(new URL(req.url ?? '/', 'http://receiver'));
      if (token !== null) {
        if (!answersHandshake) return void res.writeHead(500).end();
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return void res.end(token);
      }
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(202).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/outlook?provider=p1`,
    bodies,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const clock: Clock = { now: new Date('2026-12-01T09:00:00Z') };
let graph: FakeGraph;
let calendar: OutlookCalendar;
let receiver: Receiver;

beforeEach(async () => {
  clock.now = new Date('2026-12-01T09:00:00Z');
  graph = await startClockedGraph(clock);
  calendar = bindCalendar(graph, clock, await connectOutlook(graph, clock)).calendar;
  receiver = await startReceiver(true);
});

afterEach(async () => {
  await graph.close();
  await receiver.close();
});

describe('openChannel', () => {
  it('subscribes to me/events for 4,200 minutes with the secret as clientState', async () => {
    const channel = await calendar.openChannel(receiver.url, 'secret-123');
    expect(channel.resourceId).toBeNull();
    expect(channel.expiresAt).toEqual(new Date('2026-12-04T07:00:00Z'));
    expect(graph.subscriptions()).toEqual([
      expect.objectContaining({
        id: channel.id,
        resource: 'me/events',
        changeType: 'created,updated,deleted',
        notificationUrl: receiver.url,
        clientState: 'secret-123',
      }),
    ]);
  });

  it('fails with CalendarUnavailableError when the webhook does not answer the handshake', async () => {
    const deaf = await startReceiver(false);
    try {
      await expect(calendar.openChannel(deaf.url, 'secret-123')).rejects.toBeInstanceOf(
        CalendarUnavailableError,
      );
      expect(graph.subscriptions()).toEqual([]);
    } finally {
      await deaf.close();
    }
  });
});

describe('renewChannel and closeChannel', () => {
  it('renews 4,200 minutes from now, and gives null for a subscription that lapsed', async () => {
    const channel = await calendar.openChannel(receiver.url, 'secret-123');
    clock.now = new Date('2026-12-02T20:00:00Z');
    const renewed = await calendar.renewChannel(channel);
    expect(renewed).toEqual({
      id: channel.id,
      resourceId: null,
      expiresAt: new Date('2026-12-05T18:00:00Z'),
    });
    expect(graph.subscriptions()[0]?.expirationDateTime).toMatch(/^2026-12-05T18:00:00/);
    clock.now = new Date('2026-12-06T00:00:00Z');
    await expect(calendar.renewChannel(channel)).resolves.toBeNull();
  });

  it('closes the subscription, and closing it again succeeds', async () => {
    const channel = await calendar.openChannel(receiver.url, 'secret-123');
    await calendar.closeChannel(channel);
    expect(graph.subscriptions()).toEqual([]);
    await expect(calendar.closeChannel(channel)).resolves.toBeUndefined();
  });
});

describe('webhook helpers', () => {
  it('reads the fake notification body: subscription id and clientState', async () => {
    const channel = await calendar.openChannel(receiver.url, 'secret-123');
    const event = graph.addExternalEvent({
      start: { dateTime: '2026-12-03T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-12-03T11:00:00', timeZone: 'UTC' },
    });
    expect(await graph.notify(channel.id, { changeType: 'created', resourceId: event.id })).toBe(
      202,
    );
    expect(await graph.notify(channel.id, undefined, 'forged')).toBe(202);
    expect(receiver.bodies.flatMap(parseGraphNotifications)).toEqual([
      { subscriptionId: channel.id, clientState: 'secret-123' },
      { subscriptionId: channel.id, clientState: 'forged' },
    ]);
  });

  it('gives [] for garbage and drops items without a subscription id', () => {
    expect(parseGraphNotifications(null)).toEqual([]);
    expect(parseGraphNotifications('value')).toEqual([]);
    expect(parseGraphNotifications({ value: 'x' })).toEqual([]);
    expect(
      parseGraphNotifications({ value: [{ clientState: 's' }, 7, { subscriptionId: 'sub-1' }] }),
    ).toEqual([{ subscriptionId: 'sub-1', clientState: null }]);
  });

  it('decodes the validation token, and gives null when there is none', () => {
    const token = 'Validation: Testing client application reachability & more';
    const url = new URL(`https://x.example/hook?a=1&validationToken=${encodeURIComponent(token)}`);
    expect(graphValidationToken(url)).toBe(token);
    expect(graphValidationToken(new URL('https://x.example/hook?a=1'))).toBeNull();
  });
});
