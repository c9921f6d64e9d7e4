// The input suite, through the bundled action as the runner runs it: what only a whole step can
// show. A wrong input is one `::error::` annotation naming the input, never a stack trace; nothing is
// sent and the job goes on unless fail_on_error; the post step stays quiet; several problems are
// each reported once. Values that can be made safe are sent, bounded, with a warning. Which values
// are wrong, and the message for each, is settings.test.ts's business (readSettings and
// describeInputProblem, without a process); here a handful of them stand for the rest.
// Each test has its own fake Last9 and job, so the cases run side by side.

import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { DEFAULT_REFRESH_TOKEN } from '../../testing/fake-last9.js';
import { ownFakeAndJob, type OwnFakeAndJob } from '../../testing/harness.js';
import type { StepResult } from '../../testing/runner.js';
import { assertNoSecretsLeaked } from '../../testing/secrets.js';

const setUp = (t: TestContext): Promise<OwnFakeAndJob> => ownFakeAndJob(t);

function assertNoStackTrace(step: StepResult): void {
  assert.doesNotMatch(step.stdout + step.stderr, /\n\s+at .+:\d+:\d+|Error: /, 'no stack trace or raw error');
  assert.equal(step.stderr, '');
}

/**
 * Inputs that must stop the marker: one error naming the input, nothing sent, exit 0. One of each
 * kind: a required input (the token itself, and one whose whole message is checked), a malformed
 * value, an insecure URL, and a parse error whose own message is passed on.
 */
const refused: Array<[string, Record<string, string>, RegExp]> = [
  ['refresh_token', { refresh_token: '' }, /^Input "refresh_token" is required but was empty\./],
  ['env', { env: '' }, /^Input "env" is required but was empty\. No marker was sent\.$/],
  ['org_slug', { org_slug: 'acme/other' }, /^Input "org_slug" must be your Last9 organization slug/],
  ['api_base_url', { api_base_url: 'http://app.last9.io' }, /^Input "api_base_url" must use https \(plain http is only allowed for a loopback host\), got "http:\/\/app\.last9\.io"/],
  ['custom_attributes', { custom_attributes: '{"team": "payments"' }, /^Input "custom_attributes" is not valid JSON/],
];

// The two groups run side by side, three tests of each at a time.
describe('the bundled action given wrong or unsafe inputs', { concurrency: true }, () => {
  describe('inputs that stop the marker', { concurrency: 3 }, () => {
    for (const [input, overrides, message] of refused) {
      test(`${input} = ${JSON.stringify(Object.values(overrides).join(' / '))}`, async (t) => {
        const { fake, job, inputs } = await setUp(t);
        const refreshToken = overrides.refresh_token ?? DEFAULT_REFRESH_TOKEN;
        const main = await job.runMain({ inputs: inputs(overrides) });
        assert.equal(main.exitCode, 0, 'a configuration mistake does not fail the job');
        assert.equal(main.annotations.length, 1, JSON.stringify(main.annotations));
        assert.equal(main.annotations[0]?.level, 'error');
        assert.match(main.annotations[0]?.message ?? '', message);
        assert.match(main.annotations[0]?.message ?? '', /No marker was sent\.$/);
        assert.equal(fake.requests.length, 0, 'nothing is sent');
        assertNoStackTrace(main);
        assertNoSecretsLeaked(main, refreshToken, []);

        const post = await job.runPost({ inputs: inputs(overrides) });
        assert.equal(post.exitCode, 0);
        assert.deepEqual(post.annotations, [], 'the post step does not repeat the main step’s errors');
        assert.equal(fake.requests.length, 0);
        assertNoStackTrace(post);
        assertNoSecretsLeaked(post, refreshToken, []);
      });
    }

    test('several mistakes are each reported, once', async (t) => {
      const { job, inputs } = await setUp(t);
      const main = await job.runMain({ inputs: inputs({ env: '', timeout_seconds: '0', event_state: 'later' }) });
      assert.deepEqual(
        main.annotations.map((annotation) => /^Input "(\w+)"/.exec(annotation.message)?.[1]),
        ['env', 'event_state', 'timeout_seconds'],
      );
    });
  });

  describe('inputs that are made safe and sent', { concurrency: 3 }, () => {
    async function sentAttributes(t: TestContext, overrides: Record<string, string>): Promise<OwnFakeAndJob & { step: StepResult; attributes: Record<string, string> }> {
      const setup = await setUp(t);
      const { fake, job, inputs } = setup;
      const step = await job.runMain({ inputs: inputs(overrides) });
      assert.equal(step.exitCode, 0);
      assertNoStackTrace(step);
      assertNoSecretsLeaked(step, DEFAULT_REFRESH_TOKEN, fake.issuedTokens);
      assert.equal(fake.events.length, 1, 'the marker is still sent');
      return { ...setup, step, attributes: fake.events[0]?.attributes ?? {} };
    }

    test('custom_attributes with keys that are not label names are renamed or dropped', async (t) => {
      const { step, attributes } = await sentAttributes(t, { custom_attributes: '{"team.name": "payments", "9lives": "cat", "__name__": "x", "deployment_id": "mine"}' });
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

    test('a 10 kB value is cut to 255 characters, with one warning', async (t) => {
      const { step, attributes } = await sentAttributes(t, { custom_attributes: `notes=${'x'.repeat(10_000)}` });
      assert.equal(attributes.notes, 'x'.repeat(255));
      assert.equal(step.annotations.length, 1);
      assert.match(step.annotations[0]?.message ?? '', /longer than 255 characters were cut: "notes"/);
    });

    test('control characters become spaces; non-ASCII is kept whole', async (t) => {
      const { step, attributes } = await sentAttributes(t, {
        custom_attributes: JSON.stringify({ notes: 'line one\u0007\tline two\u001b[31m', owner: 'Zoë 🚀 支付团队' }),
        service: 'paiements-😀',
      });
      assert.equal(attributes.notes, 'line one  line two [31m');
      assert.equal(attributes.owner, 'Zoë 🚀 支付团队');
      assert.equal(attributes.service_name, 'paiements-😀');
      assert.deepEqual(step.annotations, []);
    });
  });
});
