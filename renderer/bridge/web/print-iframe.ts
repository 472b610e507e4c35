import type { PageSize } from '../../../src/bridge/desk-bridge.ts';

const pageCss: Record<PageSize, string> = {
  A4: '@page { size: A4; }',
  A5: '@page { size: A5; }',
  '80mm': '@page { size: 80mm auto; margin: 0; }',
};

/**
 * Prints a self-contained HTML document in a hidden, sandboxed iframe so the app's
 * own page is never what gets printed. Without `allow-scripts` the document's
 * scripts do not run; `allow-modals` is what lets `print()` open its dialog.
 */
export async function printInHiddenIframe(html: string, pageSize: PageSize, landscape = false): Promise<void> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;left:-10000px;top:0';
  const orientation = landscape ? '@page { size: landscape; }' : '';
  frame.srcdoc = html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}<style>${pageCss[pageSize]}${orientation}</style>`);
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  document.body.append(frame);
  try {
    await loaded;
    const view = frame.contentWindow;
    if (!view) throw new Error('iframe has no window');
    view.focus();
    view.print();
  } finally {
    // print() returns when the dialog closes; give the spooler a tick before removal.
    setTimeout(() => frame.remove(), 1000);
  }
}
