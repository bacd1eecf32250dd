// The language of providers and clients over REST: a registry code or null, stored and returned.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, json } from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const RESOURCES = [
  ['/api/clients', { name: 'Ada', timezone: 'UTC' }],
  ['/api/providers', { name: 'Dr Who', type: 'DOCTOR', timezone: 'UTC' }],
] as const;

describe.each(RESOURCES)('%s language', (path, base) => {
  it('is null unless given, set on create, changed and cleared by PATCH', async () => {
    const plain = await json(await h.call('POST', path, base));
    expect(plain.language).toBeNull();
    const created = await h.call('POST', path, { ...base, language: 'de' });
    expect(created.status).toBe(201);
    const { id, language } = await json(created);
    expect(language).toBe('de');
    const english = await h.call('PATCH', `${path}/${id}`, { language: 'en' });
    expect((await json(english)).language).toBe('en');
    const cleared = await h.call('PATCH', `${path}/${id}`, { language: null });
    expect((await json(cleared)).language).toBeNull();
    expect((await json(await h.call('GET', `${path}/${id}`))).language).toBeNull();
  });

  it.each(['fr', 'DE', 'german', 7])('refuses %j, naming the field', async (value) => {
    for (const [method, target] of [
      ['POST', path],
      ['PATCH', `${path}/${(await json(await h.call('POST', path, base))).id}`],
    ] as const) {
      const body = method === 'POST' ? { ...base, language: value } : { language: value };
      const response = await h.call(method, target, body);
      expect(response.status).toBe(400);
      const { error } = await json(response);
      expect(error).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.any(String) });
      expect(JSON.stringify(error.details)).toContain('language');
    }
  });
});

it('documents the language field on both resources', async () => {
  const doc = await json(await h.app.request('/api/openapi.json'));
  for (const schema of ['Client', 'Provider', 'CreateClient', 'UpdateProvider']) {
    expect(doc.components.schemas[schema].properties.language).toBeDefined();
  }
});
