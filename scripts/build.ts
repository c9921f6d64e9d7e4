// Bundles each entry point into <outDir>/<entry>/index.js with ncc: `tsx scripts/build.ts [outDir]`.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ENTRIES = ['main', 'post'] as const;

export function build(outDir: string): void {
  const ncc = join(PROJECT_ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  for (const entry of ENTRIES) {
    execFileSync(process.execPath, [ncc, 'build', `src/${entry}.ts`, '--out', join(outDir, entry), '--license', 'licenses.txt', '--quiet'], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) build(process.argv[2] ?? join(PROJECT_ROOT, 'dist'));
