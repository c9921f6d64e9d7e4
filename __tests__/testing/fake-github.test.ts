// The fake GitHub answers as GitHub does: the action's GraphQL query is valid against GitHub's
// published schema (@octokit/graphql-schema), the fake executes queries against that schema, and
// its REST answers validate against GitHub's REST description (@octokit/openapi).

import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { parse, validate } from 'graphql';
import { WHAT_SHIPPED_QUERY } from '../../src/github/answers.js';
import { DEFAULT_GITHUB_TOKEN, FakeGitHub, gitHubSchema, MERGED_PULL_REQUEST, pushOfMergedPullRequest } from '../../testing/fake-github.js';
import { gitHubRestSchema } from '../../testing/github-openapi.js';

const github = await FakeGitHub.start();
after(() => github.stop());
beforeEach(() => {
  github.reset();
  pushOfMergedPullRequest(github);
});

async function call(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${github.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `token ${init.token ?? DEFAULT_GITHUB_TOKEN}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const variables = { owner: 'acme', name: 'payments-api', sha: MERGED_PULL_REQUEST.sha, environment: 'production', pullRequests: true };

describe('FakeGitHub', () => {
  test("the action's query is valid against GitHub's published GraphQL schema", () => {
    assert.deepEqual(validate(gitHubSchema(), parse(WHAT_SHIPPED_QUERY)).map((error) => error.message), []);
  });

  test('a query GitHub would refuse is refused, as GitHub does: errors, no data', async () => {
    const { body } = await call('/graphql', { method: 'POST', body: { query: '{ repository(owner: "acme", name: "payments-api") { deployments { nodes { sha } } } }' } });
    assert.equal(body.data, undefined);
    assert.match(JSON.stringify(body.errors), /Cannot query field \\"sha\\" on type \\"Deployment\\"/);
  });

  test("the scenario's deployments, newest first with their latest status, and the deployed commit's pull request", async () => {
    const { body } = await call('/graphql', { method: 'POST', body: { query: WHAT_SHIPPED_QUERY, variables } });
    const repository = (body.data as { repository: { commit: unknown; deployments: { nodes: Array<{ commitOid: string; latestStatus: { state: string } }> } } }).repository;
    const pullRequest = { number: 143, title: MERGED_PULL_REQUEST.pullRequest.title, merged: true, mergeCommit: { oid: MERGED_PULL_REQUEST.sha }, headRefName: 'pr-143', headRefOid: 'a99b3875bce7be9d6c2347928ba3544f5e574f04' };
    assert.deepEqual(repository.commit, { messageHeadline: `${MERGED_PULL_REQUEST.pullRequest.title} (#143)`, associatedPullRequests: { nodes: [pullRequest] } });
    assert.deepEqual(
      repository.deployments.nodes.map((node) => [node.commitOid.slice(0, 7), node.latestStatus.state]),
      [['b1ac627', 'IN_PROGRESS'], ['b1ac627', 'FAILURE'], ['67fa876', 'SUCCESS'], ['92c85fd', 'INACTIVE']],
    );
  });

  test('a field the job token may not read fails with a FORBIDDEN error at its path, nulled as the schema says', async () => {
    github.permissions.delete('pull_requests');
    const pulls = await call('/graphql', { method: 'POST', body: { query: WHAT_SHIPPED_QUERY, variables } });
    assert.equal((pulls.body.data as { repository: { commit: { associatedPullRequests: unknown } } }).repository.commit.associatedPullRequests, null, 'a nullable field');
    github.permissions.delete('deployments');
    const { status, body } = await call('/graphql', { method: 'POST', body: { query: WHAT_SHIPPED_QUERY, variables: { ...variables, pullRequests: false } } });
    assert.equal(status, 200);
    assert.deepEqual(body.data, { repository: null }, 'Repository.deployments may not be null: its repository is');
    assert.deepEqual((body.errors as Array<{ type: string; path: string[] }>).map(({ type, path }) => ({ type, path })), [{ type: 'FORBIDDEN', path: ['repository', 'deployments'] }]);
  });

  test('a compare answer validates against GitHub\'s commit-comparison schema; errors against basic-error', async () => {
    const comparison = await call(`/repos/acme/payments-api/compare/${MERGED_PULL_REQUEST.previousSha}...${MERGED_PULL_REQUEST.sha}?per_page=100`);
    const validComparison = gitHubRestSchema('commit-comparison');
    assert.ok(validComparison(comparison.body), JSON.stringify(validComparison.errors));
    assert.deepEqual([comparison.body.status, comparison.body.total_commits, (comparison.body.commits as unknown[]).length], ['ahead', 2, 2]);
    const error = gitHubRestSchema('basic-error');
    for (const [path, token, status] of [
      [`/repos/acme/payments-api/compare/${'0'.repeat(40)}...${MERGED_PULL_REQUEST.sha}`, DEFAULT_GITHUB_TOKEN, 404],
      ['/repos/acme/payments-api/compare/a...b', 'ghs_wrong', 401],
    ] as const) {
      const answer = await call(path, { token });
      assert.equal(answer.status, status);
      assert.ok(error(answer.body), JSON.stringify(error.errors));
    }
  });
});
