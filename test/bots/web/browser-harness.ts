// Serves the web chat on 127.0.0.1 and drives it with headless Chromium (see find-chromium.ts).
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import type { BotAdapter } from '../../../bots/bot-adapter.ts';
import { findChromium, mergeSwitches } from './find-chromium.ts';

export type BrowserHarness = {
  readonly page: Page;
  readonly baseUrl: string;
  close(): Promise<void>;
};

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Mounts and starts `adapter` on a fresh app, serves it on an ephemeral port and opens a page in
 * a browser whose zone (and, when given, language: navigator.language and Accept-Language) is
 * fixed, so nothing depends on the machine. close() stops both, browser first so
 * no long poll holds the server open.
 */
export async function openWebChat(
  adapter: BotAdapter,
  timezoneId: string,
  locale?: string,
): Promise<BrowserHarness> {
  const app = new Hono();
  adapter.mount(app);
  await adapter.start();
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close();
    await adapter.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  try {
    const found = await findChromium();
    browser = await chromium.launch({
      executablePath: found.executablePath,
      args: mergeSwitches(CHROMIUM_ARGS, found.args),
      env: { ...process.env, ...found.env },
      headless: true,
    });
    const viewport = { width: 760, height: 900 };
    const page = await browser.newPage({ timezoneId, viewport, ...(locale ? { locale } : {}) });
    return { page, baseUrl: `http://127.0.0.1:${port}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Clicks a button on the newest bubble, where the flow in progress is. */
export function press(log: Locator, name: string): Promise<void> {
  return log.locator('.bubble').last().getByRole('button', { name, exact: true }).click();
}
