// What shipped: the pure decisions behind the lookups (the lookups themselves run against the fake
// GitHub API in __tests__/what-shipped.test.ts).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  choosePullRequest,
  compareUrl,
  describeMissing,
  previousCommitFromPush,
  previousDeployment,
  pullRequestFromPayload,
  pushedCommits,
  rangeFigures,
  shippedAttributes,
} from '../src/changes.js';
import { pushContext } from '../testing/runner.js';

const SHA = 'a'.repeat(40);
const BEFORE = 'b'.repeat(40);

describe('choosePullRequest', () => {
  const merged = { number: 41, title: 'Speed up checkout', html_url: 'https://github.com/acme/payments-api/pull/41', merged_at: '2026-11-20T10:00:00Z', merge_commit_sha: SHA };
  const other = { number: 39, title: 'Older PR that contained the commit', merged_at: '2026-11-19T10:00:00Z', merge_commit_sha: 'c'.repeat(40) };
  const open = { number: 44, title: 'Still open', merged_at: null, merge_commit_sha: null };

  test('the PR that merged the commit, before any other merged one', () => {
    assert.deepEqual(choosePullRequest([other, open, merged], SHA), { number: '41', title: 'Speed up checkout', url: 'https://github.com/acme/payments-api/pull/41' });
  });
  test('else any merged PR; an open one alone is not what shipped', () => {
    assert.equal(choosePullRequest([open, other], SHA)?.number, '39');
    assert.equal(choosePullRequest([open], SHA), undefined);
    assert.equal(choosePullRequest([], SHA), undefined);
  });
  test('the PR the event names wins (workflow_run), even if still open', () => {
    assert.equal(choosePullRequest([merged, open], SHA, '44')?.number, '44');
  });
  test('a multi-line title keeps its first line', () => {
    assert.equal(choosePullRequest([{ ...merged, title: 'Fix\n\nbody' }], SHA)?.title, 'Fix');
  });
});

test('previousDeployment: the newest successful one of another commit (the run\'s own deployment and failed ones skipped)', () => {
  const deployments = [
    { sha: SHA, latestState: 'in_progress' },
    { sha: 'd'.repeat(40), latestState: 'failure' },
    { sha: 'e'.repeat(40) },
    { sha: SHA, latestState: 'success' },
    { sha: BEFORE, latestState: 'success' },
    { sha: 'f'.repeat(40), latestState: 'success' },
  ];
  assert.equal(previousDeployment(deployments, SHA), BEFORE);
  assert.equal(previousDeployment(deployments.slice(0, 4), SHA), undefined);
});

describe('from the payload', () => {
  const push = { env: pushContext(), payload: { before: BEFORE, commits: [{ timestamp: '2026-11-20T10:00:00Z' }, { timestamp: '2026-11-21T09:00:00+01:00' }] } };

  test("a push's before is the previous commit, unless the branch is new (all zeros)", () => {
    assert.equal(previousCommitFromPush(push), BEFORE);
    assert.equal(previousCommitFromPush({ ...push, payload: { before: '0'.repeat(40) } }), undefined);
    assert.equal(previousCommitFromPush({ ...push, payload: { before: 'not-a-sha' } }), undefined);
    assert.equal(previousCommitFromPush({ env: { ...pushContext(), GITHUB_EVENT_NAME: 'workflow_dispatch' }, payload: { before: BEFORE } }), undefined);
  });

  test("a push's own commits, when the compare API cannot answer", () => {
    assert.deepEqual(pushedCommits(push), [{ committedAt: '2026-11-20T10:00:00Z' }, { committedAt: '2026-11-21T09:00:00+01:00' }]);
    assert.equal(pushedCommits({ ...push, env: { ...pushContext(), GITHUB_EVENT_NAME: 'schedule' } }), undefined);
  });

  test('a PR event names its PR, title on one line', () => {
    const env = { ...pushContext(), GITHUB_EVENT_NAME: 'pull_request_review' };
    const payload = { pull_request: { number: 7, title: 'Retry budget\nsecond line', html_url: 'https://github.com/acme/payments-api/pull/7' } };
    assert.deepEqual(pullRequestFromPayload({ env, payload }), { number: '7', title: 'Retry budget', url: 'https://github.com/acme/payments-api/pull/7' });
    assert.equal(pullRequestFromPayload({ env: pushContext(), payload }), undefined);
  });
});

test('rangeFigures: the count, and whole seconds from the oldest committer date to the deploy start', () => {
  const start = Date.parse('2026-11-22T10:00:00Z');
  const commits = [{ committedAt: '2026-11-21T10:00:00Z' }, { committedAt: '2026-11-20T09:59:59.5Z' }, { committedAt: 'garbage' }];
  assert.deepEqual(rangeFigures(42, commits, start), { commitCount: 42, leadTimeS: 172_800 });
  assert.deepEqual(rangeFigures(0, [], start), { commitCount: 0 });
  assert.deepEqual(rangeFigures(1, [{ committedAt: '2026-11-22T10:00:05Z' }], start), { commitCount: 1, leadTimeS: 0 }, 'a clock ahead never gives a negative lead time');
});

test('compareUrl: full SHAs on the server of the run; nothing from an odd server or repository', () => {
  assert.equal(compareUrl(pushContext(), BEFORE, SHA), `https://github.com/acme/payments-api/compare/${BEFORE}...${SHA}`);
  assert.equal(compareUrl({ ...pushContext(), GITHUB_SERVER_URL: 'javascript:alert(1)//' }, BEFORE, SHA), undefined);
});

test('shippedAttributes: every known value as a string, nothing for what is unknown', () => {
  assert.deepEqual(shippedAttributes({ pullRequest: { number: '41', title: 'Speed up checkout' }, previousCommitSha: BEFORE, commitCount: 3, leadTimeS: 0, missing: [] }), {
    github_pr_number: '41',
    github_pr_title: 'Speed up checkout',
    previous_commit_sha: BEFORE,
    commit_count: '3',
    lead_time_s: '0',
  });
  assert.deepEqual(shippedAttributes({ missing: [] }), {});
});

test('describeMissing: one notice naming what is missing and the permissions that would fill it', () => {
  assert.equal(describeMissing([]), undefined);
  assert.equal(
    describeMissing([
      { what: 'the pull request', permission: 'pull-requests: read' },
      { what: 'the previous deployment', permission: 'deployments: read' },
      { what: 'the commits since the previous deployment', why: 'GitHub answered HTTP 502' },
    ]),
    'what shipped is partly unknown: the pull request; the previous deployment; the commits since the previous deployment (GitHub answered HTTP 502). Give the job `permissions:` `pull-requests: read`, `deployments: read` to fill it in. The markers go out with what is known.',
  );
});
