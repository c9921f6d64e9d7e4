// The built dist/ as GitHub's runner runs it — `node dist/main.js`, later `node dist/post.js`, in a
// process of their own under Node 24, with INPUT_* and the runner's files — for what only a process
// shows: the bundles work end to end and print no token; exit codes; a cancelled step exits at once.
// Everything else runs the sources in process (testing/runner.ts), at the lowest level that proves it.

import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { DEFAULT_REFRESH_TOKEN } from '../../testing/fake-last9.js';
import { MERGED_PULL_REQUEST } from '../../testing/fake-github.js';
import { ownFakeAndJob } from '../../testing/harness.js';
import type { StepResult } from '../../testing/runner.js';
import { assertNoSecretsLeaked } from '../../testing/secrets.js';

const spawned = (t: TestContext) => ownFakeAndJob(t, { retry_backoff_ms: '20', max_retry_backoff_ms: '100' }, { spawn: {} });
const levels = (step: StepResult) => step.annotations.map((annotation) => annotation.level);

describe('dist/ run as the runner runs it', { concurrency: 3 }, () => {
  test('a whole window: what shipped on start and stop, in the outputs and the summary, and no token anywhere', async (t) => {
    const { fake, github, job, inputs } = await spawned(t);
    const main = await job.runMain({ inputs: inputs() });
    const post = await job.runPost({ inputs: inputs() });
    assert.deepEqual([main.exitCode, post.exitCode, [...main.annotations, ...post.annotations]], [0, 0, []]);
    const { sha, previousSha, pullRequest } = MERGED_PULL_REQUEST;
    const compareUrl = `https://github.com/acme/payments-api/compare/${previousSha}...${sha}`;
    const [start, stop] = fake.events;
    const oldestMs = Date.parse(github.history.find((commit) => commit.sha === MERGED_PULL_REQUEST.commitShas[0])?.committedAt ?? '');
    const shipped = {
      github_pr_number: String(pullRequest.number),
      github_pr_title: pullRequest.title,
      github_pr_url: pullRequest.url,
      previous_commit_sha: previousSha,
      compare_url: compareUrl,
      commit_count: '2',
      lead_time_s: String(Math.floor((Date.parse(start?.timestamp ?? '') - oldestMs) / 1000)),
    };
    for (const event of [start, stop]) {
      for (const [key, value] of Object.entries(shipped)) assert.equal(event?.attributes[key], value, `${event?.event_state} ${key}`);
    }
    assert.equal(stop?.attributes.deployment_id, main.outputs.deployment_id);
    assert.deepEqual([stop?.attributes.result, post.outputs.result, post.outputs.duration_ms], ['success', 'success', stop?.attributes.duration_ms]);
    assert.deepEqual([main.outputs.pr_number, main.outputs.compare_url, main.outputs.commit_count], ['143', compareUrl, '2']);
    assert.match(post.summary, new RegExp(`<a href="${pullRequest.url}">#143</a> Cap card-authorisation retries at three attempts`));
    assert.deepEqual(fake.requests.map((request) => request.endpoint), ['token', 'event', 'event'], 'the post step reuses the access token');
    assert.deepEqual(github.requests.map((request) => request.endpoint).sort(), ['compare', 'graphql']);
    for (const step of [main, post]) assertNoSecretsLeaked(step, DEFAULT_REFRESH_TOKEN, fake.issuedTokens);
  });

  test('Last9 failing: retried, one warning, exit 0; with fail_on_error an error and exit 1', async (t) => {
    const { fake, job, inputs } = await spawned(t);
    fake.faults.push({ on: 'event', respond: { status: 503 } });
    const main = await job.runMain({ inputs: inputs({ max_retry_attempts: '1' }) });
    assert.deepEqual([main.exitCode, levels(main), fake.requestsTo('event').length], [0, ['warning'], 2]);
    assert.match(main.annotations[0]?.message ?? '', /could not send the start event \(HTTP 503.*after 2 tries\)/);
    const failing = await job.runPost({ inputs: inputs({ max_retry_attempts: '0', fail_on_error: 'true' }) });
    assert.deepEqual([failing.exitCode, levels(failing)], [1, ['error']]);
    for (const step of [main, failing]) assertNoSecretsLeaked(step, DEFAULT_REFRESH_TOKEN, fake.issuedTokens);
  });

  test('a wrong input: one error naming it, nothing sent, exit 0; with fail_on_error exit 1', async (t) => {
    const { fake, job, inputs } = await spawned(t);
    const main = await job.runMain({ inputs: inputs({ org_slug: '../admin' }) });
    assert.deepEqual([main.exitCode, levels(main), fake.requests.length, main.stderr], [0, ['error'], 0, '']);
    assert.match(main.annotations[0]?.message ?? '', /^Input "org_slug" must be your Last9 organization slug.*No marker was sent\.$/);
    const failing = await job.runMain({ inputs: inputs({ org_slug: '../admin', fail_on_error: 'true' }) });
    assert.deepEqual([failing.exitCode, levels(failing)], [1, ['error']]);
  });

  // Windows cannot deliver SIGINT to a child process (kill() terminates it outright); the runner
  // cancels with Ctrl+C/Ctrl+Break there, whose handling guard.test.ts proves in process.
  const posixSignals = process.platform === 'win32' ? 'needs POSIX signals: on Windows kill() terminates the child' : false;
  test('cancelled while the start hangs: the step exits at once and the post step sends the stop', { skip: posixSignals }, async (t) => {
    const { fake, job, inputs } = await spawned(t);
    fake.faults.push({ on: 'event', respond: 'hang' });
    const running = job.startMain({ inputs: inputs() });
    await fake.waitFor(() => fake.requestsTo('event').length === 1);
    const signalledAt = performance.now();
    running.child?.kill('SIGINT');
    const main = await running.done;
    const exitMs = performance.now() - signalledAt;
    assert.ok(exitMs < 1_000, `took ${Math.round(exitMs)} ms to exit after SIGINT (the runner escalates after 7.5 s)`);
    assert.equal(main.exitCode, 130);
    assert.match(main.annotations[0]?.message ?? '', /cancelled \(SIGINT\).*the post step will still send the stop event/);

    fake.faults.length = 0;
    const post = await job.runPost({ inputs: inputs(), job: { status: 'cancelled' } });
    const stop = fake.events.find((event) => event.event_state === 'stop');
    assert.deepEqual([post.exitCode, stop?.attributes.result, stop?.attributes.deployment_id], [0, 'cancelled', main.outputs.deployment_id]);
    assert.equal(fake.requestsTo('token').length, 1, 'the post step reuses the token saved before the hang');
    assert.match(post.summary, /unknown \(the main step was cancelled\)/);
    for (const step of [main, post]) assertNoSecretsLeaked(step, DEFAULT_REFRESH_TOKEN, fake.issuedTokens);
  });
});
