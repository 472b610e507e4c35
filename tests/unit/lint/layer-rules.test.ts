import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

/** Lints `code` as if it lived at `filePath`, returning the rule ids that fired. */
async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layer rules (DESIGN §2)', () => {
  it.each([
    ['src/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", 'no-restricted-imports'],
    ['src/x.ts', "import path from 'path';\nexport const p = path;\n", 'no-restricted-imports'],
    ['src/x.ts', "import { App } from '../renderer/app/App.tsx';\nexport const a = App;\n", 'no-restricted-imports'],
    ['src/x.ts', "import { buildApp } from '../sync/server/app.ts';\nexport const b = buildApp;\n", 'no-restricted-imports'],
    ['src/x.ts', "import { app } from 'electron';\nexport const e = app;\n", 'no-restricted-imports'],
    ['src/x.ts', 'export const title = () => document.title;\n', 'no-restricted-globals'],
    ['src/x.ts', 'export const env = () => process.env;\n', 'no-restricted-globals'],
    ['src/x.ts', 'export const now = () => Date.now();\n', 'no-restricted-properties'],
    ['src/x.ts', 'export const now = () => new Date();\n', 'no-restricted-syntax'],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", 'no-restricted-imports'],
    ['renderer/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n", 'no-restricted-imports'],
    ['renderer/x.ts', 'export const cwd = () => process.cwd();\n', 'no-restricted-globals'],
    ['electron/main/x.ts', "import { App } from '../../renderer/app/App.tsx';\nexport const a = App;\n", 'no-restricted-imports'],
  ])(
    '%s rejects: %s',
    async (filePath, code, rule) => {
      expect(await violations(filePath, code)).toContain(rule);
    },
    // The first lint loads typescript-eslint and the config: over 5 s on a loaded 2-core machine.
    30_000,
  );

  it('accepts what each layer is allowed to do', async () => {
    expect(await violations('src/x.ts', 'export const at = (clock: () => number) => new Date(clock());\n')).toEqual([]);
    expect(await violations('renderer/x.ts', 'export const title = () => document.title;\n')).toEqual([]);
    expect(await violations('sync/server/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).toEqual([]);
  });
});
