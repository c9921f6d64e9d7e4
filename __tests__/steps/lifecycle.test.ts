// The built dist/ run as GitHub's runner runs it (testing/runner.ts), main step then post step,
// against the fake Last9 on loopback. Each test has its own fake Last9 and job, so they run side by side.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test, type TestContext } from 'node:test';
import { DEFAULT_REFRESH_TOKEN } from '../../testing/fake-last9.js';
import { ownFakeAndJob, type OwnFakeAndJob } from '../../testing/harness.js';
import type { StepResult } from '../../testing/runner.js';
import { assertNoSecretsLeaked } from '../../testing/secrets.js';

interface Case extends OwnFakeAndJob {
  /** No token in anything the steps showed, and no stack trace. */
  assertClean(...steps: StepResult[]): void;
}

/** Fast retries so that fault cases stay quick. */
async function setUp(t: TestContext): Promise<Case> {
  const own = await ownFakeAndJob(t, { retry_backoff_ms: '20', max_retry_backoff_ms: '100' });
  const { fake } = own;
  return {
    ...own,
    assertClean(...steps) {
      for (const step of steps) {
        assertNoSecretsLeaked(step, DEFAULT_REFRESH_TOKEN, fake.issuedTokens);
        assert.doesNotMatch(step.stdout + step.stderr, /\n\s+at .+\(.+:\d+:\d+\)/, 'a stack trace was printed');
      }
    },
  };
}

function warnings(step: StepResult): string[] {
  return step.annotations.filter((annotation) => annotation.level === 'warning').map((annotation) => annotation.message);
}

describe('a deployment window', { concurrency: 3 }, () => {
  test('a successful job: start from main, stop from post, paired by deployment_id', async (t) => {
    const { fake, job, inputs, assertClean } = await setUp(t);
    const main = await job.runMain({ inputs: inputs({ custom_attributes: 'team.name=payments' }) });
    await sleep(150); // the deploy
    const post = await job.runPost({ inputs: inputs({ custom_attributes: 'team.name=payments' }) });

    assert.equal(main.exitCode, 0);
    assert.equal(post.exitCode, 0);
    assert.deepEqual(main.annotations, []);
    assert.deepEqual(post.annotations, []);
    const [start, stop] = fake.events;
    assert.equal(fake.events.length, 2);
    assert.equal(start?.event_state, 'start');
    assert.equal(stop?.event_state, 'stop');
    assert.equal(start?.event_name, 'deployment');
    const deploymentId = main.outputs.deployment_id;
    assert.match(deploymentId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(start?.attributes.deployment_id, deploymentId);
    assert.equal(start?.attributes.team_name, 'payments');
    assert.equal(start?.attributes.result, undefined);
    assert.deepEqual({ ...stop?.attributes, result: undefined, duration_ms: undefined }, { ...start?.attributes, result: undefined, duration_ms: undefined });
    assert.equal(stop?.attributes.result, 'success');

    const duration = Number(stop?.attributes.duration_ms);
    const timestampGap = Date.parse(stop?.timestamp ?? '') - Date.parse(start?.timestamp ?? '');
    assert.equal(duration, timestampGap, 'duration_ms is the time between the two timestamps');
    assert.ok(duration >= 150, `duration_ms ${duration} shorter than the deploy`);
    assert.equal(start?.timestamp, main.outputs.started_at);
    assert.equal(stop?.timestamp, post.outputs.stopped_at);
    assert.equal(post.outputs.duration_ms, String(duration));
    assert.equal(post.outputs.result, 'success');
    assert.equal(main.outputs.delivered, 'true');
    assert.equal(post.outputs.delivered, 'true');

    assert.deepEqual(
      fake.requests.map((request) => request.endpoint),
      ['token', 'event', 'event'],
      'one token exchange per window: the post step reuses the access token',
    );
    const [exchange, startRequest] = fake.requests;
    assert.equal(exchange?.connection, startRequest?.connection, 'the main step keeps its connection alive');

    assert.match(post.summary, /payments-api/);
    assert.match(post.summary, /start[\s\S]*delivered[\s\S]*stop[\s\S]*delivered/);
    assert.match(post.summary, new RegExp(deploymentId ?? 'missing'));
    assert.match(post.summary, /actions\/runs\/9876543210/);
    assertClean(main, post);
  });

  for (const status of ['failure', 'cancelled'] as const) {
    test(`a job that ends ${status}: the stop says so`, async (t) => {
    const { fake, job, inputs, assertClean } = await setUp(t);
      await job.runMain({ inputs: inputs() });
      const post = await job.runPost({ inputs: inputs(), job: { status } });
      assert.equal(post.exitCode, 0);
      assert.equal(fake.events[1]?.attributes.result, status);
      assert.equal(post.outputs.result, status);
      assertClean(post);
    });
  }

  test('the start is lost, the stop still arrives with the same deployment_id', async (t) => {
    const { fake, job, inputs, assertClean } = await setUp(t);
    fake.faults.push({ on: 'event', respond: { status: 500 } });
    const main = await job.runMain({ inputs: inputs({ max_retry_attempts: '1' }) });
    assert.equal(main.exitCode, 0);
    assert.equal(main.outputs.delivered, 'false');
    assert.equal(fake.requestsTo('event').length, 2, 'one try and one retry');
    const [warning] = warnings(main);
    assert.match(warning ?? '', /could not send the start event .*HTTP 500.*2 tries/);

    fake.faults.length = 0;
    const post = await job.runPost({ inputs: inputs() });
    assert.equal(post.exitCode, 0);
    assert.equal(fake.events.length, 1);
    assert.equal(fake.events[0]?.event_state, 'stop');
    assert.equal(fake.events[0]?.attributes.deployment_id, main.outputs.deployment_id);
    assert.match(post.summary, /start[\s\S]*not delivered[\s\S]*stop[\s\S]*✅ delivered/);
    assertClean(main, post);
  });

  test('an access token that expired between main and post is exchanged again', async (t) => {
    const { fake, job, inputs, assertClean } = await setUp(t);
    await job.runMain({ inputs: inputs() });
    fake.expireIssuedTokens();
    const post = await job.runPost({ inputs: inputs() });
    assert.equal(post.exitCode, 0);
    assert.deepEqual(warnings(post), []);
    assert.deepEqual(
      fake.requests.map((request) => [request.endpoint, request.status]),
      [
        ['token', 200],
        ['event', 200],
        ['event', 401],
        ['token', 200],
        ['event', 200],
      ],
    );
    assert.equal(fake.events[1]?.event_state, 'stop');
    assertClean(post);
  });
});

describe('what the runner and earlier steps hand over', { concurrency: 3 }, () => {
  // GITHUB_STATE lost: the post step never learns of the window, so it sends no stop (a start
  // without its stop, never the reverse); GITHUB_ENV or GITHUB_OUTPUT lost: the window is whole.
  for (const [file, postSendsStop] of [
    ['GITHUB_STATE', false],
    ['GITHUB_ENV', true],
    ['GITHUB_OUTPUT', true],
  ] as const) {
    test(`${file} cannot be written: one warning naming it, the start is still sent, exit 0`, async (t) => {
      const { fake, job, inputs, assertClean } = await setUp(t);
      const notAFile = mkdtempSync(join(job.workspace, 'not-a-file-'));
      const main = await job.runMain({ inputs: inputs(), env: { [file]: notAFile } });
      const post = await job.runPost({ inputs: inputs() });
      assert.equal(main.exitCode, 0);
      assert.equal(post.exitCode, 0);
      assert.equal(main.annotations.length, 1, main.stdout);
      assert.match(warnings(main)[0] ?? '', new RegExp(`^Last9: could not write ${file} \\(.+\\); .+\\. The deploy itself is unaffected\\.$`));
      assert.deepEqual(post.annotations, []);
      assert.deepEqual(
        fake.events.map((event) => event.event_state),
        postSendsStop ? ['start', 'stop'] : ['start'],
      );
      assertClean(main, post);
    });
  }

  test("a STATE_window an earlier step put into GITHUB_ENV never becomes this step's window", async (t) => {
    const { fake, job, inputs, assertClean } = await setUp(t);
    const forged = { deploymentId: 'forged', startedAt: new Date().toISOString(), attributes: { deployment_id: 'forged' } };
    job.runScriptStep({ STATE_window: JSON.stringify(forged) });
    const main = await job.runMain({ inputs: inputs({ event_state: 'start' }) });
    const post = await job.runPost({ inputs: inputs({ event_state: 'start' }) });
    assert.equal(main.exitCode, 0);
    assert.equal(post.exitCode, 0);
    assert.deepEqual(
      fake.events.map((event) => [event.event_state, event.attributes.deployment_id]),
      [['start', main.outputs.deployment_id]],
    );
    assertClean(main, post);
  });
});

describe('context from the runner', () => {
  test('the job id and matrix that the runner fills in become attributes', async (t) => {
    const { fake, job, inputs } = await setUp(t);
    const job2 = { checkRunId: 31337, matrix: { region: 'eu-west-1', shard: 2, config: { nested: true } } };
    await job.runMain({ inputs: inputs(), job: job2 });
    const start = fake.events[0]?.attributes;
    assert.equal(start?.job_id, '31337');
    assert.equal(start?.github_job_url, 'https://github.com/acme/payments-api/actions/runs/9876543210/job/31337');
    assert.equal(start?.matrix_region, 'eu-west-1');
    assert.equal(start?.matrix_shard, '2');
    assert.equal(start?.matrix_config, undefined);
  });
});
