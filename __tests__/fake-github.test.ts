// The fake GitHub REST API itself, through real HTTP: what it answers, refuses and breaks on purpose.

import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import {
  DEFAULT_GITHUB_TOKEN,
  FakeGitHub,
  MERGED_PULL_REQUEST,
  fakeSha,
  pushOfMergedPullRequest,
  type ScenarioExpectations,
} from '../testing/fake-github.js';

const fake = await FakeGitHub.start();
after(() => fake.stop());

let expected: ScenarioExpectations;
beforeEach(() => {
  fake.reset();
  expected = pushOfMergedPullRequest(fake);
});

const REPO = '/repos/acme/payments-api';

async function get(path: string, options: { token?: string | null; scheme?: string; timeoutMs?: number } = {}): Promise<{ status: number; headers: Headers; body: unknown }> {
  const token = options.token === undefined ? DEFAULT_GITHUB_TOKEN : options.token;
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' };
  if (token !== null) headers.authorization = `${options.scheme ?? 'token'} ${token}`;
  const response = await fetch(path.startsWith('http') ? path : `${fake.url}${path}`, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 2_000) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

function ids(body: unknown): number[] {
  return (body as Array<{ id: number }>).map((item) => item.id);
}

/** The rel="…" targets of a Link header. */
function links(header: string | null): Record<string, string> {
  return Object.fromEntries([...(header ?? '').matchAll(/<([^>]+)>; rel="(\w+)"/g)].map((match) => [match[2], match[1]]));
}

describe('FakeGitHub', () => {
  test('the seeded scenario is what its exported values say', () => {
    assert.deepEqual(expected, MERGED_PULL_REQUEST);
    assert.equal(expected.previousSha, fake.history[fake.history.length - 4]?.sha, 'three commits back');
    assert.equal(expected.sha, fake.history.at(-1)?.sha);
    assert.equal(expected.commitCount, 3);
    assert.equal(expected.oldestCommitAt, '2026-01-15T09:03:17Z');
  });

  test('checks the token: token or Bearer scheme, else 401 Bad credentials', async () => {
    assert.equal((await get(`${REPO}/deployments`)).status, 200);
    assert.equal((await get(`${REPO}/deployments`, { scheme: 'Bearer' })).status, 200);
    for (const token of [null, 'ghs_wrong']) {
      const refused = await get(`${REPO}/deployments`, { token });
      assert.equal(refused.status, 401);
      assert.deepEqual(refused.body, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
    assert.equal(fake.requests[0]?.headers.authorization, `token ${DEFAULT_GITHUB_TOKEN}`);
    assert.deepEqual(fake.requests.map((request) => request.status), [200, 200, 401, 401]);
  });

  test('refuses an endpoint whose permission the job token lacks with 403, as GitHub does', async () => {
    fake.permissions.delete('deployments');
    const refused = await get(`${REPO}/deployments?environment=production`);
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.body, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/deployments/deployments#list-deployments',
      status: '403',
    });
    assert.equal((await get(`${REPO}/deployments/${expected.currentDeploymentId}/statuses`)).status, 403);
    assert.equal((await get(`${REPO}/compare/${expected.previousSha}...${expected.sha}`)).status, 200, 'contents is still granted');
    fake.permissions.delete('pull_requests');
    assert.equal((await get(`${REPO}/commits/${expected.sha}/pulls`)).status, 403);
    fake.reset();
    assert.equal((await get(`${REPO}/deployments`)).status, 200, 'reset() gives the permissions back');
  });

  test('lists the pull request that merged a commit, and 422 for a commit it has never seen', async () => {
    const found = await get(`${REPO}/commits/${expected.sha}/pulls`);
    assert.equal(found.status, 200);
    const [pull, ...others] = found.body as Array<Record<string, unknown>>;
    assert.equal(others.length, 0);
    assert.equal(pull?.number, expected.pullRequest.number);
    assert.equal(pull?.title, expected.pullRequest.title);
    assert.equal(pull?.html_url, expected.pullRequest.url);
    assert.equal(pull?.merged_at, expected.pullRequest.mergedAt);
    assert.equal(pull?.merge_commit_sha, expected.sha);
    assert.equal((pull?.user as { login: string }).login, expected.pullRequest.author);

    const unknown = fakeSha('never pushed');
    const missing = await get(`${REPO}/commits/${unknown}/pulls`);
    assert.equal(missing.status, 422);
    assert.equal((missing.body as { message: string }).message, `No commit found for SHA: ${unknown}`);
  });

  test('compares two commits: counts, commits oldest first, identical, behind, two dots', async () => {
    const ahead = await get(`${REPO}/compare/${expected.previousSha}...${expected.sha}`);
    assert.equal(ahead.status, 200);
    const body = ahead.body as {
      status: string;
      ahead_by: number;
      behind_by: number;
      total_commits: number;
      base_commit: { sha: string };
      merge_base_commit: { sha: string };
      commits: Array<{ sha: string; commit: { committer: { date: string }; message: string }; parents: Array<{ sha: string }> }>;
      files: unknown[];
    };
    assert.deepEqual([body.status, body.ahead_by, body.behind_by, body.total_commits], ['ahead', 3, 0, 3]);
    assert.equal(body.base_commit.sha, expected.previousSha);
    assert.equal(body.merge_base_commit.sha, expected.previousSha);
    assert.deepEqual(body.commits.map((commit) => commit.sha), expected.commitShas);
    assert.equal(body.commits[0]?.commit.committer.date, expected.oldestCommitAt);
    assert.equal(body.commits[0]?.parents[0]?.sha, expected.previousSha);
    assert.deepEqual(body.files, []);

    const identical = (await get(`${REPO}/compare/${expected.sha}...${expected.sha}`)).body as { status: string; total_commits: number; commits: unknown[] };
    assert.deepEqual([identical.status, identical.total_commits, identical.commits.length], ['identical', 0, 0]);
    const behind = (await get(`${REPO}/compare/${expected.sha}...${expected.previousSha}`)).body as { status: string; behind_by: number; commits: unknown[] };
    assert.deepEqual([behind.status, behind.behind_by, behind.commits.length], ['behind', 3, 0]);
    const twoDots = (await get(`${REPO}/compare/${expected.previousSha}..${expected.sha}`)).body as { total_commits: number };
    assert.equal(twoDots.total_commits, 3);
  });

  test('pages compare commits when asked, with a Link header', async () => {
    const first = await get(`${REPO}/compare/${fake.history[0]?.sha}...${expected.sha}?per_page=2`);
    const body = first.body as { total_commits: number; commits: Array<{ sha: string }> };
    assert.equal(body.total_commits, 5);
    assert.deepEqual(body.commits.map((commit) => commit.sha), fake.history.slice(1, 3).map((commit) => commit.sha));
    assert.match(links(first.headers.get('link')).last ?? '', /[?&]page=3$/);
  });

  test('answers 404 Not Found for an unknown base (a force-pushed before), another repository or path', async () => {
    const forcePushed = await get(`${REPO}/compare/${fakeSha('force-pushed away')}...${expected.sha}`);
    assert.equal(forcePushed.status, 404);
    assert.equal((forcePushed.body as { message: string }).message, 'Not Found');
    assert.equal((await get(`${REPO}/compare/${expected.previousSha}...${fakeSha('unknown head')}`)).status, 404);
    assert.equal((await get(`/repos/acme/other-service/deployments`)).status, 404);
    assert.equal((await get(`${REPO}/releases`)).status, 404);
    assert.equal(fake.requestsTo('unknown').length, 1);
  });

  test('lists deployments filtered by environment, newest first, paginated with a Link header', async () => {
    const production = await get(`${REPO}/deployments?environment=production`);
    assert.deepEqual(ids(production.body), [2051377412, 2051098642, 2050245519, 2049811730]);
    assert.equal(production.headers.get('link'), null, 'one page: no Link');
    assert.deepEqual(ids((await get(`${REPO}/deployments?environment=staging`)).body), [2051034086]);
    assert.deepEqual(ids((await get(`${REPO}/deployments?sha=${expected.previousSha}`)).body), [expected.previousDeploymentId]);

    const first = await get(`${REPO}/deployments?environment=production&per_page=2`);
    assert.deepEqual(ids(first.body), [expected.currentDeploymentId, 2051098642]);
    const firstLinks = links(first.headers.get('link'));
    assert.deepEqual(Object.keys(firstLinks), ['next', 'last']);
    assert.ok(firstLinks.next?.startsWith(`${fake.url}${REPO}/deployments?`));
    const second = await get(firstLinks.next ?? '');
    assert.deepEqual(ids(second.body), [expected.previousDeploymentId, 2049811730]);
    assert.deepEqual(Object.keys(links(second.headers.get('link'))), ['prev', 'first']);
    assert.deepEqual(fake.requestsTo('deployments').at(-1)?.query, { environment: 'production', per_page: '2', page: '2' });
  });

  test('lists deployment statuses newest first, and 404 for an unknown deployment', async () => {
    const current = await get(`${REPO}/deployments/${expected.currentDeploymentId}/statuses`);
    assert.deepEqual((current.body as Array<{ state: string }>).map((status) => status.state), ['in_progress', 'queued']);
    const previous = await get(`${REPO}/deployments/${expected.previousDeploymentId}/statuses?per_page=1`);
    assert.deepEqual((previous.body as Array<{ state: string; environment: string }>).map((status) => [status.state, status.environment]), [['success', 'production']]);
    assert.equal((await get(`${REPO}/deployments/1/statuses`)).status, 404);
  });

  test('finds the last successful production deployment of another commit over HTTP', async () => {
    const deployments = (await get(`${REPO}/deployments?environment=production`)).body as Array<{ id: number; sha: string }>;
    let previous: string | undefined;
    for (const deployment of deployments.filter((candidate) => candidate.sha !== expected.sha)) {
      const [latest] = (await get(`${REPO}/deployments/${deployment.id}/statuses?per_page=1`)).body as Array<{ state: string }>;
      if (latest?.state === 'success') {
        previous = deployment.sha;
        break;
      }
    }
    assert.equal(previous, expected.previousSha);
  });

  test('injects a 403 for a number of requests, then answers again', async () => {
    fake.faults.push({ on: 'deployments', times: 1, respond: { status: 403, headers: { 'x-ratelimit-remaining': '0' } } });
    const limited = await get(`${REPO}/deployments`);
    assert.equal(limited.status, 403);
    assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
    assert.equal((await get(`${REPO}/deployments`)).status, 200);
    assert.equal(fake.faults.length, 0);
  });

  test('a hang never answers: the client times out and the request is recorded unanswered', async () => {
    fake.faults.push({ on: 'compare', respond: 'hang' });
    await assert.rejects(get(`${REPO}/compare/${expected.previousSha}...${expected.sha}`, { timeoutMs: 100 }), { name: 'TimeoutError' });
    assert.equal(fake.requestsTo('compare').length, 1);
    assert.equal(fake.requestsTo('compare')[0]?.status, undefined);
    assert.equal((await get(`${REPO}/deployments`)).status, 200, 'other endpoints still answer');
  });

  test('a reset drops the connection', async () => {
    fake.faults.push({ on: 'any', times: 1, respond: 'reset' });
    await assert.rejects(get(`${REPO}/deployments`), TypeError);
    assert.equal((await get(`${REPO}/deployments`)).status, 200);
  });

  test('delays every answer by latencyMs, and waitFor sees the requests', async () => {
    fake.latencyMs = 60;
    const started = Date.now();
    const answered = get(`${REPO}/commits/${expected.sha}/pulls`);
    await fake.waitFor(() => fake.requestsTo('pulls').length === 1);
    assert.equal(fake.requestsTo('pulls')[0]?.status, undefined, 'not answered yet');
    assert.equal((await answered).status, 200);
    assert.ok(Date.now() - started >= 55, `answered after ${Date.now() - started} ms`);
  });

  test('stops promptly with a hanging request outstanding', async () => {
    const other = await FakeGitHub.start();
    other.faults.push({ on: 'any', respond: 'hang' });
    const pending = fetch(`${other.url}${REPO}/deployments`, { headers: { authorization: `token ${DEFAULT_GITHUB_TOKEN}` } });
    await other.waitFor(() => other.requests.length === 1);
    const started = Date.now();
    await other.stop();
    assert.ok(Date.now() - started < 500);
    await assert.rejects(pending);
  });
});
