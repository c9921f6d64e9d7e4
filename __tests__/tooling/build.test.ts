// The build fails loudly rather than ship a bundle that would break at run time: a bundle that
// imports from undici a name its stand-in (src/http/undici-stand-in.ts) does not export.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { bundle, PROJECT_ROOT } from '../../scripts/build.js';

test('a bundle importing a name the undici stand-in lacks fails the build, naming it', async (t) => {
  const dir = mkdtempSync(join(PROJECT_ROOT, 'src', '.build-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'entry.ts'), "import { Agent } from 'undici';\nexport const agent = Agent;\n");
  const entry = relative(PROJECT_ROOT, join(dir, 'entry.ts'));
  await assert.rejects(bundle({ entry, file: 'entry.js', minify: false }), /export 'Agent' \(imported as 'Agent'\) was not found in 'undici'/);
});
