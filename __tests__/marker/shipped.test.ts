// What shipped, decided from what the payload says and what GitHub answered: the pure rules
// behind the lookups (the lookups themselves run against the fake GitHub in what-shipped.test.ts).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvent } from '../../src/marker/event-payload.js';
import type { Answer, CommitRange, DeploymentNode, WhatShippedAnswer } from '../../src/marker/github-facts.js';
import type { GithubContext, NamedRevision } from '../../src/marker/github-context.js';
import { choosePullRequest, decideShipped, describeMissing, previousDeployment, rangeFigures, shippedAttributes, shippedPlan, type ShippedFacts } from '../../src/marker/shipped.js';
import { pushContext } from '../../testing/runner.js';
import { webhookExample } from '../../testing/webhook-examples.js';

const SHA = 'a'.repeat(40);
const BEFORE = 'b'.repeat(40);
const DEPLOYED = 'c'.repeat(40);
const START = Date.parse('2026-01-15T18:00:00Z');
const OPTIONS = { deployStartedMs: START, budgetMs: 2_000 };

function context(env: Record<string, string>, payload: unknown): GithubContext {
  return { env: { ...pushContext(), GITHUB_SHA: SHA, ...env }, event: readEvent(payload).event };
}
const push = context({}, { before: BEFORE, commits: [{ timestamp: '2026-01-15T16:00:00Z' }, { timestamp: '2026-01-15T17:00:00Z' }] });
const dispatch = context({ GITHUB_EVENT_NAME: 'workflow_dispatch' }, {});

const range = (totalCommits: number, committedAt?: string[]): Answer<CommitRange> => ({ ok: true, value: { status: 'ahead', aheadBy: totalCommits, behindBy: 0, totalCommits, committedAt } });
const deployments = (...nodes: Array<DeploymentNode | undefined>): WhatShippedAnswer['deployments'] => ({ ok: true, value: { nodes, more: false } });
const lookup = (answer: Partial<WhatShippedAnswer>): WhatShippedAnswer => ({ pullRequests: { ok: true, value: [] }, deployments: deployments(), ...answer });
const decide = (on: GithubContext, facts: ShippedFacts, named?: NamedRevision) => decideShipped(on, shippedPlan(on, named), facts, OPTIONS);

describe('decideShipped', () => {
  test('the previous deployment bounds the range; its compare gives the count and the lead time', () => {
    const facts = { lookup: lookup({ deployments: deployments({ commitSha: DEPLOYED, state: 'SUCCESS' }) }), ranges: new Map([[DEPLOYED, range(3, ['2026-01-15T15:00:00Z'])]]) };
    assert.deepEqual(decide(dispatch, facts), {
      missing: [],
      previousCommitSha: DEPLOYED,
      compareUrl: `https://github.com/acme/payments-api/compare/${DEPLOYED}...${SHA}`,
      commitCount: 3,
      leadTimeS: 3 * 3600,
    });
  });

  test("GitHub not answering in time keeps everything else known: the push's before, its range and the payload's PR", () => {
    const pr = context({ GITHUB_EVENT_NAME: 'pull_request' }, { pull_request: { number: 7, title: 'Retry budget\nmore', head: { sha: SHA } } });
    const changes = decide(pr, { lookup: 'pending', ranges: new Map() });
    assert.deepEqual(changes.pullRequest, { number: '7', title: 'Retry budget', url: 'https://github.com/acme/payments-api/pull/7' });
    const pushed = decide(push, { lookup: 'pending', ranges: new Map([[BEFORE, range(2, ['2026-01-15T16:00:00Z', '2026-01-15T17:00:00Z'])]]) });
    assert.deepEqual({ ...pushed, missing: describeMissing(pushed.missing) }, {
      missing: 'what shipped is partly unknown: the pull request, the previous deployment (no answer within 2 s). The markers go out with what is known.',
      previousCommitSha: BEFORE,
      compareUrl: `https://github.com/acme/payments-api/compare/${BEFORE}...${SHA}`,
      commitCount: 2,
      leadTimeS: 2 * 3600,
    });
  });

  test("the figures always describe the range the link shows: a push's own commits only for before...sha", () => {
    const failed: Answer<CommitRange> = { ok: false, failure: { kind: 'status', status: 502 } };
    const older = decide(push, { lookup: lookup({ deployments: deployments({ commitSha: DEPLOYED, state: 'SUCCESS' }) }), ranges: new Map([[BEFORE, range(2)], [DEPLOYED, failed]]) });
    assert.deepEqual([older.previousCommitSha, older.commitCount, older.leadTimeS], [DEPLOYED, undefined, undefined]);
    assert.equal(describeMissing(older.missing), 'what shipped is partly unknown: the commits since the previous deployment (GitHub answered HTTP 502). The markers go out with what is known.');
    const own = decide(push, { lookup: lookup({}), ranges: new Map([[BEFORE, failed]]) });
    assert.deepEqual([own.previousCommitSha, own.commitCount, own.leadTimeS, own.missing], [BEFORE, 2, 2 * 3600, []]);
  });

  test('a deployment that cannot be read before the previous one found: which one came before is unknown', () => {
    const changes = decide(dispatch, { lookup: lookup({ deployments: deployments(undefined, { commitSha: DEPLOYED, state: 'SUCCESS' }) }), ranges: new Map() });
    assert.equal(changes.previousCommitSha, undefined);
    assert.match(describeMissing(changes.missing) ?? '', /the previous deployment \(GitHub's answer is not of the shape GitHub documents\)/);
  });

  test('no successful deployment among those read: said so, and a push still says what it brought', () => {
    const failedOnly = { ok: true as const, value: { nodes: [{ commitSha: DEPLOYED, state: 'FAILURE' as const }], more: true } };
    const changes = decide(push, { lookup: lookup({ deployments: failedOnly }), ranges: new Map([[BEFORE, range(2)]]) });
    assert.equal(changes.previousCommitSha, BEFORE);
    assert.match(describeMissing(changes.missing) ?? '', /the previous deployment \(none of the 1 newest deployments of its environment succeeded\)/);
  });

  test('a force-push GitHub cannot compare is said so; no figures', () => {
    const changes = decide(dispatch, { lookup: lookup({ deployments: deployments({ commitSha: DEPLOYED, state: 'SUCCESS' }) }), ranges: new Map([[DEPLOYED, { ok: false, failure: { kind: 'not-found' } }]]) });
    assert.equal(changes.commitCount, undefined);
    assert.match(describeMissing(changes.missing) ?? '', /GitHub cannot compare ccccccc\.\.\.aaaaaaa: a force-push\?/);
  });

  test('the pull request page is built from GITHUB_SERVER_URL and the number: never a link an answer or a payload gave', () => {
    const pr = context({ GITHUB_EVENT_NAME: 'pull_request' }, { pull_request: { number: 7, html_url: 'https://attacker.example/pull/7', head: { sha: SHA } } });
    assert.equal(decide(pr, { ranges: new Map() }).pullRequest?.url, 'https://github.com/acme/payments-api/pull/7');
    const enterprise = context({ GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_SERVER_URL: 'https://ghe.example.com' }, {});
    const merged = decide(enterprise, { lookup: lookup({ pullRequests: { ok: true, value: [{ number: 41, merged: true, mergeCommitSha: SHA }] } }), ranges: new Map() });
    assert.equal(merged.pullRequest?.url, 'https://ghe.example.com/acme/payments-api/pull/41');
    const odd = context({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_SERVER_URL: 'https://user:secret@ghe.example.com' }, { pull_request: { number: 7, head: { sha: SHA } } });
    assert.equal(decide(odd, { ranges: new Map() }).pullRequest?.url, undefined);
  });

  test("the push that created its branch (GitHub's example: before is all zeros) has no range of its own", () => {
    const created = webhookExample('push', (example) => example.ref.startsWith('refs/heads/') && /^0+$/.test(example.before));
    const changes = decide(context({ GITHUB_SHA: created.after }, created), { lookup: lookup({}), ranges: new Map() });
    assert.deepEqual(changes, { missing: [] });
  });

  test('nothing is decided for a commit that is not a commit', () => {
    assert.deepEqual(decide(context({ GITHUB_SHA: 'main', GITHUB_EVENT_NAME: 'workflow_dispatch' }, {}), { lookup: 'pending', ranges: new Map() }), { missing: [] });
  });
});

describe('choosePullRequest', () => {
  const merged = { number: 41, merged: true, mergeCommitSha: SHA };
  const other = { number: 39, merged: true, mergeCommitSha: 'd'.repeat(40) };
  const open = { number: 44, merged: false };
  test('the PR that merged the commit, else any merged one; an open one alone is not what shipped', () => {
    assert.equal(choosePullRequest([other, open, merged], SHA)?.number, 41);
    assert.equal(choosePullRequest([open, other], SHA)?.number, 39);
    assert.equal(choosePullRequest([open], SHA), undefined);
  });
  test('the PR the event names wins (workflow_run), even if still open', () => {
    assert.equal(choosePullRequest([merged, open], SHA, '44')?.number, 44);
  });
});

test("previousDeployment: the newest successful one other than this run's own, of the same commit too; failed, pending and inactive ones skipped", () => {
  const run = (id: string) => `https://github.com/acme/payments-api/actions/runs/${id}/job/7`;
  const list = {
    nodes: [
      { commitSha: SHA, state: 'IN_PROGRESS' as const, logUrl: run('9') },
      { commitSha: SHA, state: 'SUCCESS' as const, logUrl: run('9') },
      { commitSha: DEPLOYED, state: 'FAILURE' as const, logUrl: run('8') },
      { commitSha: 'e'.repeat(40), state: 'INACTIVE' as const, logUrl: run('7') },
      { commitSha: SHA, state: 'SUCCESS' as const, logUrl: run('6') },
      { commitSha: BEFORE, state: 'SUCCESS' as const, logUrl: run('5') },
    ],
    more: false,
  };
  assert.deepEqual(previousDeployment(list, '9'), { sha: SHA }, 'an earlier run of the same commit: a redeploy');
  assert.deepEqual(previousDeployment({ nodes: list.nodes.slice(0, 4), more: false }, '9'), {});
  assert.deepEqual(previousDeployment(list, undefined), { sha: SHA });
});

describe('redeploys and rollbacks', () => {
  const previous = (sha: string) => lookup({ deployments: deployments({ commitSha: sha, state: 'SUCCESS', logUrl: 'https://github.com/acme/payments-api/actions/runs/1/job/2' }) });

  test('a redeploy of the commit deployed last ships nothing new: commit_count 0, no range, no lead time', () => {
    const changes = decide(dispatch, { lookup: previous(SHA), ranges: new Map() });
    assert.deepEqual(changes, { missing: [], previousCommitSha: SHA, commitCount: 0 });
  });

  test('a commit behind the previous deployment is a rollback: it claims no commits shipped', () => {
    const behind: Answer<CommitRange> = { ok: true, value: { status: 'behind', aheadBy: 0, behindBy: 4, totalCommits: 0, committedAt: [] } };
    const changes = decide(dispatch, { lookup: previous(DEPLOYED), ranges: new Map([[DEPLOYED, behind]]) });
    assert.deepEqual(changes, {
      missing: [],
      previousCommitSha: DEPLOYED,
      compareUrl: `https://github.com/acme/payments-api/compare/${DEPLOYED}...${SHA}`,
      rollback: true,
      commitCount: 0,
    });
    assert.deepEqual(shippedAttributes(changes), { previous_commit_sha: DEPLOYED, compare_url: changes.compareUrl, commit_count: '0', rollback: 'true' });
  });
});

describe('a commit the workflow names (commit_sha, repository)', () => {
  const NAMED = 'd'.repeat(40);
  const headOf = (number: number, merged: boolean) => ({ number, title: `PR ${number}`, merged, headRefName: `branch-${number}`, headRefOid: NAMED });

  test("the push's own range and pull request are not the named commit's; GitHub's answers for it are", () => {
    const plan = shippedPlan(push, { commitSha: NAMED });
    assert.deepEqual([plan.sha, plan.pushBefore, plan.pushedCommits, plan.namedCommit], [NAMED, undefined, undefined, true]);
    const answer = lookup({ pullRequests: { ok: true, value: [headOf(44, false)] }, commitMessage: 'Retry declined cards once' });
    const changes = decide(push, { lookup: answer, ranges: new Map() }, { commitSha: NAMED });
    assert.deepEqual(shippedAttributes(changes), { commit_message: 'Retry declined cards once' }, 'an open pull request alone is not what shipped');
    const chatOps = context({ GITHUB_EVENT_NAME: 'issue_comment' }, { issue: { number: 44, title: 'PR 44', pull_request: { url: 'x' } } });
    assert.deepEqual(shippedAttributes(decide(chatOps, { lookup: answer, ranges: new Map() }, { commitSha: NAMED })), {
      github_pr_number: '44',
      github_pr_title: 'PR 44',
      github_pr_url: 'https://github.com/acme/payments-api/pull/44',
      branch: 'branch-44',
      commit_message: 'Retry declined cards once',
    });
  });

  test("the event's pull request is taken only when GitHub associates it with the named commit", () => {
    const chatOps = context({ GITHUB_EVENT_NAME: 'issue_comment' }, { issue: { number: 44, pull_request: { url: 'x' } } });
    const mainTip = { number: 41, title: 'PR 41', merged: true, mergeCommitSha: NAMED, headRefName: 'branch-41', headRefOid: 'e'.repeat(40) };
    const changes = decide(chatOps, { lookup: lookup({ pullRequests: { ok: true, value: [mainTip] } }), ranges: new Map() }, { commitSha: NAMED });
    assert.equal(changes.pullRequest?.number, '41', '.deploy main from a pull request: the merged PR of the commit deployed');
    assert.equal(changes.branch, undefined, "the PR's head is not the commit");
    assert.equal(decide(chatOps, { lookup: 'pending', ranges: new Map() }, { commitSha: NAMED }).pullRequest, undefined, 'unknown: left out');
  });

  test('in another repository: the pull request and the range are linked there', () => {
    const answer = lookup({ pullRequests: { ok: true, value: [{ ...headOf(12, true), mergeCommitSha: NAMED }] }, deployments: deployments({ commitSha: DEPLOYED, state: 'SUCCESS' }) });
    const changes = decide(dispatch, { lookup: answer, ranges: new Map([[DEPLOYED, range(1)]]) }, { commitSha: NAMED, repository: 'acme/ledger' });
    assert.equal(changes.pullRequest?.url, 'https://github.com/acme/ledger/pull/12');
    assert.equal(changes.compareUrl, `https://github.com/acme/ledger/compare/${DEPLOYED}...${NAMED}`);
  });
});

test('rangeFigures: whole seconds from the oldest committer date, never negative, over any number of commits', () => {
  assert.deepEqual(rangeFigures(42, ['2026-01-15T10:00:00Z', '2026-01-14T17:59:59.5Z'], START), { commitCount: 42, leadTimeS: 86_400 });
  assert.deepEqual(rangeFigures(0, [], START), { commitCount: 0 });
  assert.deepEqual(rangeFigures(1, ['2026-01-15T18:00:05Z'], START), { commitCount: 1, leadTimeS: 0 }, 'a clock ahead');
  const many = [...Array.from({ length: 200_000 }, () => '2026-01-15T17:00:00Z'), '2026-01-14T18:00:00Z'];
  assert.deepEqual(rangeFigures(many.length, many, START), { commitCount: 200_001, leadTimeS: 86_400 }, 'more commits than a spread call takes');
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

test('describeMissing: one notice naming what is missing and why, the permissions that would fill it, the rate limit as the rate limit', () => {
  assert.equal(describeMissing([]), undefined);
  assert.equal(
    describeMissing([
      { what: 'the pull request', failure: { kind: 'permission', permission: 'pull-requests: read' } },
      { what: 'the previous deployment', failure: { kind: 'permission', permission: 'deployments: read' } },
      { what: 'the commits since the previous deployment', failure: { kind: 'rate-limited', resetsAt: new Date('2026-01-15T18:42:00Z') } },
    ]),
    "what shipped is partly unknown: the pull request, the previous deployment; the commits since the previous deployment (GitHub's API rate limit for github_token is used up until 18:42 UTC). Give the job `permissions:` `pull-requests: read`, `deployments: read` to fill it in. The markers go out with what is known.",
  );
  assert.equal(
    describeMissing([{ what: 'the pull request', failure: { kind: 'token-refused', status: 401 } }]),
    'what shipped is partly unknown: the pull request (GitHub refused github_token with HTTP 401). The markers go out with what is known.',
  );
});
