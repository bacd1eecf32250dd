// The fake's Checkout Session endpoints: create (validated like Stripe), retrieve and expire.
import { type FormFields, objectField, textField } from './stripe-form.ts';
import {
  expireSession,
  type FakeLineItem,
  type FakeSession,
  type StripeState,
} from './stripe-state.ts';
import {
  integerParam,
  invalidRequest,
  missingParam,
  noSuch,
  StripeRefusal,
  stripeError,
  stripeId,
} from './stripe-wire.ts';

export type RouteContext = {
  readonly state: StripeState;
  readonly baseUrl: string;
  readonly apiVersion: string;
  /** The fake's clock in Unix seconds. */
  readonly nowSeconds: () => number;
};

const MAX_AMOUNT = 99_999_999;
// Stripe's minimum charge in a few presentment currencies (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).
const MINIMUMS: Record<string, number> = { usd: 50, eur: 50, gbp: 30, chf: 50, jpy: 50 };
const SESSION_PARAMS = new Set([
  'mode',
  'line_items',
  'metadata',
  'client_reference_id',
  'success_url',
  'cancel_url',
  'expires_at',
  'payment_intent_data',
  'expand',
  'locale',
]);
// Checkout's page languages (docs.stripe.com/api/checkout/sessions/create#create_checkout_session-locale).
const LOCALES = new Set(
  'auto bg cs da de el en en-GB es es-419 et fi fil fr fr-CA hr hu id it ja ko lt lv ms mt nb nl pl pt pt-BR ro ru sk sl sv th tr vi zh zh-HK zh-TW'.split(
    ' ',
  ),
);

/** The session's `locale`, refused like Stripe does when it is not one Checkout speaks. */
function localeParam(fields: FormFields): string | null {
  const locale = textField(fields, 'locale');
  if (locale === undefined) return null;
  if (!LOCALES.has(locale)) throw invalidRequest(`Invalid locale: ${locale}`, undefined, 'locale');
  return locale;
}

/** Refuses any parameter Stripe would not know, as parameter_unknown. */
export function refuseUnknown(fields: FormFields, known: ReadonlySet<string>): void {
  for (const key of Object.keys(fields)) {
    if (!known.has(key)) {
      throw invalidRequest(`Received unknown parameter: ${key}`, 'parameter_unknown', key);
    }
  }
}

/** Metadata as Stripe takes it: at most 50 string values, keys up to 40 characters. */
export function metadataParam(fields: FormFields, param: string): Record<string, string> {
  const raw = fields.metadata;
  if (raw === undefined) return {};
  const meta = objectField(fields, 'metadata');
  const entries = Object.entries(meta ?? {});
  if (meta === undefined || entries.length > 50)
    throw invalidRequest('Invalid metadata', undefined, param);
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (typeof value !== 'string' || key.length > 40 || value.length > 500) {
      throw invalidRequest(`Invalid metadata[${key}]`, undefined, `${param}[${key}]`);
    }
    out[key] = value;
  }
  return out;
}

function urlParam(fields: FormFields, name: string, required: boolean): string | null {
  const value = textField(fields, name);
  if (value === undefined) {
    if (required) throw missingParam(name);
    return null;
  }
  if (!URL.canParse(value)) throw invalidRequest(`Not a valid URL`, 'url_invalid', name);
  return value;
}

function lineItems(fields: FormFields): FakeLineItem[] {
  const items = fields.line_items;
  if (items === undefined) throw missingParam('line_items');
  if (!Array.isArray(items) || items.length === 0) {
    throw invalidRequest('Invalid array', undefined, 'line_items');
  }
  return items.map((item, i) => {
    const param = `line_items[${i}]`;
    if (typeof item === 'string' || Array.isArray(item))
      throw invalidRequest('Invalid object', undefined, param);
    const priceData = objectField(item, 'price_data');
    if (priceData === undefined) throw missingParam(`${param}[price_data]`);
    const currency = textField(priceData, 'currency');
    if (currency === undefined || !/^[a-z]{3}$/.test(currency)) {
      throw invalidRequest(
        `Invalid currency: ${currency ?? ''}`,
        undefined,
        `${param}[price_data][currency]`,
      );
    }
    const unitAmount = integerParam(
      textField(priceData, 'unit_amount'),
      `${param}[price_data][unit_amount]`,
    );
    if (unitAmount === undefined) throw missingParam(`${param}[price_data][unit_amount]`);
    if (unitAmount < 0)
      throw invalidRequest(
        'This value must be greater than or equal to 0.',
        undefined,
        `${param}[price_data][unit_amount]`,
      );
    const name = textField(objectField(priceData, 'product_data') ?? {}, 'name');
    if (!name) throw missingParam(`${param}[price_data][product_data][name]`);
    const quantity = integerParam(textField(item, 'quantity'), `${param}[quantity]`);
    if (quantity === undefined || quantity < 1) throw missingParam(`${param}[quantity]`);
    return { currency, unitAmount, quantity, name };
  });
}

function checkAmount(items: readonly FakeLineItem[]): { total: number; currency: string } {
  const currency = items[0]?.currency ?? '';
  if (items.some((item) => item.currency !== currency)) {
    throw invalidRequest('All line items must share one currency', undefined, 'line_items');
  }
  const total = items.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
  if (total > MAX_AMOUNT) {
    throw invalidRequest('Amount must be no more than 99999999', 'amount_too_large', 'line_items');
  }
  if (total < (MINIMUMS[currency] ?? 1)) {
    throw invalidRequest(
      `Amount must be at least the minimum charge in ${currency}`,
      'amount_too_small',
      'line_items',
    );
  }
  return { total, currency };
}

function expiresAt(fields: FormFields, now: number): number {
  const value = integerParam(textField(fields, 'expires_at'), 'expires_at') ?? now + 86_400;
  if (value < now + 1800) {
    throw invalidRequest(
      'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.',
      undefined,
      'expires_at',
    );
  }
  if (value > now + 86_400) {
    throw invalidRequest(
      'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.',
      undefined,
      'expires_at',
    );
  }
  return value;
}

/** POST /v1/checkout/sessions: mode=payment with price_data line items. */
export function createSession(ctx: RouteContext, fields: FormFields): FakeSession {
  refuseUnknown(fields, SESSION_PARAMS);
  const mode = textField(fields, 'mode');
  if (mode === undefined) throw missingParam('mode');
  if (mode !== 'payment')
    throw invalidRequest(`The fake supports mode=payment only, not ${mode}`, undefined, 'mode');
  const items = lineItems(fields);
  const { total, currency } = checkAmount(items);
  const now = ctx.nowSeconds();
  const reference = textField(fields, 'client_reference_id') ?? null;
  if (reference !== null && reference.length > 200)
    throw invalidRequest('Too long', undefined, 'client_reference_id');
  const session: FakeSession = {
    id: stripeId('cs_test'),
    object: 'checkout.session',
    amount_subtotal: total,
    amount_total: total,
    cancel_url: urlParam(fields, 'cancel_url', false),
    client_reference_id: reference,
    created: now,
    currency,
    expires_at: expiresAt(fields, now),
    livemode: false,
    locale: localeParam(fields),
    metadata: metadataParam(fields, 'metadata'),
    mode: 'payment',
    payment_intent: null,
    payment_status: 'unpaid',
    status: 'open',
    success_url: urlParam(fields, 'success_url', true) ?? '',
    url: null,
  };
  session.url = `${ctx.baseUrl}/c/pay/${session.id}`;
  const intentData = objectField(fields, 'payment_intent_data') ?? {};
  ctx.state.paymentIntentMetadata.set(
    session.id,
    metadataParam(intentData, 'payment_intent_data[metadata]'),
  );
  ctx.state.sessions.set(session.id, session);
  ctx.state.lineItems.set(session.id, items);
  return session;
}

/** GET /v1/checkout/sessions/:id, expiring first a session whose expires_at has passed. */
export function retrieveSession(ctx: RouteContext, id: string): FakeSession {
  const session = ctx.state.sessions.get(id);
  if (session === undefined) throw noSuch('checkout.session', id, 'session');
  if (session.status === 'open' && ctx.nowSeconds() >= session.expires_at) {
    expireSession(ctx.state, session, { created: ctx.nowSeconds(), apiVersion: ctx.apiVersion });
  }
  return session;
}

/** POST /v1/checkout/sessions/:id/expire: only an open session can be expired. */
export function expireSessionRoute(ctx: RouteContext, id: string): FakeSession {
  const session = retrieveSession(ctx, id);
  if (session.status !== 'open') {
    throw new StripeRefusal(
      stripeError(
        400,
        'invalid_request_error',
        'Only Checkout Sessions with a status of `open` can be expired.',
        { shouldRetry: false },
      ),
    );
  }
  expireSession(ctx.state, session, { created: ctx.nowSeconds(), apiVersion: ctx.apiVersion });
  return session;
}
