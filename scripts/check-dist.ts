// Fails when the committed dist/ is not exactly what a fresh build of src/ produces.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, PROJECT_ROOT } from './build.js';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const fresh = mkdtempSync(join(tmpdir(), 'deployment-marker-dist-'));
try {
  await build(fresh);
  const committed = join(PROJECT_ROOT, 'dist');
  const expected = files(fresh);
  const actual = files(committed);
  const differing = [...new Set([...expected, ...actual])].filter(
    (file) => !expected.includes(file) || !actual.includes(file) || !readFileSync(join(fresh, file)).equals(readFileSync(join(committed, file))),
  );
  if (differing.length > 0) {
    console.error(`dist/ is not what src/ builds to (${differing.join(', ')}). Run \`npm run build\` and commit dist/.`);
    process.exit(1);
  }
  console.log(`dist/ matches a fresh build (${expected.length} files).`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
