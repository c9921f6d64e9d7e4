// Nothing the action prints can become a workflow command.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printable } from '../../src/runner/log.js';

test('control characters, line separators included, become spaces; the text keeps its own lines', () => {
  assert.equal(printable('api\u0007\u001b[31m\u2028x'), 'api  [31m x');
  assert.equal(printable('{\n  "a": 1\r\n}'), '{\n  "a": 1\n}');
});

test('no line starts with :: (leading spaces ignored, as the runner does) and no ##[ survives', () => {
  const attack = 'api\n::stop-commands::pwn\n   ::add-mask::x\nok ::warning:: mid-line\n##[set-output name=a]b';
  const lines = printable(attack).split('\n');
  assert.deepEqual(lines, ['api', ': :stop-commands::pwn', '   : :add-mask::x', 'ok ::warning:: mid-line', '# #[set-output name=a]b']);
  for (const line of lines) {
    assert.doesNotMatch(line, /^\s*::/);
    assert.doesNotMatch(line, /##\[/);
  }
});

test('ordinary text is left as it is', () => {
  const text = 'Last9: deployment window 1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed started for payments-api in production; the post step will close it.';
  assert.equal(printable(text), text);
});
