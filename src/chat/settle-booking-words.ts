// The words given with /book ('massage with Anna', 'chekup with dr weber') turned into provider
// candidates, and the provider and service when they point at just one (fuzzy names).
import { bestMatches } from './booking-words.ts';
import { bookableNames, type ProviderChoice } from './chat-catalog.ts';
import type { BookingState, Hints } from './conversation-state.ts';
import type { ClientTurn } from './turn.ts';

/** More providers matching the words than this: show everyone instead. */
const MAX_CANDIDATES = 100;

/** Words to provider candidates, and the provider and service when they settle on one. */
export async function settleWords(
  turn: ClientTurn,
  hints: Hints,
): Promise<Pick<BookingState, 'candidates' | 'providerId' | 'serviceId'> & { matched: boolean }> {
  const none = { candidates: null, providerId: null, serviceId: null, matched: false };
  const words = hints.words;
  if (words.length === 0) return none;
  const names = await bookableNames(turn.deps.db);
  let providers: ProviderChoice[] = bestMatches(names.providers, words);
  const services = bestMatches(names.services, words);
  const offering = new Set(services.map((s) => s.providerId));
  if (providers.length > 0 && offering.size > 0) {
    const both = providers.filter((p) => offering.has(p.id));
    if (both.length > 0) providers = both;
  } else if (providers.length === 0) {
    providers = names.providers.filter((p) => offering.has(p.id));
  }
  // Words that fit nobody, or too many to list as candidates, leave the choice open.
  if (providers.length === 0) return none;
  if (providers.length > MAX_CANDIDATES) return { ...none, matched: true };
  const [only] = providers;
  if (providers.length > 1 || only === undefined) {
    return { ...none, candidates: providers.map((p) => p.id), matched: true };
  }
  const own = services.filter((s) => s.providerId === only.id);
  const [service] = own;
  return {
    candidates: [only.id],
    providerId: only.id,
    serviceId: own.length === 1 && service ? service.id : null,
    matched: true,
  };
}
