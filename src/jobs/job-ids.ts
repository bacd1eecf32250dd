// Deterministic job ids: the same reminder always gets the same UUID, so pg-boss refuses a copy.
import { createHash } from 'node:crypto';

// A fixed namespace keeps Slotline's ids apart from any other name-based UUIDs.
const NAMESPACE = 'slotline:jobs:v1';

/**
 * A UUID (version 5 layout: SHA-1 of namespace and name, version and variant bits set) derived
 * from `parts`. Equal parts give an equal id on every instance and every run; pg-boss's send
 * answers null for an id it already holds, which makes the id an idempotency key.
 */
export function deterministicJobId(parts: readonly string[]): string {
  const hash = createHash('sha1')
    .update(`${NAMESPACE}\n${parts.join('\n')}`)
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
