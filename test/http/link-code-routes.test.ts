// POST /api/providers/:id/link-code: a one-time code for /link in a chat.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { providerLinkCodes } from '../../src/db/schema/chat.ts';
import { createHarness, type Harness, json, NOW } from './app-harness.ts';

let h: Harness;
let providerId: string;
beforeAll(async () => {
  h = await createHarness();
  const created = await json(
    await h.call('POST', '/api/providers', {
      name: 'Dr Link',
      type: 'DOCTOR',
      timezone: 'Europe/Berlin',
    }),
  );
  providerId = created.id;
});

describe('POST /api/providers/:id/link-code', () => {
  it('answers 201 with a short code that expires in 15 minutes', async () => {
    const response = await h.call('POST', `/api/providers/${providerId}/link-code`);
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(body).toEqual({
      code: expect.stringMatching(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$/),
      expires_at: new Date(NOW.getTime() + 15 * 60_000).toISOString(),
    });
    const [row] = await h.db.db
      .select()
      .from(providerLinkCodes)
      .where(eq(providerLinkCodes.code, body.code));
    expect(row).toMatchObject({ providerId, usedAt: null });
  });

  it('gives a different code each time', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) {
      codes.add((await json(await h.call('POST', `/api/providers/${providerId}/link-code`))).code);
    }
    expect(codes.size).toBe(5);
  });

  it.each([['00000000-0000-4000-8000-000000000000'], ['not-a-uuid']])(
    'answers 404 for provider %s',
    async (id) => {
      const response = await h.call('POST', `/api/providers/${id}/link-code`);
      expect(response.status).toBe(404);
      expect((await json(response)).error).toMatchObject({
        code: 'NOT_FOUND',
        details: { entity: 'provider' },
      });
    },
  );

  it('needs the admin token', async () => {
    const response = await h.app.request(`/api/providers/${providerId}/link-code`, {
      method: 'POST',
    });
    expect(response.status).toBe(401);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await json(await h.app.request('/api/openapi.json'));
    expect(doc.paths['/api/providers/{id}/link-code'].post.responses).toHaveProperty('201');
  });
});
