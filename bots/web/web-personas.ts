// Who a browser may act as: the demo client, a fresh guest client, or any active provider.
import type { ChatUser } from '../../src/chat/chat-types.ts';
import { isUuid } from '../../src/domain/is-uuid.ts';
import { normalizeTimezone } from '../../src/domain/timezone.ts';
import { translatorFor } from '../../src/i18n/translator.ts';
import type { ProviderDirectory } from '../../src/ports/provider-directory.ts';

/** A persona's id is the web user id the engine sees as ChatUser.platformUserId. */
export type Persona =
  | { readonly kind: 'client'; readonly id: string; readonly displayName: string }
  | {
      readonly kind: 'provider';
      readonly id: string;
      readonly displayName: string;
      readonly providerId: string;
    };

/** The demo client's persona id; the page names it in the reader's language. */
export const DEMO_CLIENT_ID = 'demo-client';
const GUEST = /^guest-[0-9a-f-]{8,36}$/;
const PROVIDER_PREFIX = 'provider-';
/**
 * The names the engine knows the demo client and guests by are fixed (English), like any
 * person's name; the page shows them in the reader's language (render-chat-page.ts).
 */
const NAMES = translatorFor('en');
/** The picker lists at most this many providers; enough for a demo. */
const MAX_PROVIDERS = 25;

/** The picker's personas, demo client first, then active providers oldest first. */
async function listPersonas(directory: ProviderDirectory): Promise<Persona[]> {
  const rows = await directory.listActive(MAX_PROVIDERS);
  return [demoClient(), ...rows.map((row) => providerPersona(row.id, row.name))];
}

/**
 * The persona behind a web user id, or null for an id no picker could have produced (including
 * a provider that does not exist or is inactive). Guests are any `guest-<hex>` id the browser
 * made up, so they need no lookup.
 */
async function resolvePersona(directory: ProviderDirectory, id: string): Promise<Persona | null> {
  if (id === DEMO_CLIENT_ID) return demoClient();
  if (GUEST.test(id)) {
    return { kind: 'client', id, displayName: NAMES.t('web.guest', { id: id.slice(6, 10) }) };
  }
  if (!id.startsWith(PROVIDER_PREFIX)) return null;
  const providerId = id.slice(PROVIDER_PREFIX.length).toLowerCase();
  if (!isUuid(providerId)) return null;
  const row = await directory.findActive(providerId);
  return row ? providerPersona(providerId, row.name) : null;
}

/**
 * The engine's view of a persona on the web platform. An unknown zone becomes null, so the engine
 * asks for one instead of the request failing.
 */
export function personaUser(persona: Persona, timezone: string | null): ChatUser {
  return {
    platform: 'web',
    platformUserId: persona.id,
    displayName: persona.displayName,
    timezone: timezone === null ? null : normalizeTimezone(timezone),
    dmAddress: null,
  };
}

/** Which personas a browser may pick: a strategy, so deployments can hide the provider ones. */
export type PersonaDirectory = {
  list(directory: ProviderDirectory): Promise<Persona[]>;
  resolve(directory: ProviderDirectory, id: string): Promise<Persona | null>;
};

/** Everyone, providers included: the local demo (WEB_CHAT=demo). */
export const demoPersonas: PersonaDirectory = { list: listPersonas, resolve: resolvePersona };

/** Clients only (WEB_CHAT=clients): the public may book, providers use their own chat. */
export const clientPersonas: PersonaDirectory = {
  list: async () => [demoClient()],
  resolve: async (directory, id) => {
    const persona = await resolvePersona(directory, id);
    return persona?.kind === 'client' ? persona : null;
  },
};

function demoClient(): Persona {
  return { kind: 'client', id: DEMO_CLIENT_ID, displayName: NAMES.t('web.demoClient') };
}

function providerPersona(providerId: string, name: string): Persona {
  return { kind: 'provider', id: `${PROVIDER_PREFIX}${providerId}`, displayName: name, providerId };
}
