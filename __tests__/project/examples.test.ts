// The example workflows are copied into real repositories: they must be safe to copy. Untrusted
// values (dispatch inputs, matrix values, composite inputs) reach a shell only through env:, and
// every workflow says which GitHub permissions it needs.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from '../../testing/runner.js';

interface Step {
  run?: string;
}

const files = ['examples', '.github/workflows'].flatMap((dir) =>
  readdirSync(join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => relative(PROJECT_ROOT, join(entry.parentPath, entry.name)).split(sep).join('/')),
);

function stepsOf(document: { jobs?: Record<string, { steps?: Step[] }>; runs?: { steps?: Step[] } }): Step[] {
  return document.jobs ? Object.values(document.jobs).flatMap((job) => job.steps ?? []) : (document.runs?.steps ?? []);
}

test('the examples and workflows are all checked (5 workflows and a composite action in examples/)', () => {
  assert.ok(files.filter((file) => file.startsWith('examples/')).length >= 6, files.join(', '));
});

for (const file of files) {
  const document = parseYaml(readFileSync(join(PROJECT_ROOT, file), 'utf8'));

  test(`${file}: no \${{ }} expression inside a run: script`, () => {
    for (const step of stepsOf(document)) assert.doesNotMatch(step.run ?? '', /\$\{\{/, `pass it through env: instead:\n${step.run}`);
  });

  if (file.startsWith('.github/workflows/')) {
    test(`${file}: every action from another repository is pinned to a full commit SHA, its version in a comment`, () => {
      const uses = readFileSync(join(PROJECT_ROOT, file), 'utf8')
        .split(/\r?\n/)
        .filter((line) => /^\s*-?\s*uses:/.test(line) && !/uses:\s*\.\//.test(line));
      for (const line of uses) assert.match(line, /uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/, line);
    });
  }

  if (document.jobs) {
    test(`${file}: declares its GitHub permissions`, () => {
      const jobs = Object.entries(document.jobs as Record<string, { permissions?: unknown }>);
      const undeclared = jobs.filter(([, job]) => document.permissions === undefined && job.permissions === undefined).map(([name]) => name);
      assert.deepEqual(undeclared, [], 'a top-level permissions: block, or one per job');
    });
  }
}
