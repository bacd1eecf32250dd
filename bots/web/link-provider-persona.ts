// Ties provider personas' web identities to their providers, through `/link CODE` like a person.
import { randomUUID } from 'node:crypto';
import type { ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import type { WebChatDeps } from './web-chat-deps.ts';
import { type Persona, personaUser } from './web-personas.ts';

/**
 * For a provider persona whose web identity is not yet linked to that provider, issues a link
 * code and sends `/link CODE` through the engine exactly as a provider would type it, returning
 * the engine's replies; [] for clients, already linked personas and a provider deleted meanwhile.
 * Going through the engine keeps one linking path for every platform. Two first requests at once
 * may both link; the second code is simply used up as well.
 */
export async function linkProviderPersona(
  deps: WebChatDeps,
  persona: Persona,
  user: ChatUser,
): Promise<ChatMessage[]> {
  if (persona.kind !== 'provider') return [];
  if (await deps.providers.isLinkedOnWeb(user.platformUserId, persona.providerId)) return [];
  const code = await deps.providers.issueLinkCode(persona.providerId);
  // null: the provider went away since the persona was resolved; the event goes on unlinked.
  if (code === null) return [];
  return deps.handle({
    user,
    input: { kind: 'command', command: 'link', args: code },
    updateId: randomUUID(),
  });
}

/**
 * Links every provider persona the picker lists, so approval requests for bookings made before
 * anyone opened a provider persona still reach its web inbox. The engine DMs every identity of a
 * provider, so this adds a web copy and takes nothing from their real chat platforms.
 */
export async function linkAllProviderPersonas(deps: WebChatDeps): Promise<void> {
  for (const persona of await deps.personas.list(deps.providers)) {
    await linkProviderPersona(deps, persona, personaUser(persona, null));
  }
}
