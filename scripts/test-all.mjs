// `npm test`: every check CI relies on, in order, with one summary line at the end.
// Steps keep running after a failure so one run shows everything that is broken.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = join(tmpdir(), `motcua-test-${process.pid}`);
mkdirSync(reports, { recursive: true });

const vitest = (project, extra = []) => ({
  name: project,
  command: 'npx',
  args: ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${project}.json`)}`, ...extra],
  report: join(reports, `${project}.json`),
});

const steps = [
  { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'electron security', command: 'npm', args: ['run', '--silent', 'security:electron'] },
  vitest('unit', ['--coverage']),
  vitest('integration'),
  vitest('e2e'),
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const result = spawnSync(step.command, step.args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) failedSteps.push(step.name);
  if (step.report) {
    try {
      const json = JSON.parse(readFileSync(step.report, 'utf8'));
      totals.passed += json.numPassedTests;
      totals.failed += json.numFailedTests;
      totals.skipped += json.numPendingTests + json.numTodoTests;
    } catch {
      // The runner crashed before writing a report: the failed step already says so.
    }
  }
}
rmSync(reports, { recursive: true, force: true });

console.log('');
if (failedSteps.length > 0) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
