import { describe, expect, it, vi } from 'vitest';
import { shellScanAction } from '../../../renderer/app/shell-scan.ts';
import { createScanHandlerStack } from '../../../renderer/scanner/scan-handlers.ts';

describe('scan handler stack', () => {
  it('asks the top-most handler first and stops at the first that uses the scan', () => {
    const stack = createScanHandlerStack();
    const calls: string[] = [];
    stack.push({ handle: () => (calls.push('screen'), true) });
    stack.push({ handle: () => (calls.push('dialog'), false) });
    const fallback = vi.fn();
    stack.dispatch('ABCDEF', fallback);
    expect(calls).toEqual(['dialog', 'screen']);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('falls back with what the registered screens accept, and forgets removed handlers', () => {
    const stack = createScanHandlerStack();
    const removeCard = stack.push({ handle: () => false, accepts: 'mã QR trên thẻ căn cước' });
    const fallback = vi.fn();
    stack.dispatch('HELLO-WORLD', fallback);
    expect(fallback).toHaveBeenLastCalledWith('HELLO-WORLD', ['mã QR trên thẻ căn cước']);
    removeCard();
    stack.dispatch('HELLO-WORLD', fallback);
    expect(fallback).toHaveBeenLastCalledWith('HELLO-WORLD', []);
  });
});

describe('shell scan action', () => {
  it('opens a dossier code', () => {
    expect(shellScanAction('000.00.12.H23-251124-1001', [])).toEqual({ kind: 'open', path: `/ho-so/${encodeURIComponent('000.00.12.H23-251124-1001')}` });
  });

  it('names what was scanned and what would have been read', () => {
    expect(shellScanAction('HELLO-WORLD-42', ['mã QR trên thẻ căn cước'])).toEqual({
      kind: 'unrecognised',
      message: 'Mã vừa quét "HELLO-WORLD-42" không phải mã hồ sơ hay mã QR trên thẻ căn cước, nên chưa mở được gì.',
    });
    const long = shellScanAction('X'.repeat(100), []);
    expect(long).toMatchObject({ kind: 'unrecognised', message: `Mã vừa quét "${'X'.repeat(60)}…" không phải mã hồ sơ, nên chưa mở được gì.` });
  });
});
