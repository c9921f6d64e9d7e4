// Builds dist/: `tsx scripts/build.ts [outDir]`. Three bundles, each made by ncc and each read
// only by the steps that use it:
// - steps.js: both steps (src/steps.ts), shared by the entries main.js and post.js (src/main.ts,
//   src/post.ts, transpiled, not bundled);
// - github-api.js: @actions/github (src/github-api.ts), imported only by a main step that calls
//   GitHub; minified, as it is only third-party code;
// - undici.cjs: undici, once for both bundles, which resolve `undici` to
//   src/undici-on-first-use.ts (tsconfig.json `paths`): read only when a GitHub call or a proxy
//   needs it; minified.
// licenses.txt holds the third-party licences ncc collects for each bundle.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = ['main', 'post'] as const;

/** Where a dependency's code starts; not require.resolve, which tsx would send through tsconfig.json's `paths`. */
function packageMain(name: string): string {
  const directory = join('node_modules', name);
  const { main = 'index.js' } = JSON.parse(readFileSync(join(PROJECT_ROOT, directory, 'package.json'), 'utf8')) as { main?: string };
  return join(directory, main);
}

interface Bundle {
  entry: string;
  file: string;
  minify: boolean;
}

const BUNDLES: Bundle[] = [
  { entry: 'src/steps.ts', file: 'steps.js', minify: false },
  { entry: 'src/github-api.ts', file: 'github-api.js', minify: true },
  { entry: packageMain('undici'), file: 'undici.cjs', minify: true },
];

/** Bundles one entry into `outDir`/`file`; returns the licences ncc collected for it. */
async function ncc({ entry, file, minify }: Bundle, outDir: string): Promise<string> {
  const cli = join(PROJECT_ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  const scratch = mkdtempSync(join(outDir, '.ncc-'));
  // --transpile-only: type checking is `npm run typecheck`'s job; ncc alone would take three times as long.
  // --no-cache: ncc's cache keeps how modules resolved, and would miss a change to tsconfig.json's `paths`.
  const args = [cli, 'build', entry, '--out', scratch, '--license', 'licenses.txt', '--transpile-only', '--no-cache', '--quiet', ...(minify ? ['--minify'] : [])];
  try {
    const { stderr } = await promisify(execFile)(process.execPath, args, { cwd: PROJECT_ROOT });
    process.stderr.write(stderr);
    renameSync(join(scratch, 'index.js'), join(outDir, file));
    return readFileSync(join(scratch, 'licenses.txt'), 'utf8');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function build(outDir: string): Promise<void> {
  // Side by side: ncc takes one entry per run, and a run is mostly one core's work.
  const licenses = await Promise.all(BUNDLES.map((bundle) => ncc(bundle, outDir)));
  writeFileSync(join(outDir, 'licenses.txt'), licenses.join(''));
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
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
