// Builds dist/: `tsx scripts/build.ts [outDir]`. Two bundles made by ncc, each read only by the
// steps that use it:
// - steps.js: both steps (src/steps.ts), shared by the entries main.js and post.js (src/main.ts,
//   src/post.ts, transpiled, not bundled);
// - github-api.js: @actions/github (src/github/github-api.ts), imported only by a main step that
//   calls GitHub; minified, as it is only third-party code.
// Both resolve `undici` to src/http/undici-stand-in.ts (tsconfig.json `paths`). A warning from the
// bundler fails the build: among them, a bundle importing from undici a name the stand-in lacks.
// licenses.txt holds the third-party licences ncc collects for each bundle.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = ['main', 'post'] as const;

interface Bundle {
  entry: string;
  file: string;
  minify: boolean;
}

const BUNDLES: Bundle[] = [
  { entry: 'src/steps.ts', file: 'steps.js', minify: false },
  { entry: 'src/github/github-api.ts', file: 'github-api.js', minify: true },
];

interface NccResult {
  code: string;
  assets: Record<string, { source: string | Buffer }>;
  stats: { compilation: { warnings: Array<{ message: string }> } };
}
type Ncc = (entry: string, options: Record<string, unknown>) => Promise<NccResult>;

/** Bundles one entry; returns its code and the licences ncc collected for it. */
export async function bundle({ entry, minify }: Bundle): Promise<{ code: string; licenses: string }> {
  const ncc = createRequire(import.meta.url)('@vercel/ncc') as Ncc;
  // transpileOnly: type checking is `npm run typecheck`'s job; ncc alone would take three times as long.
  // cache: false: ncc's cache keeps how modules resolved, and would miss a change to tsconfig.json's `paths`.
  const { code, assets, stats } = await ncc(join(PROJECT_ROOT, entry), { minify, transpileOnly: true, cache: false, quiet: true, license: 'licenses.txt' });
  const warnings = stats.compilation.warnings.map((warning) => warning.message);
  if (warnings.length > 0) throw new Error(`bundling ${entry} gave warnings, which fail the build:\n${warnings.join('\n')}`);
  return { code, licenses: String(assets['licenses.txt']?.source ?? '') };
}

export async function build(outDir: string): Promise<void> {
  const licenses: string[] = [];
  // One after the other in this process: ncc loads once, and the other core is free for the checks beside it.
  for (const target of BUNDLES) {
    const { code, licenses: collected } = await bundle(target);
    writeFileSync(join(outDir, target.file), code);
    licenses.push(collected);
  }
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
