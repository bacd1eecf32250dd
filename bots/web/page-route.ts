// GET / and the page's two assets: the web chat runs from these alone, no CDN, no build step.
import { readFileSync } from 'node:fs';
import type { Context, Env, Hono } from 'hono';
import { translatorFor } from '../../src/i18n/translator.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import { pageLanguage } from './page-language.ts';
import { renderChatPage } from './render-chat-page.ts';
import type { WebChatDeps } from './web-chat-deps.ts';
import { internalError } from './web-error.ts';

/** Same-origin only: nothing inline, nothing remote. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const ASSETS = {
  'web-chat.js': 'text/javascript; charset=utf-8',
  'web-chat.css': 'text/css; charset=utf-8',
} as const;

/**
 * Serves the page in the browser's language (?lang= overrides Accept-Language; personas read per
 * request, so a new provider appears on reload) and its
 * assets, read once here so a missing file fails at startup rather than in a browser.
 */
export function registerPageRoutes(app: Hono<Env>, deps: WebChatDeps): void {
  for (const [name, type] of Object.entries(ASSETS)) {
    const body = readFileSync(new URL(`./public/${name}`, import.meta.url), 'utf8');
    app.get(`/webchat/assets/${name}`, (c) => {
      c.header('Content-Type', type);
      c.header('Cache-Control', 'no-cache');
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(body);
    });
  }
  app.get('/', async (c) => {
    try {
      const personas = await deps.personas.list(deps.providers);
      const lang = pageLanguage(c.req.query('lang'), c.req.header('Accept-Language'));
      c.header('Content-Security-Policy', CSP);
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Language', lang);
      c.header('Vary', 'Accept-Language');
      return c.html(renderChatPage(translatorFor(lang), personas));
    } catch (error) {
      return pageFault(c, deps, error);
    }
  });
}

function pageFault(c: Context, deps: WebChatDeps, error: unknown) {
  deps.logger.error({ path: c.req.path, err: describeErrorSafely(error) }, 'web chat page failed');
  return internalError(c);
}
