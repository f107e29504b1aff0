/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, where `window` exists.
import { describe, expect, it } from 'vitest';
import { E2E_CLIENT_DIR, screenshot, useBrowser } from '../helpers/browser.ts';
import { api, cookieOf } from '../helpers/http-client.ts';
import type { TestServer } from '../helpers/test-server.ts';
import { useTestbed } from '../helpers/testbed.ts';
import { createDraft } from './draft-page.ts';

const bed = useTestbed();
const browser = useBrowser();

/** 4 Mbit/s both ways with 40 ms of latency, as Chrome DevTools' throttling applies it. */
const LINK = {
  offline: false,
  latency: 40,
  downloadThroughput: 4_000_000 / 8,
  uploadThroughput: 4_000_000 / 8,
};

/** Opens the draft page cold (no cache) over the simulated link; the time until the text is on screen, and the bytes that crossed it. */
async function firstLoad(server: TestServer, draftId: string, encoding: string | null) {
  const { page, context } = await browser.page(server, { width: 1440, height: 900 });
  const signedIn = await api(server, '/auth/sign-in', {
    origin: server.browserUrl,
    body: { username: server.workspace.users.editor.username, password: server.workspace.password },
  });
  const [name, value] = cookieOf(signedIn).split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.browserUrl }]);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', LINK);
  if (encoding !== null)
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': encoding } });
  let bytes = 0;
  cdp.on(
    'Network.loadingFinished',
    (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength),
  );
  const started = Date.now();
  await page.goto(`/drafts/${draftId}`);
  await page.waitForFunction(
    () =>
      (window as unknown as { __vkEditor?: { getText(): string } }).__vkEditor
        ?.getText()
        .includes('Mở đầu') ?? false,
    undefined,
    { timeout: 30_000, polling: 50 },
  );
  const ms = Date.now() - started;
  return { ms, bytes, page };
}

describe('first load of the draft page', () => {
  it('loads over a 4 Mbit/s link, compressed to less than half (the time is reported, with and without)', async () => {
    const server = await bed.start({}, { clientDir: E2E_CLIENT_DIR });
    const draftId = await createDraft(server);
    const plain = await firstLoad(server, draftId, 'identity');
    const compressed = await firstLoad(server, draftId, null);
    await screenshot(compressed.page, 'first-load-1440');
    console.log(
      `draft page, cold, 4 Mbit/s + 40 ms: compressed ${compressed.ms} ms (${Math.round(compressed.bytes / 1024)} KiB); ` +
        `uncompressed ${plain.ms} ms (${Math.round(plain.bytes / 1024)} KiB)`,
    );
    expect(compressed.bytes).toBeLessThan(plain.bytes / 2);
    // The 3 s target is a measurement (the figure above, recorded in docs/architecture.md), not
    // a timed assertion that a loaded machine fails; this bound only catches a hang.
    expect(compressed.ms).toBeLessThan(15_000);
  });
});
