// The check every lifecycle test makes: no token reaches anything a user or a log can see.

import assert from 'node:assert/strict';
import { DEFAULT_GITHUB_TOKEN } from './fake-github.js';
import type { StepResult } from './runner.js';

/**
 * The refresh token's mask is the step's first line; neither it, nor any access token, nor the job
 * token the emulated runner hands out appears in stdout (other than in `::add-mask::` lines),
 * stderr, the job summary, outputs or exported env.
 */
export function assertNoSecretsLeaked(step: StepResult, refreshToken: string, accessTokens: readonly string[]): void {
  const lines = step.stdout.split(/\r?\n/);
  if (refreshToken.trim() !== '') assert.equal(lines[0], `::add-mask::${refreshToken.trim()}`, 'the refresh token must be masked before anything is printed');

  const visible = {
    stdout: lines.filter((line) => !line.startsWith('::add-mask::')).join('\n'),
    stderr: step.stderr,
    summary: step.summary,
    outputs: JSON.stringify(step.outputs),
    env: JSON.stringify(step.exportedEnv),
  };
  for (const secret of [refreshToken, DEFAULT_GITHUB_TOKEN, ...accessTokens].filter((token) => token.trim().length > 0)) {
    for (const [where, text] of Object.entries(visible)) {
      assert.ok(!text.includes(secret), `a token (${secret.slice(0, 6)}…) leaked into ${where}`);
    }
  }
}
