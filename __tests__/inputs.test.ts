// The input suite: every input given a wrong value, through the bundled action as the runner runs
// it. Each gives one clear annotation naming the input, never a stack trace, and the job goes on
// unless fail_on_error; values that can be made safe are sent, bounded, with a warning.

import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { DEFAULT_REFRESH_TOKEN } from '../testing/fake-last9.js';
import { lifecycleHarness } from '../testing/harness.js';
import type { EmulatedJob, StepResult } from '../testing/runner.js';
import { assertNoSecretsLeaked } from '../testing/secrets.js';

const harness = await lifecycleHarness();
const { fake, inputs } = harness;
let job: EmulatedJob;
beforeEach(() => (job = harness.newJob()));

function assertNoStackTrace(step: StepResult): void {
  assert.doesNotMatch(step.stdout + step.stderr, /\n\s+at .+:\d+:\d+|Error: /, 'no stack trace or raw error');
  assert.equal(step.stderr, '');
}

/** Inputs that must stop the marker: one error naming the input, nothing sent, exit 0. */
const refused: Array<[string, Record<string, string>, RegExp]> = [
  ['refresh_token', { refresh_token: '' }, /^Input "refresh_token" is required but was empty\./],
  ['org_slug', { org_slug: '' }, /^Input "org_slug" is required/],
  ['env', { env: '   ' }, /^Input "env" is required/],
  ['org_slug', { org_slug: 'acme/other' }, /^Input "org_slug" must be your Last9 organization slug/],
  ['org_slug', { org_slug: 'acme..x' }, /^Input "org_slug" must be your Last9 organization slug.*no "\/", "\.\."/],
  ['org_slug', { org_slug: 'my org' }, /^Input "org_slug" must be your Last9 organization slug/],
  ['api_base_url', { api_base_url: 'http://app.last9.io' }, /^Input "api_base_url" must use https \(plain http is only allowed for a loopback host\), got "http:\/\/app\.last9\.io"/],
  ['api_base_url', { api_base_url: 'not a url' }, /^Input "api_base_url" is not a URL: "not a url"/],
  ['api_base_url', { api_base_url: 'ftp://app.last9.io' }, /^Input "api_base_url" must be an https URL/],
  ['event_state', { event_state: 'begin' }, /^Input "event_state" must be one of window, start, stop, both; got "begin"/],
  ['timeout_seconds', { timeout_seconds: '-5' }, /^Input "timeout_seconds" must be a number from 1 to 3600, got "-5"/],
  ['timeout_seconds', { timeout_seconds: 'thirty' }, /^Input "timeout_seconds" must be a number/],
  ['max_retry_attempts', { max_retry_attempts: '-1' }, /^Input "max_retry_attempts" must be a whole number from 0 to 20/],
  ['max_retry_attempts', { max_retry_attempts: '2.5' }, /^Input "max_retry_attempts" must be a whole number/],
  ['retry_backoff_ms', { retry_backoff_ms: '1e3' }, /^Input "retry_backoff_ms" must be a whole number/],
  ['max_retry_backoff_ms', { retry_backoff_ms: '5000', max_retry_backoff_ms: '100' }, /^Input "max_retry_backoff_ms" must be at least retry_backoff_ms \(5000\)/],
  ['custom_attributes', { custom_attributes: '{"team": "payments"' }, /^Input "custom_attributes" is not valid JSON/],
  ['custom_attributes', { custom_attributes: '{"team": {"name": "payments"}}' }, /^Input "custom_attributes" value of "team" must be a string, number or boolean/],
  ['custom_attributes', { custom_attributes: 'team: payments' }, /^Input "custom_attributes" line 1 is not key=value/],
  ['fail_on_error', { fail_on_error: 'maybe' }, /^Input "fail_on_error" must be true or false, got "maybe"/],
  ['include_github_attributes', { include_github_attributes: 'yes please' }, /^Input "include_github_attributes" must be true or false/],
  ['service', { service: 'a', service_name: 'b' }, /^Input "service" and service_name disagree/],
  ['deployment_id', { event_state: 'stop', deployment_id: 'has spaces in it' }, /^Input "deployment_id" must be 1 to 128 letters/],
  ['started_at', { event_state: 'stop', deployment_id: 'abc', started_at: 'yesterday' }, /^Input "started_at" must be an ISO 8601 time/],
];

describe('inputs that stop the marker', () => {
  for (const [input, overrides, message] of refused) {
    test(`${input} = ${JSON.stringify(Object.values(overrides).join(' / '))}`, async () => {
      const main = await job.runMain({ inputs: inputs(overrides) });
      assert.equal(main.exitCode, 0, 'a configuration mistake does not fail the job');
      assert.equal(main.annotations.length, 1, JSON.stringify(main.annotations));
      assert.equal(main.annotations[0]?.level, 'error');
      assert.match(main.annotations[0]?.message ?? '', message);
      assert.match(main.annotations[0]?.message ?? '', /No marker was sent\.$/);
      assert.equal(fake.requests.length, 0, 'nothing is sent');
      assertNoStackTrace(main);
      assertNoSecretsLeaked(main, overrides.refresh_token ?? DEFAULT_REFRESH_TOKEN, []);

      const post = await job.runPost({ inputs: inputs(overrides) });
      assert.equal(post.exitCode, 0);
      assert.deepEqual(post.annotations, [], 'the post step stays quiet');
      assert.equal(fake.requests.length, 0);
    });
  }

  test('with fail_on_error: true the same mistake fails the step', async () => {
    const main = await job.runMain({ inputs: inputs({ org_slug: 'acme/other', fail_on_error: 'true' }) });
    assert.equal(main.exitCode, 1);
    assert.match(main.annotations[0]?.message ?? '', /^Input "org_slug"/);
    assertNoStackTrace(main);
  });

  test('several mistakes are each reported, once', async () => {
    const main = await job.runMain({ inputs: inputs({ env: '', timeout_seconds: '0', event_state: 'later' }) });
    assert.deepEqual(
      main.annotations.map((annotation) => /^Input "(\w+)"/.exec(annotation.message)?.[1]),
      ['env', 'event_state', 'timeout_seconds'],
    );
  });
});

describe('inputs that are made safe and sent', () => {
  async function sentAttributes(overrides: Record<string, string>): Promise<{ step: StepResult; attributes: Record<string, string> }> {
    const step = await job.runMain({ inputs: inputs(overrides) });
    assert.equal(step.exitCode, 0);
    assertNoStackTrace(step);
    assertNoSecretsLeaked(step, DEFAULT_REFRESH_TOKEN, fake.issuedTokens);
    assert.equal(fake.events.length, 1, 'the marker is still sent');
    return { step, attributes: fake.events[0]?.attributes ?? {} };
  }

  test('custom_attributes with keys that are not label names are renamed or dropped', async () => {
    const { step, attributes } = await sentAttributes({ custom_attributes: '{"team.name": "payments", "9lives": "cat", "__name__": "x", "deployment_id": "mine"}' });
    assert.equal(attributes.team_name, 'payments');
    assert.equal(attributes._9lives, 'cat');
    assert.equal(attributes.__name__, undefined);
    assert.equal(attributes.deployment_id, step.outputs.deployment_id, 'a reserved key is not overridden');
    assert.deepEqual(
      step.annotations.map((annotation) => annotation.level),
      ['warning', 'warning'],
    );
    assert.match(step.annotations[0]?.message ?? '', /custom attribute keys "__name__" were dropped/);
    assert.match(step.annotations[1]?.message ?? '', /custom attribute keys "deployment_id" were dropped/);
  });

  test('custom_attributes with 1,000 keys: at most 64 attributes, the schema kept, the rest named', async () => {
    const many = Object.fromEntries(Array.from({ length: 1_000 }, (_, index) => [`key_${index}`, `value ${index}`]));
    const { step, attributes } = await sentAttributes({ custom_attributes: JSON.stringify(many) });
    assert.equal(Object.keys(attributes).length, 62, 'the start leaves room for result and duration_ms');
    for (const key of ['service_name', 'deployment_environment', 'deployment_id', 'commit_sha', 'build_url']) assert.ok(attributes[key], key);
    assert.equal(step.annotations.length, 1);
    assert.match(step.annotations[0]?.message ?? '', /at most 64 attributes; dropped "key_\d+".* and \d+ more/);
    const post = await job.runPost({ inputs: inputs({ custom_attributes: JSON.stringify(many) }) });
    assert.equal(Object.keys(fake.events[1]?.attributes ?? {}).length, 64);
    assert.deepEqual(post.annotations, []);
  });

  test('a 10 kB value is cut to 255 characters, with one warning', async () => {
    const { step, attributes } = await sentAttributes({ custom_attributes: `notes=${'x'.repeat(10_000)}` });
    assert.equal(attributes.notes, 'x'.repeat(255));
    assert.equal(step.annotations.length, 1);
    assert.match(step.annotations[0]?.message ?? '', /longer than 255 characters were cut: "notes"/);
  });

  test('control characters become spaces; non-ASCII is kept whole', async () => {
    const { step, attributes } = await sentAttributes({
      custom_attributes: JSON.stringify({ notes: 'line one\u0007\tline two\u001b[31m', owner: 'Zoë 🚀 支付团队' }),
      service: 'paiements-😀',
    });
    assert.equal(attributes.notes, 'line one  line two [31m');
    assert.equal(attributes.owner, 'Zoë 🚀 支付团队');
    assert.equal(attributes.service_name, 'paiements-😀');
    assert.deepEqual(step.annotations, []);
  });

  test('a value cut in the middle of an emoji is not split into half a character', async () => {
    const { attributes } = await sentAttributes({ custom_attributes: JSON.stringify({ notes: '🚀'.repeat(300) }) });
    assert.equal([...(attributes.notes ?? '')].length, 255);
    assert.ok((attributes.notes ?? '').isWellFormed());
  });
});
