// Bundles each entry point into <outDir>/<entry>/index.js with ncc: `tsx scripts/build.ts [outDir]`.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** main and post are the steps; github-api is @actions/github, which only the main step loads, and only to call GitHub. */
export const ENTRIES = ['main', 'post', 'github-api'] as const;

/** The entries are bundled side by side: ncc takes one entry per run, and a run is mostly one core's work. */
export async function build(outDir: string): Promise<void> {
  const ncc = join(PROJECT_ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  await Promise.all(
    ENTRIES.map(async (entry) => {
      // --transpile-only: type checking is `npm run typecheck`'s job; ncc alone would take three times as long.
      const args = [ncc, 'build', `src/${entry}.ts`, '--out', join(outDir, entry), '--license', 'licenses.txt', '--transpile-only', '--quiet'];
      const { stderr } = await promisify(execFile)(process.execPath, args, { cwd: PROJECT_ROOT });
      process.stderr.write(stderr);
    }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await build(process.argv[2] ?? join(PROJECT_ROOT, 'dist'));
