// One headless Chromium (Debian's package, driven by playwright-core through its executablePath) for the
// whole run, with a page per person: a phone (375×812, touch) for residents and members, a desktop for
// the desk. Each screen can be photographed into .local/console-screens/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { repositoryRoot } from '@loop/testing';

/** Where Debian installs Chromium (tools/bootstrap/ensure-deps.mjs installs it where missing). */
export const chromiumPath = '/usr/bin/chromium';
/** Where each run's screenshots go. */
export const screenshotDir = join(repositoryRoot, '.local', 'console-screens');

/** A phone as the console is designed for. */
export const phone = {
  viewport: { width: 375, height: 812 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 1,
};
/** A desk screen. */
export const desk = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

/** Launches the shared browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A person's own browser context (own storage, so own session) on the console. */
export async function personPage(
  browser: Browser,
  baseURL: string,
  device: typeof phone | typeof desk,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...device,
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(20_000);
  return { context, page: await context.newPage() };
}

/** Photographs the page as `<name>.png`, once any toast has faded (unless the toast is the subject). */
export async function screenshot(
  page: Page,
  name: string,
  options: { withToast?: boolean } = {},
): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  if (!options.withToast)
    await page
      .locator('.van-toast:visible')
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .catch(() => undefined);
  // A toast photographed mid-transition is half transparent: wait until its animation has ended.
  else await page.waitForFunction("document.querySelector('.van-toast')?.getAnimations().length === 0");
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });
}

/** Signs in through the persona picker as the persona with `key`, and waits for their first screen. */
export async function signInAs(page: Page, key: string, landing: RegExp): Promise<void> {
  await page.goto('/sign-in');
  await page.locator(`[data-persona="${key}"]`).click();
  await page.waitForURL(landing);
}
