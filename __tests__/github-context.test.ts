// Which commit, branch and pull request a run deploys, for each kind of event that starts it:
// unit tests of deployedRevision, then the built action run on those events end to end.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { deployedRevision, readGithubContext } from '../src/github-context.js';
import { lifecycleHarness } from '../testing/harness.js';
import { pushContext } from '../testing/runner.js';

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
    assert.deepEqual(deployedRevision(EVENTS.workflow_run), { commitSha: BUILT_COMMIT, branch: 'feature/faster-checkout', pullRequestNumber: '42' });
  });

  test('workflow_run of a push has no pull request', () => {
    const payload = { workflow_run: { ...EVENTS.workflow_run.payload.workflow_run, head_branch: 'main', pull_requests: [] } };
    assert.deepEqual(deployedRevision({ env: EVENTS.workflow_run.env, payload }), { commitSha: BUILT_COMMIT, branch: 'main', pullRequestNumber: undefined });
  });

  for (const event of ['pull_request_review', 'pull_request_review_comment'] as const) {
    test(`${event}: the PR's head branch and commit, though GITHUB_HEAD_REF is not set`, () => {
      assert.deepEqual(deployedRevision(EVENTS[event]), { commitSha: BUILT_COMMIT, branch: 'fix/retry-budget', pullRequestNumber: '7' });
    });
  }

  test('pull_request: the head commit, not the test merge commit', () => {
    const env = { ...EVENTS.pull_request_review.env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_HEAD_REF: 'fix/retry-budget' };
    assert.deepEqual(deployedRevision({ env, payload: EVENTS.pull_request_review.payload }), { commitSha: BUILT_COMMIT, branch: 'fix/retry-budget', pullRequestNumber: '7' });
  });

  test('merge_group: the queue\'s base branch, not the gh-readonly-queue ref; the commit under test', () => {
    assert.deepEqual(deployedRevision(EVENTS.merge_group), { commitSha: BUILT_COMMIT, branch: 'main' });
  });

  test('push and other events: GITHUB_SHA, and the branch only on branch runs', () => {
    assert.deepEqual(deployedRevision({ env: pushContext(), payload: {} }), { commitSha: pushContext().GITHUB_SHA, branch: 'main' });
    assert.deepEqual(deployedRevision({ env: { ...pushContext(), GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v1.2.3' }, payload: {} }).branch, undefined);
  });

  test('a payload without the event\'s object falls back to the environment; odd values are left out', () => {
    assert.deepEqual(deployedRevision({ env: EVENTS.workflow_run.env, payload: {} }), { commitSha: DEFAULT_BRANCH_TIP, branch: 'main' });
    const odd = { workflow_run: { head_sha: { sha: 'x' }, head_branch: null, pull_requests: 'none' } };
    assert.deepEqual(deployedRevision({ env: EVENTS.workflow_run.env, payload: odd }), { commitSha: undefined, branch: undefined, pullRequestNumber: undefined });
  });
});

describe('readGithubContext', () => {
  test('reads the payload from GITHUB_EVENT_PATH; a missing, broken or non-object file reads as an empty payload', () => {
    const dir = mkdtempSync(join(tmpdir(), 'github-context-'));
    try {
      const file = (name: string, text: string) => {
        writeFileSync(join(dir, name), text);
        return { GITHUB_EVENT_PATH: join(dir, name) };
      };
      assert.deepEqual(readGithubContext(file('event.json', JSON.stringify(EVENTS.merge_group.payload))).payload, EVENTS.merge_group.payload);
      assert.deepEqual(readGithubContext(file('broken.json', '{"merge_group": ')).payload, {});
      assert.deepEqual(readGithubContext(file('array.json', '[1, 2]')).payload, {});
      assert.deepEqual(readGithubContext({ GITHUB_EVENT_PATH: join(dir, 'missing.json') }).payload, {});
      assert.deepEqual(readGithubContext({}).payload, {});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const harness = await lifecycleHarness();

describe('the built action on each event', () => {
  for (const [event, { env, payload }] of Object.entries(EVENTS)) {
    test(`${event}: start and stop carry the deployed commit and branch`, async () => {
      const job = harness.newJob({ env: { ...pushContext(), ...env }, event: payload });
      await job.runMain({ inputs: harness.inputs() });
      await job.runPost({ inputs: harness.inputs() });
      const expected = deployedRevision({ env: { ...pushContext(), ...env }, payload });
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
