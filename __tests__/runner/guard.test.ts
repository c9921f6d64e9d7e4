// How a step reacts to the runner cancelling it, on every OS.

import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { CANCEL_SIGNALS, exitPromptlyOnCancel } from '../../src/runner/guard.js';

afterEach(() => {
  for (const signal of Object.keys(CANCEL_SIGNALS)) process.removeAllListeners(signal);
});

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGBREAK', 149], // Windows: the runner escalates a cancellation with Ctrl+Break
] as const) {
  test(`${signal}: one warning saying what it means for the marker now, then exit ${code} at once`, (t) => {
    const printed: string[] = [];
    t.mock.method(process.stdout, 'write', (chunk: string) => printed.push(chunk) > 0);
    const exits: number[] = [];
    exitPromptlyOnCancel('before Last9 confirmed the start event.', (exitCode) => exits.push(exitCode));
    exitPromptlyOnCancel('before Last9 confirmed the stop event.', (exitCode) => exits.push(exitCode));
    process.emit(signal as NodeJS.Signals);
    t.mock.restoreAll();
    assert.deepEqual(exits, [code]);
    assert.deepEqual(printed, [`::warning::Last9: the step was cancelled (${signal}) before Last9 confirmed the stop event.\n`]);
  });
}
