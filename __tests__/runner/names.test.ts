// The names the code uses are the names action.yml declares, so a renamed input or output cannot drift.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INPUT, OUTPUT } from '../../src/runner/names.js';
import { actionDefinition } from '../../testing/runner.js';

const action = actionDefinition() as ReturnType<typeof actionDefinition> & { outputs: Record<string, unknown> };

test('every input the code reads is declared in action.yml, and every declared input is read', () => {
  assert.deepEqual(Object.values(INPUT).sort(), Object.keys(action.inputs).sort());
});

test('every output the code sets is declared in action.yml, and every declared output is set', () => {
  assert.deepEqual(Object.values(OUTPUT).sort(), Object.keys(action.outputs).sort());
});
