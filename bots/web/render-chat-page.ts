// The web chat's one HTML page, with the persona picker filled in on the server.
import type { Persona } from './web-personas.ts';

/** The picker value the browser turns into a fresh `guest-…` persona. */
const NEW_CLIENT_VALUE = 'new';

/**
 * A complete page that loads only same-origin assets (works offline, fits a strict CSP). Persona
 * names come from the database, so every one is escaped.
 */
export function renderChatPage(personas: readonly Persona[]): string {
  const options = personas
    .map((p) => `<option value="${escapeHtml(p.id)}">${escapeHtml(pickerLabel(p))}</option>`)
    .join('\n          ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Slotline web chat</title>
    <link rel="stylesheet" href="/webchat/assets/web-chat.css">
    <script type="module" src="/webchat/assets/web-chat.js"></script>
  </head>
  <body>
    <header class="top">
      <h1>Slotline <span>web chat</span></h1>
      <label class="picker">Talk as
        <select id="persona" aria-label="Persona">
          ${options}
          <option value="${NEW_CLIENT_VALUE}">New client</option>
        </select>
      </label>
    </header>
    <main id="logs" aria-live="polite"></main>
    <form id="composer" autocomplete="off">
      <input id="line" name="line" maxlength="2000" placeholder="Type a message, or /help" aria-label="Message">
      <button type="submit">Send</button>
    </form>
  </body>
</html>
`;
}

function pickerLabel(persona: Persona): string {
  return persona.kind === 'provider' ? `Provider: ${persona.displayName}` : persona.displayName;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
