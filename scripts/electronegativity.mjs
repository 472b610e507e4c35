// Electronegativity over electron/ and the renderer (CI). Fails on any HIGH or MEDIUM
// finding that electron/electronegativity.json does not justify.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = JSON.parse(readFileSync(join(root, 'electron', 'electronegativity.json'), 'utf8'));
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const out = mkdtempSync(join(tmpdir(), 'electronegativity-'));

/** Splits one CSV line (electronegativity quotes fields that may hold commas). */
function csvFields(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}

let failures = 0;
try {
  for (const input of ['electron', 'renderer']) {
    const report = join(out, `${input}.csv`);
    const run = spawnSync(
      process.execPath,
      [cli, '-i', join(root, input), '-e', electronVersion, '-x', Object.keys(config.excludedChecks).join(','), '-o', report],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) {
      console.error(run.stdout, run.stderr);
      throw new Error(`electronegativity failed on ${input}`);
    }
    const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean).map(csvFields);
    for (const [check, severity, confidence, filename, location] of rows) {
      if (severity !== 'HIGH' && severity !== 'MEDIUM') continue;
      const file = filename === 'N/A' ? 'N/A' : relative(root, filename);
      const justified = config.justified.find((entry) => entry.input === input && entry.check === check && entry.file === file);
      const line = `[${input}] ${severity} ${confidence} ${check} ${file}:${location}`;
      if (justified) console.log(`justified: ${line}`);
      else {
        console.error(`NOT JUSTIFIED: ${line}`);
        failures += 1;
      }
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (failures > 0) process.exit(1);
console.log('electronegativity: no unjustified high or medium findings');
