import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 19 point 6: the desk and the server call a desk "quầy" (counter), as officers do; "bàn"
 * ("table") said the same thing in half the messages. "Bàn giao" (hand-over) is another word.
 */
const root = join(import.meta.dirname, '../../..');
const BAN = /(^|[^\p{L}\p{N}])[Bb]àn(?! giao)(?=$|[^\p{L}\p{N}])/gu;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path);
    return /\.(ts|tsx|md)$/.test(name) ? [path] : [];
  });
}

describe('one word for a desk', () => {
  it('is "quầy" in every message of the desk, the server, the admin command line and the README', () => {
    const files = [...['src', 'renderer', 'sync', 'electron'].flatMap((dir) => filesUnder(join(root, dir))), join(root, 'README.md')];
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .normalize('NFC')
        .split('\n')
        .flatMap((line, index) => (line.match(BAN) ? [`${relative(root, file)}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
