// What the paid booking flows need from the composition root; null wherever payments are off.
import type { PaymentGateway } from '../ports/payment-gateway.ts';

export type PaymentDeps = {
  readonly gateway: PaymentGateway;
  /** PAYMENT_HOLD_MINUTES: how long a paid service's booking waits unpaid before release. */
  readonly holdMinutes: number;
  /** Telegram's provider token for native invoices; undefined: Telegram clients get a link too. */
  readonly telegramProviderToken: string | undefined;
  /** Where the processor's page sends the client back: PUBLIC_URL, else http://localhost:PORT. */
  readonly returnBaseUrl: string;
};
