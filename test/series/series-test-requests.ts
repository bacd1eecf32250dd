// Series requests for tests: a fixture's provider, service and client, a fresh key, no payments.
import { randomUUID } from 'node:crypto';
import type { SeriesRequest } from '../../src/series/series-types.ts';
import type { Fixture } from '../support/fixtures.ts';

/** `occurrences` weekly occurrences from `first` in the fixture's zone, with a new key. */
export function seriesRequest(
  f: Fixture,
  first: string,
  occurrences: number,
  extra: Partial<SeriesRequest> = {},
): SeriesRequest {
  return {
    providerId: f.providerId,
    serviceId: f.serviceId,
    clientId: f.clientId,
    firstStart: new Date(first),
    timezone: f.timezone,
    occurrences,
    intervalWeeks: 1,
    notes: null,
    idempotencyKey: randomUUID(),
    actor: 'admin',
    paymentHoldMinutes: null,
    ...extra,
  };
}
