import type { Page } from 'playwright-core';

/**
 * Real key events into the focused element through the DevTools protocol, `gapMs` apart, as a
 * Vietnamese input method or a text expander sends them: accented letters as key events of their
 * own (Playwright's keyboard.type inserts letters missing from its US layout without any key
 * event, which no scanner detector would ever see), `Backspace` and `Enter` as those keys.
 */
export async function sendKeys(page: Page, keys: readonly string[], gapMs: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (const key of keys) {
      if (key === 'Backspace') {
        await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code: key, windowsVirtualKeyCode: 8, nativeVirtualKeyCode: 8 });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: key, windowsVirtualKeyCode: 8, nativeVirtualKeyCode: 8 });
      } else if (key === 'Enter') {
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code: key, windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13, text: '\r', unmodifiedText: '\r' });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: key, windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 });
      } else {
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, unmodifiedText: key });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key });
      }
      if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
  } finally {
    await cdp.detach();
  }
}

/**
 * What Unikey (Telex, "send key strokes" mode) emits for a Vietnamese text: each letter's bare key
 * as the person types it, and for an accented letter, at once, a Backspace taking the bare letter
 * back and the accented letter in its place.
 */
export function unikeyKeys(text: string): string[] {
  const keys: string[] = [];
  for (const letter of text.normalize('NFC')) {
    const bare = letter.normalize('NFD').replace(/\p{M}/gu, '').replace('đ', 'd').replace('Đ', 'D');
    keys.push(bare);
    if (bare !== letter) keys.push('Backspace', letter);
  }
  return keys;
}
