import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PageSize } from '../../src/bridge/desk-bridge.ts';
import formsCss from './forms/forms.css?inline';

const pageRule: Record<PageSize, string> = {
  A4: '@page { size: A4 portrait; margin: 0; }',
  A5: '@page { size: A5 portrait; margin: 0; }',
  '80mm': '@page { size: 80mm auto; margin: 0; }',
};

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/**
 * A complete, self-contained HTML document (styles inline, no scripts) for the desk bridge and
 * for the preview iframe: the preview shows exactly the bytes that are printed.
 */
export function documentHtml(content: ReactElement | string, pageSize: PageSize, title: string): string {
  const body = typeof content === 'string' ? content : renderToStaticMarkup(content);
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>${formsCss}\n${pageRule[pageSize]}</style></head>` +
    `<body class="print-doc page-${pageSize}">${body}</body></html>`
  );
}
