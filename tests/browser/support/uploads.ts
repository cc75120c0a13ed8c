/** The portal's document step, as a keyboard user takes it: choosing the file, and following the malware check. */
import type { Page } from 'playwright-core';
import { follow, tabTo } from './browser';

/** Chooses a file with the keyboard: Space on the focused file input opens the chooser. */
export const chooseFile = async (page: Page, path: string) => {
  await tabTo(page, 'input[type="file"]');
  // Chromium now and then drops the first key press on a freshly loaded page's file input: pressed again.
  for (let tries = 1; ; tries += 1) {
    try {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5_000 }), page.keyboard.press('Space')]);
      await chooser.setFiles(path);
      return;
    } catch (error) {
      if (tries === 3) throw error;
    }
  }
};

export const heading = async (page: Page) => (await page.locator('h1').innerText()).trim();

/**
 * "Check again" until the check is over (ClamAV takes a moment); `onPending` runs once, on the first pending page.
 * Answers the heading of the page the check ended on.
 */
export const untilChecked = async (page: Page, words: { readonly pending: string; readonly checkAgain: string }, onPending: () => Promise<void>) => {
  let seenPending = false;
  for (let tries = 0; tries < 60 && (await heading(page)) === words.pending; tries += 1) {
    if (!seenPending) await onPending();
    seenPending = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
    await follow(page, words.checkAgain);
  }
  return heading(page);
};
