// Every marker says what shipped: the built action against the fake Last9 and a fake GitHub API
// seeded with a push that merged pull request #143 (testing/fake-github.ts), on each path a
// deploy takes and with each way GitHub can fail to answer.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_REFRESH_TOKEN } from '../testing/fake-last9.js';
import { MERGED_PULL_REQUEST } from '../testing/fake-github.js';
import { ownFakeAndJob } from '../testing/harness.js';
import { pushContext, type StepResult } from '../testing/runner.js';
import { assertNoSecretsLeaked } from '../testing/secrets.js';

const { sha, previousSha, commitCount, pullRequest } = MERGED_PULL_REQUEST;
const COMPARE_URL = `https://github.com/acme/payments-api/compare/${previousSha}...${sha}`;
const notices = (step: StepResult) => step.annotations.filter((annotation) => annotation.level === 'notice').map((annotation) => annotation.message);

describe('what shipped, on each marker', { concurrency: 3 }, () => {
  test('a push deploy of a merged PR: the PR, the previous deployment, the commits since and the lead time, on start and stop', async (t) => {
    const { fake, github, job, inputs } = await ownFakeAndJob(t);
    const main = await job.runMain({ inputs: inputs() });
    const post = await job.runPost({ inputs: inputs() });
    assert.deepEqual([...main.annotations, ...post.annotations], []);
    const [start, stop] = fake.events;
    const startedMs = Date.parse(start?.timestamp ?? '');
    const oldestMs = Date.parse(github.history.find((commit) => commit.sha === MERGED_PULL_REQUEST.commitShas[0])?.committedAt ?? '');
    const expected = {
      github_pr_number: String(pullRequest.number),
      github_pr_title: pullRequest.title,
      github_pr_url: pullRequest.url,
      previous_commit_sha: previousSha,
      compare_url: COMPARE_URL,
      commit_count: String(commitCount),
      lead_time_s: String(Math.floor((startedMs - oldestMs) / 1000)),
    };
    for (const event of [start, stop]) {
      for (const [key, value] of Object.entries(expected)) assert.equal(event?.attributes[key], value, `${event?.event_state} ${key}`);
    }
    assert.deepEqual(
      { pr: main.outputs.pr_number, previous: main.outputs.previous_commit_sha, compare: main.outputs.compare_url, count: main.outputs.commit_count, lead: main.outputs.lead_time_s },
      { pr: '143', previous: previousSha, compare: COMPARE_URL, count: '3', lead: expected.lead_time_s },
    );
    assert.match(post.summary, /What shipped/);
    assert.match(post.summary, new RegExp(`<a href="${pullRequest.url}">#143</a> Cap card-authorisation retries at three attempts`));
    assert.match(post.summary, new RegExp(`<a href="${COMPARE_URL.replace(/\./g, '\\.')}">92c85fd\\.\\.\\.b1ac627</a>`));
    assert.match(post.summary, /3 commits/);
    // All in the main step; the stop repeats the start's labels. The newest deployment failed: the
    // range from it, asked for before its status was known, went unused.
    assert.deepEqual(
      ['pulls', 'deployments', 'compare'].map((endpoint) => github.requestsTo(endpoint as 'pulls').length),
      [1, 1, 2],
    );
    assert.ok(github.requestsTo('compare').some((request) => request.path.endsWith(`/${previousSha}...${sha}`)));
    assert.ok(github.requests.every((request) => request.headers.authorization === 'token ghs_fakejobtoken0123456789abcdef'));
    for (const step of [main, post]) assertNoSecretsLeaked(step, DEFAULT_REFRESH_TOKEN, fake.issuedTokens);
  });

  test("a manual deploy (workflow_dispatch) is bounded by the environment's last successful deployment, not failed ones, other environments or its own", async (t) => {
    const { fake, job, inputs } = await ownFakeAndJob(t, {}, { env: { GITHUB_EVENT_NAME: 'workflow_dispatch' }, event: { inputs: { reason: 'hotfix' }, ref: 'refs/heads/main' } });
    const main = await job.runMain({ inputs: inputs() });
    assert.deepEqual(main.annotations, []);
    assert.equal(fake.events[0]?.attributes.previous_commit_sha, previousSha);
    assert.equal(fake.events[0]?.attributes.commit_count, '3');
    assert.equal(fake.events[0]?.attributes.github_pr_number, '143');
  });

  test('github_environment names another GitHub environment than env', async (t) => {
    const { fake, job, inputs } = await ownFakeAndJob(t, {}, { env: { GITHUB_EVENT_NAME: 'workflow_dispatch' }, event: {} });
    await job.runMain({ inputs: inputs({ env: 'prod-eu', github_environment: 'staging' }) });
    assert.equal(fake.events[0]?.attributes.previous_commit_sha, MERGED_PULL_REQUEST.commitShas[1], 'staging last had the commit before');
    assert.equal(fake.events[0]?.attributes.commit_count, '1');
  });

  test('a PR-event deploy takes its PR from the payload, with no PR lookup', async (t) => {
    const head = MERGED_PULL_REQUEST.commitShas[1] as string;
    const event = { pull_request: { number: 150, title: 'Preview: new checkout', html_url: 'https://github.com/acme/payments-api/pull/150', head: { sha: head, ref: 'feat/checkout' } } };
    const { fake, github, job, inputs } = await ownFakeAndJob(t, {}, { env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_HEAD_REF: 'feat/checkout' }, event });
    await job.runMain({ inputs: inputs({ env: 'preview' }) });
    const attributes = fake.events[0]?.attributes;
    assert.deepEqual([attributes?.github_pr_number, attributes?.github_pr_title, attributes?.github_pr_url], ['150', 'Preview: new checkout', 'https://github.com/acme/payments-api/pull/150']);
    assert.equal(github.requestsTo('pulls').length, 0);
  });

  test('a token without the permissions: the markers go out with what the payload knows, and one notice names the permissions', async (t) => {
    const { fake, github, job, inputs } = await ownFakeAndJob(t);
    github.permissions.clear();
    const main = await job.runMain({ inputs: inputs() });
    const post = await job.runPost({ inputs: inputs() });
    assert.equal(main.exitCode, 0);
    assert.deepEqual(notices(main), [
      'Last9: what shipped is partly unknown: the pull request; the previous deployment. Give the job `permissions:` `pull-requests: read`, `deployments: read` to fill it in. The markers go out with what is known.',
    ]);
    assert.deepEqual(post.annotations, []);
    assert.equal(fake.events.length, 2);
    const attributes = fake.events[0]?.attributes ?? {};
    assert.equal(attributes.github_pr_number, undefined);
    assert.equal(attributes.previous_commit_sha, MERGED_PULL_REQUEST.commitShas[1], "the push's before");
    assert.equal(attributes.commit_count, '1', "the push's own commits");
  });

  test('GitHub hanging: the start still goes out within the lookup budget (half of timeout_seconds at most), with what is known', async (t) => {
    const { fake, github, job, inputs } = await ownFakeAndJob(t);
    github.faults.push({ on: 'any', respond: 'hang' });
    const main = await job.runMain({ inputs: inputs({ timeout_seconds: '4' }) });
    assert.equal(main.exitCode, 0);
    assert.ok(main.durationMs >= 2_000 && main.durationMs < 5_000, `${Math.round(main.durationMs)} ms for a 2 s lookup budget`);
    assert.equal(fake.events.length, 1);
    assert.equal(main.outputs.delivered, 'true');
    assert.deepEqual(notices(main), ['Last9: what shipped is partly unknown: what GitHub had not answered yet (no answer within 2 s). The markers go out with what is known.']);
  });

  test('a force-pushed before GitHub cannot compare: the push payload counts the commits', async (t) => {
    const forcePushed = 'f0rce'.padEnd(40, '0').replace(/r/g, 'e');
    const { fake, github, job, inputs } = await ownFakeAndJob(t, {}, { event: { before: forcePushed, after: sha, commits: [{ id: sha, timestamp: '2026-01-15T17:52:10Z' }] } });
    github.deployments = [];
    const main = await job.runMain({ inputs: inputs() });
    assert.deepEqual(main.annotations, []);
    assert.equal(github.requestsTo('compare')[0]?.status, 404);
    const attributes = fake.events[0]?.attributes ?? {};
    assert.equal(attributes.previous_commit_sha, forcePushed);
    assert.equal(attributes.commit_count, '1');
    assert.equal(attributes.github_pr_number, '143');
  });

  test('link_changes: false makes no call to GitHub and adds nothing', async (t) => {
    const { fake, github, job, inputs } = await ownFakeAndJob(t);
    await job.runMain({ inputs: inputs({ link_changes: 'false' }) });
    await job.runPost({ inputs: inputs({ link_changes: 'false' }) });
    assert.equal(github.requests.length, 0);
    assert.equal(fake.events.length, 2);
    for (const key of ['github_pr_title', 'previous_commit_sha', 'compare_url', 'commit_count', 'lead_time_s']) assert.equal(fake.events[0]?.attributes[key], undefined, key);
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

  test('when the newest deployment is the previous one, its range is asked for with the statuses: two round trips to GitHub, not three', async (t) => {
    const { fake, github, job, inputs } = await ownFakeAndJob(t);
    const newestFailed = github.deployments.findLast((deployment) => deployment.environment === 'production' && deployment.sha !== sha);
    github.deployments = github.deployments.filter((deployment) => deployment !== newestFailed);
    github.latencyMs = 200;
    await job.runMain({ inputs: inputs() });
    const compares = github.requestsTo('compare');
    assert.deepEqual(compares.map((request) => request.path.split('/').pop()), [`${previousSha}...${sha}`]);
    const compare = compares[0] as (typeof compares)[number];
    const firstStatus = Math.min(...github.requestsTo('statuses').map((request) => request.receivedAtMs));
    assert.ok(compare.receivedAtMs < firstStatus + 200, 'the range was asked for before any status was answered');
    assert.equal(fake.events[0]?.attributes.previous_commit_sha, previousSha);
    assert.equal(fake.events[0]?.attributes.commit_count, '3');
  });

  test('GitHub Enterprise Server: the lookups go to GITHUB_API_URL, the links to GITHUB_SERVER_URL', async (t) => {
    const { fake, github, job, inputs } = await ownFakeAndJob(t, {}, { env: { ...pushContext(), GITHUB_SERVER_URL: 'https://ghe.example.com' } });
    await job.runMain({ inputs: inputs() });
    assert.ok(github.requests.length > 0);
    assert.equal(fake.events[0]?.attributes.compare_url, `https://ghe.example.com/acme/payments-api/compare/${previousSha}...${sha}`);
  });
});
