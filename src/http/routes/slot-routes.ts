// Slot route: the start times a service can be booked at, in the provider's time zone.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listSlots } from '../../booking/list-slots.ts';
import { isUuid } from '../../domain/is-uuid.ts';
import { notFound } from '../../domain/outcome.ts';
import type { AppDeps } from '../app-deps.ts';
import { sendFailure } from '../failure-response.ts';
import { calendarDate, IdParam } from '../input/common-input.ts';
import { respondJson } from '../json/respond-json.ts';
import { SlotListJson, slotListJsonBytes } from '../json/slot-json.ts';
import { errorResponses, jsonResponse } from '../openapi-responses.ts';

const SlotQuery = z.object({
  service_id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'service_id', in: 'query' } }),
  date: calendarDate.openapi({
    param: { name: 'date', in: 'query' },
    description: "First day, in the provider's zone",
  }),
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(62)
    .default(1)
    .openapi({ param: { name: 'days', in: 'query' }, description: 'Number of days, 1-62' }),
});

const list = createRoute({
  method: 'get',
  path: '/api/providers/{id}/slots',
  tags: ['Slots'],
  summary: 'Bookable slots of a service',
  description:
    'Exactly the starts POST /api/appointments would accept now; times carry the provider offset.',
  request: { params: IdParam, query: SlotQuery },
  responses: { 200: jsonResponse(SlotListJson, 'The slots'), ...errorResponses(400, 404) },
});

export function registerSlotRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(list, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    // listSlots casts ids to uuid in SQL; a malformed one must read as unknown, not as a fault.
    if (!isUuid(id)) return sendFailure(c, notFound('provider'));
    if (!isUuid(query.service_id)) return sendFailure(c, notFound('service'));
    const input = {
      providerId: id,
      serviceId: query.service_id,
      from: query.date,
      days: query.days,
    };
    const result = await listSlots(deps.db, input, deps.clock());
    if (!result.ok) return sendFailure(c, result);
    const { timezone, slots, closed, full } = result.value;
    // The bytes c.json would send, serialised without the object tree (6,000 slots).
    const json = slotListJsonBytes(timezone, slots, closed, full);
    return respondJson<SlotListJson, 200>(c, json, 200);
  });
}
