// Who gets money back when an appointment ends without taking place. No payment processor yet:
// refund_status is the record one would act on.
import type { PartyRole, RefundStatus } from './appointment.ts';

const HOUR = 3_600_000;

/**
 * Refund status after a cancellation or decline. A free appointment has nothing to refund (NONE).
 * The provider cancelling or declining always owes a refund. A client cancelling at least
 * `cancellationHours` before the start is owed one; later, NO_REFUND.
 */
export function decideRefund(input: {
  readonly by: PartyRole;
  readonly price: number;
  readonly startTime: Date;
  readonly cancellationHours: number;
  readonly now: Date;
}): RefundStatus {
  if (input.price <= 0) return 'NONE';
  if (input.by === 'PROVIDER') return 'REFUND_DUE';
  const deadline = input.startTime.getTime() - input.cancellationHours * HOUR;
  return input.now.getTime() <= deadline ? 'REFUND_DUE' : 'NO_REFUND';
}
