// Which commit, branch and pull request a run deploys, for each kind of event that starts it:
// unit tests of deployedRevision, then the built action run on those events end to end.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readEvent } from '../../src/marker/event-payload.js';
import { deployed, deployedRevision, type Revision } from '../../src/marker/github-context.js';
import { commentOnPullRequest, webhookExample } from '../../testing/webhook-examples.js';
import { readGithubContext } from '../../src/runner/event-file.js';
import { lifecycleHarness } from '../../testing/harness.js';
import { pushContext } from '../../testing/runner.js';

/** deployedRevision of a payload as GitHub sends it, read as the action reads it; what it does not say is left out. */
function revisionOf({ env, payload }: { env: Record<string, string>; payload: unknown }) {
  return JSON.parse(JSON.stringify(deployedRevision({ env, event: readEvent(payload).event }))) as Revision;
}

const DEFAULT_BRANCH_TIP = '1111111111111111111111111111111111111111';
const BUILT_COMMIT = '2222222222222222222222222222222222222222';

/** The payloads GitHub sends, trimmed to the fields that matter here. */
const EVENTS = {
  workflow_run: {
    env: { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_SHA: DEFAULT_BRANCH_TIP, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch' },
    payload: {
      action: 'completed',
      workflow_run: {
        id: 30433642,
        name: 'CI',
        head_sha: BUILT_COMMIT,
        head_branch: 'feature/faster-checkout',
        event: 'pull_request',
        conclusion: 'success',
        pull_requests: [{ number: 42, head: { ref: 'feature/faster-checkout', sha: BUILT_COMMIT }, base: { ref: 'main' } }],
      },
    },
  },
  pull_request_review: {
    // GITHUB_HEAD_REF is empty on review events; GITHUB_SHA is the PR's merge commit.
    env: { GITHUB_EVENT_NAME: 'pull_request_review', GITHUB_SHA: DEFAULT_BRANCH_TIP, GITHUB_REF: 'refs/pull/7/merge', GITHUB_REF_NAME: '7/merge', GITHUB_REF_TYPE: 'branch', GITHUB_HEAD_REF: '' },
    payload: { action: 'submitted', review: { state: 'approved' }, pull_request: { number: 7, head: { ref: 'fix/retry-budget', sha: BUILT_COMMIT }, base: { ref: 'main' } } },
  },
  pull_request_review_comment: {
    env: { GITHUB_EVENT_NAME: 'pull_request_review_comment', GITHUB_SHA: DEFAULT_BRANCH_TIP, GITHUB_REF: 'refs/pull/7/merge', GITHUB_REF_NAME: '7/merge', GITHUB_REF_TYPE: 'branch' },
    payload: { action: 'created', comment: { body: '/deploy' }, pull_request: { number: 7, head: { ref: 'fix/retry-budget', sha: BUILT_COMMIT }, base: { ref: 'main' } } },
  },
  merge_group: {
    env: {
      GITHUB_EVENT_NAME: 'merge_group',
      GITHUB_SHA: BUILT_COMMIT,
      GITHUB_REF: 'refs/heads/gh-readonly-queue/main/pr-42-1111111111111111111111111111111111111111',
      GITHUB_REF_NAME: 'gh-readonly-queue/main/pr-42-1111111111111111111111111111111111111111',
      GITHUB_REF_TYPE: 'branch',
    },
    payload: {
      action: 'checks_requested',
      merge_group: { head_sha: BUILT_COMMIT, head_ref: 'refs/heads/gh-readonly-queue/main/pr-42-1111111111111111111111111111111111111111', base_ref: 'refs/heads/main', base_sha: DEFAULT_BRANCH_TIP },
    },
  },
} as const;

describe('deployedRevision', () => {
  test('workflow_run (deploy after CI): the commit and branch CI built, and its pull request', () => {
    assert.deepEqual(revisionOf(EVENTS.workflow_run), { commitSha: BUILT_COMMIT, branch: 'feature/faster-checkout', pullRequestNumber: '42' });
  });

  test('workflow_run of a push has no pull request', () => {
    const payload = { workflow_run: { ...EVENTS.workflow_run.payload.workflow_run, head_branch: 'main', pull_requests: [] } };
    assert.deepEqual(revisionOf({ env: EVENTS.workflow_run.env, payload }), { commitSha: BUILT_COMMIT, branch: 'main' });
  });

  for (const event of ['pull_request_review', 'pull_request_review_comment'] as const) {
    test(`${event}: the PR's head branch and commit, though GITHUB_HEAD_REF is not set`, () => {
      assert.deepEqual(revisionOf(EVENTS[event]), { commitSha: BUILT_COMMIT, branch: 'fix/retry-budget', pullRequestNumber: '7' });
    });
  }

  test('pull_request: the head commit, not the test merge commit', () => {
    const env = { ...EVENTS.pull_request_review.env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_HEAD_REF: 'fix/retry-budget' };
    assert.deepEqual(revisionOf({ env, payload: EVENTS.pull_request_review.payload }), { commitSha: BUILT_COMMIT, branch: 'fix/retry-budget', pullRequestNumber: '7' });
  });

  test('merge_group: the queue\'s base branch, not the gh-readonly-queue ref; the commit under test', () => {
    assert.deepEqual(revisionOf(EVENTS.merge_group), { commitSha: BUILT_COMMIT, branch: 'main' });
  });

  test('push and other events: GITHUB_SHA, and the branch only on branch runs', () => {
    assert.deepEqual(revisionOf({ env: pushContext(), payload: {} }), { commitSha: pushContext().GITHUB_SHA, branch: 'main' });
    assert.deepEqual(revisionOf({ env: { ...pushContext(), GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v1.2.3' }, payload: {} }).branch, undefined);
  });

  test('a payload without the event\'s object falls back to the environment; odd values are left out', () => {
    assert.deepEqual(revisionOf({ env: EVENTS.workflow_run.env, payload: {} }), { commitSha: DEFAULT_BRANCH_TIP, branch: 'main' });
    const odd = { workflow_run: { head_sha: { sha: 'x' }, head_branch: null, pull_requests: 'none' } };
    assert.deepEqual(revisionOf({ env: EVENTS.workflow_run.env, payload: odd }), {});
  });
});

describe('deployedRevision on the payloads GitHub publishes', () => {
  const env = (event: string, extra: Record<string, string> = {}) => ({ ...pushContext(), GITHUB_EVENT_NAME: event, GITHUB_SHA: DEFAULT_BRANCH_TIP, ...extra });

  test('a comment on a pull request (ChatOps) names the pull request, not the default branch tip it runs on', () => {
    assert.deepEqual(revisionOf({ env: env('issue_comment'), payload: commentOnPullRequest(44, 'Retry declined cards once') }), { pullRequestNumber: '44', pullRequestTitle: 'Retry declined cards once' });
  });

  test('a comment on a plain issue is a run on the default branch', () => {
    const revision = revisionOf({ env: env('issue_comment'), payload: webhookExample('issue_comment') });
    assert.deepEqual([revision.commitSha, revision.pullRequestNumber], [DEFAULT_BRANCH_TIP, undefined]);
  });

  test("workflow_run: the commit message is the built commit's (workflow_run.head_commit), not the default branch's", () => {
    const payload = webhookExample('workflow_run', (example) => example.action === 'completed');
    const revision = revisionOf({ env: env('workflow_run'), payload });
    assert.equal(revision.commitSha, payload.workflow_run.head_sha);
    assert.equal(revision.commitMessage, payload.workflow_run.head_commit.message);
  });
});

describe('deployed: the commit the workflow names (commit_sha, repository)', () => {
  const push = webhookExample('push', (example) => example.ref.startsWith('refs/tags/') && example.head_commit !== null);
  const context = { env: { ...pushContext(), GITHUB_SHA: push.after, GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'simple-tag' }, event: readEvent(push).event };
  const ROLLBACK_TARGET = '3'.repeat(40);

  test("naming the event's own commit changes nothing", () => {
    const own = deployed(context, { commitSha: push.after });
    assert.deepEqual([own.isEventCommit, own.tag, own.commitMessage], [true, 'simple-tag', push.head_commit.message]);
  });

  test("another commit: the event's branch, tag, message and pull request are not its own, and are left out", () => {
    const pullRequest = { env: { ...pushContext(), GITHUB_EVENT_NAME: 'pull_request' }, event: readEvent({ pull_request: { number: 7, title: 'x', head: { sha: BUILT_COMMIT, ref: 'fix' } } }).event };
    assert.deepEqual(JSON.parse(JSON.stringify(deployed(pullRequest, { commitSha: ROLLBACK_TARGET }))), {
      commitSha: ROLLBACK_TARGET,
      repository: 'acme/payments-api',
      isEventCommit: false,
      pullRequestHint: '7',
    });
    assert.deepEqual([deployed(context, { commitSha: ROLLBACK_TARGET }).tag, deployed(context, { commitSha: ROLLBACK_TARGET }).commitMessage], [undefined, undefined]);
  });

  test("another repository: nothing of this one's event describes the commit; without commit_sha no commit is known", () => {
    assert.deepEqual(JSON.parse(JSON.stringify(deployed(context, { repository: 'acme/ledger' }))), { repository: 'acme/ledger', isEventCommit: false });
    assert.equal(deployed(context, { repository: 'ACME/payments-api' }).isEventCommit, true, 'owner/name in another case is this repository');
  });
});

describe('readGithubContext', () => {
  test('reads the payload from GITHUB_EVENT_PATH; a missing, broken, non-object or oversized file reads as an empty payload, with one notice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'github-context-'));
    try {
      const file = (name: string, text: string) => {
        writeFileSync(join(dir, name), text);
        return { GITHUB_EVENT_PATH: join(dir, name) };
      };
      const empty = readEvent({}).event;
      const merged = readGithubContext(file('event.json', JSON.stringify(EVENTS.merge_group.payload)));
      assert.deepEqual([merged.context.event.mergeGroup, merged.notice], [{ headSha: BUILT_COMMIT, baseRef: 'refs/heads/main' }, undefined]);
      for (const [name, text, why] of [
        ['broken.json', '{"merge_group": ', 'it is not JSON'],
        ['array.json', '[1, 2]', 'it is not a JSON object'],
        ['big.json', JSON.stringify({ padding: 'x'.repeat(100) }), 'it is 114 bytes, larger than GitHub sends'],
      ]) {
        const read = readGithubContext(file(name as string, text as string), 64);
        assert.deepEqual(read.context.event, empty, name);
        assert.equal(read.notice, `the event payload (GITHUB_EVENT_PATH) was not read (${why}); the attributes taken from it are left out`);
      }
      assert.match(readGithubContext({ GITHUB_EVENT_PATH: join(dir, 'missing.json') }).notice ?? '', /the file could not be read/);
      assert.deepEqual(readGithubContext({}), { context: { env: {}, event: empty } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a field not of the type GitHub sends is left out and named in the notice; the rest is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'github-context-'));
    try {
      const path = join(dir, 'event.json');
      writeFileSync(path, JSON.stringify({ ...EVENTS.workflow_run.payload, workflow_run: { ...EVENTS.workflow_run.payload.workflow_run, head_sha: { oid: 'x' }, id: 1.5 } }));
      const { context, notice } = readGithubContext({ GITHUB_EVENT_PATH: path });
      assert.deepEqual(context.event.workflowRun, { id: undefined, headSha: undefined, headBranch: 'feature/faster-checkout', pullRequestNumber: '42', headCommitMessage: undefined });
      assert.equal(notice, 'the event payload (GITHUB_EVENT_PATH) has fields not of the type GitHub sends, left out: "workflow_run.id", "workflow_run.head_sha"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const harness = await lifecycleHarness();
const EXPECTED = {
  workflow_run: { branch: 'feature/faster-checkout', pullRequestNumber: '42' },
  pull_request_review: { branch: 'fix/retry-budget', pullRequestNumber: '7' },
  pull_request_review_comment: { branch: 'fix/retry-budget', pullRequestNumber: '7' },
  merge_group: { branch: 'main', pullRequestNumber: undefined },
};

describe('the built action on each event', () => {
  for (const [event, { env, payload }] of Object.entries(EVENTS)) {
    test(`${event}: start and stop carry the deployed commit and branch`, async () => {
      const job = harness.newJob({ env: { ...pushContext(), ...env }, event: payload });
      await job.runMain({ inputs: harness.inputs() });
      await job.runPost({ inputs: harness.inputs() });
      const expected = EXPECTED[event as keyof typeof EVENTS];
      assert.equal(harness.fake.events.length, 2);
      for (const sent of harness.fake.events) {
        assert.equal(sent.attributes.commit_sha, BUILT_COMMIT);
        assert.equal(sent.attributes.branch, expected.branch);
        assert.equal(sent.attributes.github_pr_number, expected.pullRequestNumber);
        assert.equal(sent.attributes.source, event);
      }
      if (event === 'workflow_run') assert.equal(harness.fake.events[0]?.attributes.triggered_from_build_id, '30433642');
    });
  }
});
