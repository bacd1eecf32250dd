// Providers and clients keep a time zone spelled as it was sent, only the case corrected.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, json } from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const bodies = {
  providers: { name: 'Dr Zone', type: 'DOCTOR' },
  clients: { name: 'Zoe' },
} as const;

// [resource, sent on create, read back, sent in a patch, read back]
const cases = [
  ['providers', 'Asia/Kolkata', 'Asia/Kolkata', 'europe/kyiv', 'Europe/Kyiv'],
  ['providers', 'asia/kolkata', 'Asia/Kolkata', 'Europe/Kyiv', 'Europe/Kyiv'],
  ['providers', 'Europe/Kyiv', 'Europe/Kyiv', 'asia/calcutta', 'Asia/Calcutta'],
  ['providers', 'etc/gmt+5', 'Etc/GMT+5', 'america/port-au-prince', 'America/Port-au-Prince'],
  ['clients', 'asia/kolkata', 'Asia/Kolkata', 'Europe/Kyiv', 'Europe/Kyiv'],
  ['clients', 'Europe/Kyiv', 'Europe/Kyiv', 'ASIA/KOLKATA', 'Asia/Kolkata'],
  ['clients', 'utc', 'UTC', 'europe/kiev', 'Europe/Kiev'],
] as const;

describe('time zone spelling in the REST API', () => {
  it.each(cases)(
    '/api/%s keeps %j as %j, then %j as %j',
    async (resource, sent, created, patched, changed) => {
      const response = await h.call('POST', `/api/${resource}`, {
        ...bodies[resource],
        timezone: sent,
      });
      expect(response.status).toBe(201);
      const body = await json(response);
      expect(body.timezone).toBe(created);
      const path = `/api/${resource}/${body.id}`;
      expect((await json(await h.call('GET', path))).timezone).toBe(created);
      const patch = await h.call('PATCH', path, { timezone: patched });
      expect(patch.status).toBe(200);
      expect((await json(patch)).timezone).toBe(changed);
      expect((await json(await h.call('GET', path))).timezone).toBe(changed);
    },
  );
});
