// Builds dist/: `tsx scripts/build.ts [outDir]`.
// - steps.js: both steps (src/steps.ts) bundled once with ncc, shared by the two entries;
// - main.js, post.js: the three-line entries (src/main.ts, src/post.ts), transpiled, not bundled;
// - github-api/index.js: @actions/github (src/github-api.ts), bundled on its own, which the main
//   step imports at run time only to call GitHub.
// Each bundle comes with the licences ncc collects for it.

import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = ['main', 'post'] as const;

async function ncc(entry: string, outDir: string): Promise<void> {
  const cli = join(PROJECT_ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  // --transpile-only: type checking is `npm run typecheck`'s job; ncc alone would take three times as long.
  const args = [cli, 'build', entry, '--out', outDir, '--license', 'licenses.txt', '--transpile-only', '--quiet'];
  const { stderr } = await promisify(execFile)(process.execPath, args, { cwd: PROJECT_ROOT });
  process.stderr.write(stderr);
}

export async function build(outDir: string): Promise<void> {
  const steps = join(outDir, '.steps');
  // The two bundles side by side: ncc takes one entry per run, and a run is mostly one core's work.
  await Promise.all([ncc('src/steps.ts', steps), ncc('src/github-api.ts', join(outDir, 'github-api'))]);
  renameSync(join(steps, 'index.js'), join(outDir, 'steps.js'));
  for (const file of ['licenses.txt', 'package.json']) renameSync(join(steps, file), join(outDir, file));
  rmSync(steps, { recursive: true, force: true });
  for (const entry of ENTRIES) {
    const source = readFileSync(join(PROJECT_ROOT, 'src', `${entry}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(join(outDir, `${entry}.js`), outputText);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDir = process.argv[2] ?? join(PROJECT_ROOT, 'dist');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build(outDir);
}
