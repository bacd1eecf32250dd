// GET /api/jobs/failed: the dead-letter queue as pages, and a clear answer without background work.
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/create-app.ts';
import type { FailedJob } from '../../src/jobs/list-failed-jobs.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { TOKEN } from './app-harness.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

const job = (id: string): FailedJob => ({
  id,
  sourceQueue: 'reminders',
  sourceId: `src-${id}`,
  data: { kind: 'reminder-1h' },
  output: { error: 'MessengerError' },
  failedAt: new Date('2026-11-30T08:00:00Z'),
});

function app(listFailedJobs?: (o: { limit: number; after?: string }) => Promise<FailedJob[]>) {
  return createApp({
    db: t.db,
    adminToken: TOKEN,
    clock: () => new Date('2026-11-30T08:00:00Z'),
    noShowLockoutDays: 30,
    logger: pino({ level: 'silent' }),
    ...(listFailedJobs ? { listFailedJobs } : {}),
  });
}

const get = (a: ReturnType<typeof app>, query = '') =>
  a.request(`/api/jobs/failed${query}`, { headers: { authorization: `Bearer ${TOKEN}` } });

describe('GET /api/jobs/failed', () => {
  it('lists failed jobs in snake_case with a cursor when the page is full', async () => {
    const asked: { limit: number; after?: string }[] = [];
    const a = app(async (o) => {
      asked.push(o);
      return [job('1'), job('2')];
    });
    const res = await get(a, '?limit=2&cursor=0');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: [1, 2].map((n) => ({
        id: String(n),
        source_queue: 'reminders',
        source_id: `src-${n}`,
        data: { kind: 'reminder-1h' },
        output: { error: 'MessengerError' },
        failed_at: '2026-11-30T08:00:00.000Z',
      })),
      next_cursor: '2',
    });
    expect(asked).toEqual([{ limit: 2, after: '0' }]);
  });

  it('ends the paging on a short page, and refuses bad limits and stale cursors', async () => {
    const a = app(async (o) => {
      if (o.after === 'gone') throw new Error('job not found');
      return [job('9')];
    });
    expect(((await (await get(a)).json()) as { next_cursor: unknown }).next_cursor).toBeNull();
    expect((await get(a, '?limit=0')).status).toBe(400);
    expect((await get(a, '?limit=abc')).status).toBe(400);
    const stale = await get(a, '?cursor=gone');
    expect(stale.status).toBe(400);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe(
      'VALIDATION_ERROR',
    );
  });

  it('answers 503 when background work is not running, and 401 without the token', async () => {
    expect((await get(app())).status).toBe(503);
    expect((await app(async () => []).request('/api/jobs/failed')).status).toBe(401);
  });
});
