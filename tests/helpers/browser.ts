import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';
import { CHROMIUM_LAUNCH } from './chromium.ts';
import type { TestServer } from './test-server.ts';
import type { Persona } from './workspace.ts';

/** Where the e2e client build lives (built once per run by tests/e2e/build-client.ts). */
export const E2E_CLIENT_DIR = path.resolve(import.meta.dirname, '../../dist/e2e-client');
/** Screenshots of each page, kept as test artifacts (git-ignored). */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../dist/e2e-screenshots');

/** A browser page with every console error and page error collected. */
export interface TestPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly errors: string[];
}

/** Shares one Chromium per test file; each `page()` gets its own context (its own cookies). */
export function useBrowser() {
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    /** A fresh page (new context) on the test server, at 1280×800 unless told otherwise. */
    async page(server: TestServer, viewport = { width: 1280, height: 800 }): Promise<TestPage> {
      browser ??= await chromium.launch(CHROMIUM_LAUNCH);
      const context = await browser.newContext({ viewport, baseURL: server.browserUrl });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, context, errors };
    },
  };
}

/** Signs a persona in through the sign-in form and waits for the home page. */
export async function signInAs(page: Page, server: TestServer, persona: Persona): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/Tên đăng nhập|Username/).fill(server.workspace.users[persona].username);
  await page.getByLabel(/Mật khẩu|Password/).fill(server.workspace.password);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await page.getByRole('heading', { name: /Dự thảo văn kiện|Congress document drafts/ }).waitFor();
}

/**
 * Saves a screenshot as a test artifact, of the whole page unless `fullPage` is false. On a
 * loaded machine a full-page capture (Chromium lays the page out at its full height for it)
 * was seen to take the focus from a field, closing its suggestion list: where a test goes on
 * typing afterwards, capture the window only.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}
