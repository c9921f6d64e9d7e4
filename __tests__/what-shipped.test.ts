// What shipped, through the built action as the runner runs it, for what only a process shows: the
// whole window carries it on start and stop, in outputs and summary, with no token anywhere; a
// GitHub answering nonsense never changes the exit code or loses a marker; the lookups overlap
// the token exchange. The rules and every way GitHub fails run in process (shipped.test.ts,
// github-answers.test.ts, github-lookups.test.ts).

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { DEFAULT_REFRESH_TOKEN } from '../testing/fake-last9.js';
import { MERGED_PULL_REQUEST } from '../testing/fake-github.js';
import { ownFakeAndJob } from '../testing/harness.js';
import { assertNoSecretsLeaked } from '../testing/secrets.js';

const { sha, previousSha, pullRequest } = MERGED_PULL_REQUEST;
const COMPARE_URL = `https://github.com/acme/payments-api/compare/${previousSha}...${sha}`;

describe('what shipped, on each marker', { concurrency: 3 }, () => {
  test('a push deploy of a merged PR: the PR, the previous deployment, the commits since and the lead time, on start and stop', async (t) => {
    const { fake, github, job, inputs } = await ownFakeAndJob(t);
    const main = await job.runMain({ inputs: inputs() });
    const post = await job.runPost({ inputs: inputs() });
    assert.deepEqual([...main.annotations, ...post.annotations], []);
    const [start, stop] = fake.events;
    const oldestMs = Date.parse(github.history.find((commit) => commit.sha === MERGED_PULL_REQUEST.commitShas[0])?.committedAt ?? '');
    const expected = {
      github_pr_number: String(pullRequest.number),
      github_pr_title: pullRequest.title,
      github_pr_url: pullRequest.url,
      previous_commit_sha: previousSha,
      compare_url: COMPARE_URL,
      commit_count: '2',
      lead_time_s: String(Math.floor((Date.parse(start?.timestamp ?? '') - oldestMs) / 1000)),
    };
    for (const event of [start, stop]) {
      for (const [key, value] of Object.entries(expected)) assert.equal(event?.attributes[key], value, `${event?.event_state} ${key}`);
    }
    assert.deepEqual(
      { pr: main.outputs.pr_number, previous: main.outputs.previous_commit_sha, compare: main.outputs.compare_url, count: main.outputs.commit_count, lead: main.outputs.lead_time_s },
      { pr: '143', previous: previousSha, compare: COMPARE_URL, count: '2', lead: expected.lead_time_s },
    );
    assert.match(post.summary, new RegExp(`<a href="${pullRequest.url}">#143</a> Cap card-authorisation retries at three attempts`));
    assert.match(post.summary, new RegExp(`<a href="${COMPARE_URL.replace(/\./g, '\\.')}">67fa876\\.\\.\\.b1ac627</a>`));
    // All in the main step, at once; the stop repeats the start's labels.
    assert.deepEqual(github.requests.map((request) => request.endpoint).sort(), ['compare', 'graphql']);
    for (const step of [main, post]) assertNoSecretsLeaked(step, DEFAULT_REFRESH_TOKEN, fake.issuedTokens);
  });

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
