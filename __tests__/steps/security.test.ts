// Attacks through values real workflows pass through (dispatch and workflow_call inputs, chat-ops
// values, captured variables, a hostile server), against the built action as the runner runs it.
// Each asserts what the runner would see: every line of stdout (the runner reads its commands
// there), the job summary file, and what Last9 received.

import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { DEFAULT_GITHUB_TOKEN } from '../../testing/fake-github.js';
import { DEFAULT_REFRESH_TOKEN } from '../../testing/fake-last9.js';
import { ownFakeAndJob } from '../../testing/harness.js';
import type { StepResult } from '../../testing/runner.js';
import { assertNoSecretsLeaked } from '../../testing/secrets.js';

/** The workflow commands this action may print; any other `::` line would be an injected one. */
const OWN_COMMANDS = /^::(add-mask|error|warning|notice|debug)(::| )/;

function assertNoInjectedCommand(step: StepResult): void {
  for (const line of step.stdout.split(/\r?\n/)) {
    if (/^\s*::/.test(line)) assert.match(line, OWN_COMMANDS, `an injected workflow command: ${line}`);
    assert.doesNotMatch(line, /##\[/, `a legacy workflow command: ${line}`);
  }
}

const messages = (step: StepResult, level: 'error' | 'warning') => step.annotations.filter((annotation) => annotation.level === level).map((annotation) => annotation.message);

describe('untrusted text never becomes a command, a link or a leak', { concurrency: 3 }, () => {
  test('1. a line break in service, env or event_name cannot inject ::stop-commands:: (before the token exchange or ever)', async (t: TestContext) => {
    // A new line in service separates services; a carriage return alone does not.
    for (const [input, value] of [['service', 'api\r::stop-commands::pwn'], ['env', 'api\n::stop-commands::pwn\nx'], ['event_name', 'api\n::stop-commands::pwn\nx']]) {
      const { fake, job, inputs } = await ownFakeAndJob(t);
      const step = await job.runMain({ inputs: inputs({ event_state: 'stop', [input as string]: value as string }) });
      assertNoInjectedCommand(step);
      assert.deepEqual(messages(step, 'error'), [`Input "${input}" must be one line, without control characters. No marker was sent.`]);
      assert.equal(fake.requests.length, 0);
    }
  });

  test('1. values that are sent (custom attributes, version) still print as plain text, in a dry run too', async (t) => {
    const { fake, job, inputs } = await ownFakeAndJob(t);
    const attack = '1.0\n::stop-commands::pwn\n##[add-mask]x';
    const run = inputs({ version: attack, custom_attributes: JSON.stringify({ '::note': attack, note: attack }) });
    const step = await job.runMain({ inputs: { ...run, dry_run: 'true' } });
    assertNoInjectedCommand(step);
    assert.ok(step.stdout.includes('"version": "1.0 ::stop-commands::pwn # #[add-mask]x"'), step.stdout);
    const sent = await job.runMain({ inputs: run });
    assertNoInjectedCommand(sent);
    assert.equal(fake.events[0]?.attributes.version, '1.0 ::stop-commands::pwn ##[add-mask]x', 'the label keeps the text, on one line');
  });

  test('1. a hostile server cannot inject a command through its error message', async (t) => {
    const { fake, job, inputs } = await ownFakeAndJob(t);
    fake.faults.push({ on: 'token', respond: { status: 400, body: '{"error": "nope"}\n::stop-commands::pwn\n' } });
    const step = await job.runMain({ inputs: inputs() });
    assertNoInjectedCommand(step);
    assertNoSecretsLeaked(step, DEFAULT_REFRESH_TOKEN, fake.issuedTokens);
  });

  test("3. capture_env skips the action's inputs and the runner's tokens; no attribute carries a token, not even in a dry run", async (t) => {
    const { fake, job, inputs } = await ownFakeAndJob(t);
    const tokens = { ACTIONS_RUNTIME_TOKEN: 'runtime-token-value-1', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-2', GITHUB_TOKEN: 'ghs_jobtokenvalue3', DEPLOY_NOTE: 'by ghs_jobtokenvalue3' };
    const run = inputs({
      capture_env: 'INPUT_REFRESH_TOKEN ACTIONS_RUNTIME_TOKEN ACTIONS_ID_TOKEN_REQUEST_TOKEN GITHUB_TOKEN DEPLOY_NOTE',
      custom_attributes: `{"copied": "${DEFAULT_REFRESH_TOKEN}", "team": "payments"}`,
    });
    for (const dryRun of ['true', 'false']) {
      const step = await job.runMain({ inputs: { ...run, dry_run: dryRun }, env: tokens });
      assert.deepEqual(messages(step, 'warning'), [
        'Last9: capture_env never reads "INPUT_REFRESH_TOKEN", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "GITHUB_TOKEN": the action\'s inputs and the runner\'s tokens are secrets, not labels',
        'Last9: attributes "env_deploy_note", "copied" were dropped: their values hold a secret (a token)',
      ]);
      assertNoSecretsLeaked(step, DEFAULT_REFRESH_TOKEN, [...fake.issuedTokens, ...Object.values(tokens).slice(0, 3)]);
    }
    assert.equal(fake.events.length, 1);
    const sent = JSON.stringify(fake.events[0]);
    for (const secret of [DEFAULT_REFRESH_TOKEN, ...Object.values(tokens)]) assert.ok(!sent.includes(secret), `${secret.slice(0, 8)}… was sent`);
    assert.equal(fake.events[0]?.attributes.team, 'payments');
  });

  test('4. a server echoing the refresh token (JSON-escaped, base64) gets only a short, redacted excerpt into the warning', async (t) => {
    const refreshToken = 'l9rt/hostile+"quoted"/token==';
    const { fake, job, inputs } = await ownFakeAndJob(t);
    const base64 = Buffer.from(refreshToken).toString('base64');
    const body = JSON.stringify({ error: `bad ${refreshToken}`, encoded: base64, url: encodeURIComponent(refreshToken), padding: 'x'.repeat(5_000) }).replaceAll('/', '\\/');
    fake.faults.push({ on: 'token', respond: { status: 401, body } });
    const step = await job.runMain({ inputs: inputs({ refresh_token: refreshToken }) });
    const [warning] = messages(step, 'warning');
    for (const form of [refreshToken, JSON.stringify(refreshToken).slice(1, -1), JSON.stringify(refreshToken).slice(1, -1).replaceAll('/', '\\/'), base64, encodeURIComponent(refreshToken)]) {
      assert.ok(!step.stdout.includes(form) || step.stdout.split(/\r?\n/)[0] === `::add-mask::${refreshToken}`, form);
      assert.ok(!(warning ?? '').includes(form), `the warning holds ${form}`);
    }
    assert.match(warning ?? '', /HTTP 401: \{"error":"bad \*\*\*"/);
    assert.ok((warning ?? '').length < 600, `${warning?.length} characters`);
  });

  test('4. an access token too short to mask safely is not used, and never becomes a mask', async (t) => {
    const { fake, job, inputs } = await ownFakeAndJob(t);
    fake.faults.push({ on: 'token', respond: { status: 200, body: '{"access_token": "a", "expires_in": 3600}' } });
    const step = await job.runMain({ inputs: inputs() });
    assert.deepEqual(step.masks, [DEFAULT_REFRESH_TOKEN, DEFAULT_GITHUB_TOKEN], 'the given tokens only: no mask for "a"');
    assert.match(messages(step, 'warning')[0] ?? '', /access_token of 1 characters, too short to be one; it was not used/);
    assert.equal(fake.requestsTo('event').length, 0);
  });

  test('6. 10,000 refused keys and "__proto__": one short warning naming what was refused and counting the rest', async (t) => {
    const { fake, job, inputs } = await ownFakeAndJob(t);
    // key=value lines: as JSON, 10,000 keys would pass the 128 kB a single variable may hold on Linux.
    const lines = ['__proto__=x', ...Array.from({ length: 10_000 }, (_, index) => `__k${index}=v`), 'team=payments'];
    const step = await job.runMain({ inputs: inputs({ custom_attributes: lines.join('\n') }) });
    const warnings = messages(step, 'warning');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /^Last9: custom attribute keys "__proto__", "__k0", .* and 9981 more were dropped/);
    assert.ok((warnings[0] ?? '').length < 500);
    assert.equal(fake.events[0]?.attributes.team, 'payments');
    assert.ok(!Object.keys(fake.events[0]?.attributes ?? {}).some((key) => key.startsWith('__')));
  });
});
