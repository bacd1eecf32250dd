// The translator for one party of an appointment: the language stored for that person.
import type { AppointmentView } from '../chat/appointment-view.ts';
import { languageOf } from '../i18n/resolve-language.ts';
import { type Translator, translatorFor } from '../i18n/translator.ts';
import type { Party } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';

/**
 * Speaks to `party` of the appointment in their own language (clients.language or
 * providers.language), never the actor's; one with none stored reads the default language.
 */
export function partyTranslator(
  deps: Pick<JobsDeps, 'defaultLanguage'>,
  view: AppointmentView,
  party: Party,
): Translator {
  const stored = party === 'client' ? view.clientLanguage : view.providerLanguage;
  return translatorFor(languageOf(stored ?? null, deps.defaultLanguage ?? 'en'));
}
