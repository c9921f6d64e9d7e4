// What shipped, through whole steps: a GitHub answering nonsense never changes the exit code or
// loses a marker; an unreadable payload leaves the lookups working; the lookups overlap the token
// exchange. The rules, and every way GitHub fails, at their own level: marker/shipped.test.ts,
// github/answers.test.ts, github/lookups.test.ts; a whole window through dist/: dist/window.test.ts.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { MERGED_PULL_REQUEST } from '../../testing/fake-github.js';
import { ownFakeAndJob } from '../../testing/harness.js';

const { previousSha } = MERGED_PULL_REQUEST;

describe('what shipped, on each marker', { concurrency: 3 }, () => {
  test('GitHub answering what it never documents, late: the step exits 0, both markers go out, one notice says what is unknown', async (t) => {
    const { fake, github, job, inputs } = await ownFakeAndJob(t);
    github.latencyMs = 400;
    const nonsense = JSON.stringify({ data: { repository: { commit: { associatedPullRequests: { nodes: [{ number: { id: 1 }, title: null, merged: true }] } }, deployments: { pageInfo: { hasNextPage: false }, nodes: [{ commitOid: 42, latestStatus: { state: 'PENDING' } }] } } } });
    github.faults.push({ on: 'graphql', respond: { status: 200, body: nonsense } }, { on: 'compare', respond: { status: 200, body: '{"total_commits": {"n": 3}, "commits": ' } });
    const main = await job.runMain({ inputs: inputs() });
    const post = await job.runPost({ inputs: inputs() });
    assert.deepEqual([main.exitCode, post.exitCode, fake.events.map((event) => event.event_state)], [0, 0, ['start', 'stop']]);
    assert.deepEqual(main.annotations, [
      {
        level: 'notice',
        message: "Last9: what shipped is partly unknown: the pull request, the previous deployment (GitHub's answer is not of the shape GitHub documents). The markers go out with what is known.",
      },
    ]);
    const attributes = fake.events[0]?.attributes ?? {};
    assert.deepEqual([attributes.github_pr_number, attributes.previous_commit_sha, attributes.commit_count], [undefined, previousSha, '2'], "the push's before and its own commits");
  });

  test('a payload file that is not JSON: one notice, and GitHub still says what shipped', async (t) => {
    const { fake, job, inputs } = await ownFakeAndJob(t, {}, { env: { GITHUB_EVENT_NAME: 'workflow_dispatch' } });
    writeFileSync(job.env.GITHUB_EVENT_PATH as string, '{"inputs": {"reason": "hotfix"');
    const main = await job.runMain({ inputs: inputs() });
    assert.deepEqual(main.annotations, [{ level: 'notice', message: 'Last9: the event payload (GITHUB_EVENT_PATH) was not read (it is not JSON); the attributes taken from it are left out' }]);
    const attributes = fake.events[0]?.attributes ?? {};
    assert.deepEqual([attributes.github_pr_number, attributes.previous_commit_sha, attributes.commit_count], ['143', previousSha, '2']);
  });

  test('the lookups overlap the token exchange: a slow GitHub does not delay the exchange', async (t) => {
    const { fake, github, job, inputs } = await ownFakeAndJob(t);
    github.latencyMs = 300;
    fake.latencyMs = 300;
    await job.runMain({ inputs: inputs() });
    const exchange = fake.requestsTo('token')[0];
    const firstLookup = Math.min(...github.requests.map((request) => request.receivedAtMs));
    assert.ok(exchange && exchange.receivedAtMs < firstLookup + 300, 'the token exchange was sent while the first lookups were still unanswered');
    assert.ok((fake.requestsTo('event')[0]?.receivedAtMs ?? 0) >= Math.max(...github.requests.map((request) => request.receivedAtMs)), 'the start waits for what shipped');
  });
});
