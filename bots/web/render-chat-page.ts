// The web chat's one HTML page, with the persona picker filled in on the server, in the reader's language.
import type { Translator } from '../../src/i18n/translator.ts';
import { DEMO_CLIENT_ID, type Persona } from './web-personas.ts';

/** The picker value the browser turns into a fresh `guest-…` persona. */
const NEW_CLIENT_VALUE = 'new';
/** The placeholders the page's script fills in the texts it shows itself. */
const GUEST_ID = '{id}';
const ERROR_TEXT = '{error}';

/**
 * A complete page in `t`'s language that loads only same-origin assets (works offline, fits a
 * strict CSP). Persona names come from the database, so every one is escaped. The texts the
 * script shows itself (a new guest's name, a failed send) travel as data attributes with
 * placeholders, so the browser builds no words of its own.
 */
export function renderChatPage(t: Translator, personas: readonly Persona[]): string {
  const options = personas
    .map((p) => `<option value="${escapeHtml(p.id)}">${escapeHtml(pickerLabel(t, p))}</option>`)
    .join('\n          ');
  const guest = escapeHtml(t.t('web.guest', { id: GUEST_ID }));
  const failed = escapeHtml(t.t('web.sendFailed', { error: ERROR_TEXT }));
  return `<!doctype html>
<html lang="${escapeHtml(t.lang)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(t.t('web.title'))}</title>
    <link rel="stylesheet" href="/webchat/assets/web-chat.css">
    <script type="module" src="/webchat/assets/web-chat.js"></script>
  </head>
  <body data-guest-label="${guest}" data-send-failed="${failed}">
    <header class="top">
      <h1>Slotline <span>${escapeHtml(t.t('web.chat'))}</span></h1>
      <label class="picker">${escapeHtml(t.t('web.talkAs'))}
        <select id="persona" aria-label="${escapeHtml(t.t('web.persona'))}">
          ${options}
          <option value="${NEW_CLIENT_VALUE}">${escapeHtml(t.t('web.newClient'))}</option>
        </select>
      </label>
    </header>
    <main id="logs" aria-live="polite"></main>
    <form id="composer" autocomplete="off">
      <input id="line" name="line" maxlength="2000" placeholder="${escapeHtml(t.t('web.placeholder'))}" aria-label="${escapeHtml(t.t('web.message'))}">
      <button type="submit">${escapeHtml(t.t('web.send'))}</button>
    </form>
  </body>
</html>
`;
}

/** The picker's words for a persona: providers say so; the demo client by its role. */
function pickerLabel(t: Translator, persona: Persona): string {
  if (persona.kind === 'provider') return t.t('web.provider', { name: persona.displayName });
  return persona.id === DEMO_CLIENT_ID ? t.t('web.demoClient') : persona.displayName;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
