// The lookups of what shipped against the project's fake GitHub on 127.0.0.1 (GraphQL executed
// against GitHub's published schema, REST compare in its documented shape), over real HTTP: how
// many requests, in how many round trips, and what each way GitHub can fail or misbehave leaves known.

import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, beforeEach, describe, test } from 'node:test';
import { readEvent } from '../../src/marker/event-payload.js';
import type { GithubContext } from '../../src/marker/github-context.js';
import { lookUpShipped, type LookupOptions } from '../../src/github/lookups.js';
import { describeMissing } from '../../src/marker/shipped.js';
import { DEFAULT_GITHUB_TOKEN, FakeGitHub, fakeSha, pushOfMergedPullRequest, scenarioPushPayload, type ScenarioExpectations } from '../../testing/fake-github.js';
import { pushContext } from '../../testing/runner.js';

const github = await FakeGitHub.start();
after(() => github.stop());
let expected: ScenarioExpectations;
let now: number;
beforeEach(() => {
  github.reset();
  now = Date.now();
  expected = pushOfMergedPullRequest(github, { now });
});

function contextOf(env: Record<string, string> = {}, payload: unknown = scenarioPushPayload({ now })): GithubContext {
  return { env: { ...pushContext(), GITHUB_API_URL: github.url, ...env }, event: readEvent(payload).event };
}
const options = (overrides: Partial<LookupOptions> = {}): LookupOptions => ({ token: DEFAULT_GITHUB_TOKEN, environment: 'production', deployStartedMs: now, budgetMs: 5_000, debug: () => {}, ...overrides });
const compareUrl = (base: string) => `https://github.com/acme/payments-api/compare/${base}...${expected.sha}`;

describe('lookUpShipped', () => {
  test("a push: the PR, the previous deployment (the push's before), the count and the lead time, from two requests sent at once", async () => {
    github.latencyMs = 100;
    const changes = await lookUpShipped(contextOf(), options());
    assert.deepEqual(changes, {
      pullRequest: { number: '143', title: expected.pullRequest.title, url: expected.pullRequest.url },
      previousCommitSha: expected.previousSha,
      compareUrl: compareUrl(expected.previousSha),
      commitCount: 2,
      leadTimeS: Math.floor((now - Date.parse(expected.oldestCommitAt)) / 1000),
      missing: [],
    });
    const [first, second] = github.requests;
    assert.deepEqual(github.requests.map((request) => request.endpoint).sort(), ['compare', 'graphql']);
    assert.ok(Math.abs((first?.receivedAtMs ?? 0) - (second?.receivedAtMs ?? 0)) < 100, 'both sent before either was answered');
    assert.ok(github.requests.every((request) => request.headers.authorization === `token ${DEFAULT_GITHUB_TOKEN}`));
  });

  test("a manual deploy is bounded by the environment's last success, not this run's own deployment or its failed first attempt: two round trips", async () => {
    const changes = await lookUpShipped(contextOf({ GITHUB_EVENT_NAME: 'workflow_dispatch' }, { inputs: {} }), options());
    assert.deepEqual([changes.previousCommitSha, changes.commitCount, changes.pullRequest?.number, changes.missing], [expected.previousSha, 2, '143', []]);
    assert.deepEqual(github.requests.map((request) => request.endpoint), ['graphql', 'compare']);
  });

  test('at most three requests whatever the history: one GraphQL request reads every deployment with its latest status', async () => {
    for (let index = 0; index < 30; index++) {
      const createdAt = new Date(now - 60_000 + index).toISOString();
      github.deployments.push({ id: 1_000 + index, sha: fakeSha(`other ${index}`), environment: 'production', createdAt, statuses: [{ state: index % 2 ? 'failure' : 'error', createdAt }] });
    }
    const older = github.history[1]?.sha as string;
    github.deployments.push({ id: 999, sha: older, environment: 'production', createdAt: new Date(now - 30_000).toISOString(), statuses: [{ state: 'success', createdAt: new Date(now - 29_000).toISOString() }] });
    const changes = await lookUpShipped(contextOf(), options());
    assert.deepEqual([changes.previousCommitSha, changes.commitCount], [older, 3]);
    assert.deepEqual(github.requests.map((request) => request.endpoint).sort(), ['compare', 'compare', 'graphql']);
  });

  test('no successful deployment among the 50 newest: said so, and the push says what it brought', async () => {
    github.deployments = Array.from({ length: 60 }, (_, index) => ({ id: index, sha: fakeSha(`failed ${index}`), environment: 'production', createdAt: new Date(now - index * 1000).toISOString(), statuses: [{ state: 'failure' as const, createdAt: new Date(now).toISOString() }] }));
    const changes = await lookUpShipped(contextOf(), options());
    assert.deepEqual([changes.previousCommitSha, changes.commitCount], [expected.previousSha, 2]);
    assert.match(describeMissing(changes.missing) ?? '', /the previous deployment \(none of the 50 newest deployments of its environment succeeded\)/);
  });

  test('a job token without the permissions: one notice names them; what the payload knows stays', async () => {
    github.permissions.clear();
    const changes = await lookUpShipped(contextOf(), options());
    assert.equal(
      describeMissing(changes.missing),
      'what shipped is partly unknown: the pull request, the previous deployment. Give the job `permissions:` `pull-requests: read`, `deployments: read` to fill it in. The markers go out with what is known.',
    );
    assert.deepEqual([changes.previousCommitSha, changes.commitCount], [expected.previousSha, 2], "the push's before and its own commits (the compare was refused too)");
    assert.equal(github.requestsTo('compare')[0]?.status, 403);
  });

  test('the rate limit and a refused token are named as what they are, not as a missing permission', async () => {
    github.faults.push({ on: 'any', respond: { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1768503600' }, body: '{"message":"API rate limit exceeded"}' } });
    const limited = describeMissing((await lookUpShipped(contextOf({ GITHUB_EVENT_NAME: 'workflow_dispatch' }, {}), options())).missing);
    assert.equal(limited, "what shipped is partly unknown: the pull request, the previous deployment (GitHub's API rate limit for github_token is used up until 19:00 UTC). The markers go out with what is known.");
    github.reset();
    const refused = describeMissing((await lookUpShipped(contextOf({ GITHUB_EVENT_NAME: 'workflow_dispatch' }, {}), options({ token: 'ghs_revoked0123456789' }))).missing);
    assert.equal(refused, 'what shipped is partly unknown: the pull request, the previous deployment (GitHub refused github_token with HTTP 401). The markers go out with what is known.');
  });

  test('GitHub hanging: after the budget, everything the payload knows is kept', async () => {
    github.faults.push({ on: 'any', respond: 'hang' });
    const started = performance.now();
    const changes = await lookUpShipped(contextOf(), options({ budgetMs: 300 }));
    assert.ok(performance.now() - started < 2_000);
    assert.deepEqual([changes.previousCommitSha, changes.compareUrl, changes.commitCount], [expected.previousSha, compareUrl(expected.previousSha), 2]);
    assert.equal(describeMissing(changes.missing), 'what shipped is partly unknown: the pull request, the previous deployment (no answer within 0.3 s). The markers go out with what is known.');
  });

  test('an answer that is not what GitHub documents (a deployment without its commit, HTML for JSON): unknown, never a crash', async () => {
    const broken = JSON.stringify({ data: { repository: { commit: null, deployments: { pageInfo: { hasNextPage: false }, nodes: [{ commitOid: null, latestStatus: { state: 'PENDING' } }] } } } });
    github.faults.push({ on: 'graphql', respond: { status: 200, body: broken } }, { on: 'compare', respond: { status: 200, headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE html><title>Unicorn!</title>' } });
    const changes = await lookUpShipped(contextOf({ GITHUB_EVENT_NAME: 'workflow_dispatch' }, {}), options());
    assert.deepEqual([changes.previousCommitSha, changes.commitCount], [undefined, undefined]);
    assert.match(describeMissing(changes.missing) ?? '', /the previous deployment \(GitHub's answer is not of the shape GitHub documents\)/);
  });

  test('a redirect is not followed: the token never reaches where it points', async () => {
    const elsewhere: string[] = [];
    const other = await listen(createServer((request, response) => {
      elsewhere.push(request.headers.authorization ?? '');
      response.end('{}');
    }));
    try {
      github.faults.push({ on: 'any', respond: { status: 307, headers: { location: `http://127.0.0.1:${(other.address() as AddressInfo).port}/graphql` }, body: '' } });
      const changes = await lookUpShipped(contextOf({ GITHUB_EVENT_NAME: 'workflow_dispatch' }, {}), options());
      assert.deepEqual(elsewhere, []);
      assert.match(describeMissing(changes.missing) ?? '', /GitHub's API answered with a redirect \(HTTP 307\), which is not followed/);
    } finally {
      other.close();
    }
  });

  test('GITHUB_API_URL in plain http to another host, or with user-info: no lookups, one notice; a trailing slash is harmless', async () => {
    for (const [url, why] of [
      ['http://api.github.example', 'GITHUB_API_URL is not https (http://api.github.example); the job token is not sent in clear'],
      [`http://user:pass@${new URL(github.url).host}`, 'GITHUB_API_URL has user-info, a query or a fragment'],
    ]) {
      const changes = await lookUpShipped(contextOf({ GITHUB_API_URL: url as string }), options());
      assert.match(describeMissing(changes.missing) ?? '', new RegExp(`what GitHub's API would have told \\(${(why as string).replace(/[().]/g, '\\$&')}\\)`));
      assert.equal(changes.previousCommitSha, expected.previousSha, "the push's before");
    }
    assert.equal(github.requests.length, 0);
    const slashed = await lookUpShipped(contextOf({ GITHUB_API_URL: `${github.url}/` }), options());
    assert.deepEqual(slashed.missing, []);
    assert.deepEqual(github.requests.map((request) => request.path).sort(), ['/graphql', `/repos/acme/payments-api/compare/${expected.previousSha}...${expected.sha}`]);
  });

  test('GitHub Enterprise Server: GraphQL at /api/graphql beside the REST API at /api/v3, the links on GITHUB_SERVER_URL', async () => {
    const changes = await lookUpShipped(contextOf({ GITHUB_API_URL: `${github.url}/api/v3`, GITHUB_SERVER_URL: 'https://ghe.example.com' }), options());
    assert.deepEqual(github.requests.map((request) => request.path).sort(), ['/api/graphql', `/api/v3/repos/acme/payments-api/compare/${expected.previousSha}...${expected.sha}`]);
    assert.equal(changes.compareUrl, `https://ghe.example.com/acme/payments-api/compare/${expected.previousSha}...${expected.sha}`);
    assert.equal(changes.pullRequest?.url, 'https://ghe.example.com/acme/payments-api/pull/143');
  });

  test('an answer streamed without end is cut at its cap; the lookups end, the rest is known', async () => {
    let sent = 0;
    const endless = await listen(createServer((request, response) => {
      if (request.url?.includes('/compare/')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        const write = (): void => {
          while (!response.destroyed && response.write(chunk)) sent += chunk.length;
          if (!response.destroyed) response.once('drain', write);
        };
        write();
      } else {
        request.resume();
        response.writeHead(502).end();
      }
    }));
    try {
      const changes = await lookUpShipped(contextOf({ GITHUB_API_URL: `http://127.0.0.1:${(endless.address() as AddressInfo).port}` }), options({ budgetMs: 20_000 }));
      assert.ok(sent < 64 * 1024 * 1024, `${sent} bytes sent before the lookups gave up`);
      assert.deepEqual([changes.previousCommitSha, changes.commitCount], [expected.previousSha, 2], "the push's own figures");
    } finally {
      endless.close();
    }
  });
});

async function listen(server: Server): Promise<Server> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
