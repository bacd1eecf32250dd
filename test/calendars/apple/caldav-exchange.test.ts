// Every CalDAV request is bounded: per request (connecting included) and per exchange, whatever signal tsdav passes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCalDav } from '../../../src/calendars/apple/caldav-exchange.ts';
import { CalendarUnavailableError } from '../../../src/calendars/calendar-client.ts';

let silent: Server;
let silentUrl: string;
let slowBody: Server;
let slowBodyUrl: string;
beforeAll(async () => {
  // Accepts and never answers.
  silent = createServer(() => {});
  // Answers headers at once, then drips the body forever.
  slowBody = createServer((_req, res) => {
    res.writeHead(207, { 'content-type': 'text/xml' });
    res.write('<?xml version="1.0"?>');
  });
  const listen = async (server: Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  };
  silentUrl = await listen(silent);
  slowBodyUrl = await listen(slowBody);
});
afterAll(() => {
  silent.closeAllConnections();
  slowBody.closeAllConnections();
  silent.close();
  slowBody.close();
});

describe('runCalDav timeouts', () => {
  it('ends a request that is never answered, even when the caller passes its own signal', async () => {
    const started = Date.now();
    const own = new AbortController();
    const call = runCalDav('login', 300, (fetch) => fetch(silentUrl, { signal: own.signal }));
    await expect(call).rejects.toThrow(CalendarUnavailableError);
    await expect(call).rejects.toThrow('request timed out');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('ends a body that never finishes', async () => {
    const call = runCalDav('pulling events', 300, async (fetch) =>
      (await fetch(slowBodyUrl)).text(),
    );
    await expect(call).rejects.toThrow(CalendarUnavailableError);
  });

  it('ends an exchange of many requests at three times the request timeout', async () => {
    const started = Date.now();
    const call = runCalDav('login', 300, async (fetch) => {
      // Each request alone stays under its own timeout; together they would take 2 s.
      for (let i = 0; i < 10; i++) {
        await fetch(silentUrl, { signal: AbortSignal.timeout(200) }).catch(() => undefined);
      }
      return 'done';
    });
    await expect(call).rejects.toThrow(CalendarUnavailableError);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
