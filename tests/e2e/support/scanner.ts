import type { Page } from 'playwright-core';

interface KeyLog {
  __scanKeyTimes?: number[];
  __scanKeyLogInstalled?: boolean;
}

/**
 * A USB barcode scanner in keyboard mode: real keystrokes `delayMs` apart, then Enter, into
 * whatever has the focus. Returns the gaps (ms) between the keys as the page received them, so a
 * failure can say whether the machine delivered a "scan" too slowly to be one.
 */
export async function scanWithKeyboard(page: Page, text: string, delayMs: number): Promise<number[]> {
  await page.evaluate(() => {
    const log = window as unknown as KeyLog;
    log.__scanKeyTimes = [];
    if (log.__scanKeyLogInstalled) return;
    log.__scanKeyLogInstalled = true;
    window.addEventListener('keydown', (event) => log.__scanKeyTimes?.push(event.timeStamp), { capture: true });
  });
  await page.keyboard.type(text, { delay: delayMs });
  await page.keyboard.press('Enter');
  const times = await page.evaluate(() => (window as unknown as KeyLog).__scanKeyTimes ?? []);
  return times.slice(1).map((time, index) => time - (times[index] ?? time));
}

/** "25 gaps, mean 14 ms, max 95 ms": for assertion messages. */
export function describeGaps(gaps: readonly number[]): string {
  if (gaps.length === 0) return 'no keys seen';
  const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
  return `${gaps.length} gaps, mean ${mean.toFixed(1)} ms, max ${Math.max(...gaps).toFixed(1)} ms`;
}
