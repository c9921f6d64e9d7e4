// GitHub's answers to the lookups of what shipped, as the action reads them: what GitHub documents
// is read, and every other shape — wrong types, missing fields, an error page, partial GraphQL data
// with errors — is unknown, never a guess and never a crash.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeLookupError, readCompare, readWhatShipped } from '../../src/github/answers.js';
import type { DeploymentNode } from '../../src/marker/github-facts.js';
import { RefusedAnswer } from '../../src/http/connection.js';
import { RedirectRefused } from '../../src/github/fetch.js';

const SHA = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);
const pullRequest = { number: 143, title: 'Cap retries', merged: true, mergeCommit: { oid: SHA }, headRefName: 'fix/retries', headRefOid: OTHER };
const readPullRequest = { number: 143, title: 'Cap retries', merged: true, mergeCommitSha: SHA, headRefName: 'fix/retries', headRefOid: OTHER };
const deployment = { commitOid: OTHER, latestStatus: { state: 'SUCCESS', logUrl: 'https://github.com/acme/api/actions/runs/1/job/2' } };
const answer = (commit: unknown, deployments: unknown) => ({ repository: { commit, deployments } });
const connection = (nodes: unknown[], hasNextPage = false) => ({ pageInfo: { hasNextPage }, nodes });
const NOT_DOCUMENTED = { ok: false, failure: { kind: 'bad-answer', detail: "GitHub's answer is not of the shape GitHub documents" } };

describe('readWhatShipped', () => {
  test("the commit's message and pull requests, and the deployments, newest first, with their latest status", () => {
    const commit = { messageHeadline: 'Cap retries (#143)', associatedPullRequests: { nodes: [pullRequest] } };
    const read = readWhatShipped(answer(commit, connection([deployment, { commitOid: SHA, latestStatus: null }], true)), undefined, true, 'acme/api');
    assert.deepEqual(read, {
      pullRequests: { ok: true, value: [readPullRequest] },
      commitMessage: 'Cap retries (#143)',
      deployments: {
        ok: true,
        value: {
          nodes: [
            { commitSha: OTHER, state: 'SUCCESS', logUrl: 'https://github.com/acme/api/actions/runs/1/job/2' },
            { commitSha: SHA, state: undefined, logUrl: undefined },
          ] satisfies DeploymentNode[],
          more: true,
        },
      },
    });
  });

  test('a pull request that cannot be read makes which one shipped unknown; a title or head of the wrong type only drops that', () => {
    for (const broken of [{ ...pullRequest, number: { value: 143 } }, { ...pullRequest, number: 1.5 }, { ...pullRequest, merged: 'yes' }, { ...pullRequest, mergeCommit: { oid: 42 } }, null, 'PR']) {
      assert.deepEqual(readWhatShipped(answer({ associatedPullRequests: { nodes: [pullRequest, broken] } }, connection([])), undefined, true, 'acme/api').pullRequests, NOT_DOCUMENTED, JSON.stringify(broken));
    }
    const untitled = readWhatShipped(answer({ messageHeadline: 7, associatedPullRequests: { nodes: [{ ...pullRequest, title: ['x'], headRefName: 1, headRefOid: 'main' }] } }, connection([])), undefined, true, 'acme/api');
    assert.deepEqual(untitled.pullRequests, { ok: true, value: [{ ...readPullRequest, title: undefined, headRefName: undefined, headRefOid: undefined }] });
    assert.equal(untitled.commitMessage, undefined);
  });

  test('a deployment that cannot be read is marked unknown in its place, so that no older one is taken for the previous one', () => {
    const list = readWhatShipped(answer(undefined, connection([{ ...deployment, commitOid: 12345 }, { ...deployment, latestStatus: { state: 'DONE' } }, deployment])), undefined, false, 'acme/api');
    assert.deepEqual(list.deployments.ok && list.deployments.value.nodes.map((node) => node?.commitSha), [undefined, undefined, OTHER]);
    assert.equal(list.pullRequests, undefined, 'not asked');
  });

  test('a commit GitHub does not know, or an object that is not a commit: the pull request is not found', () => {
    for (const commit of [null, {}]) {
      assert.deepEqual(readWhatShipped(answer(commit, connection([])), undefined, true, 'acme/api').pullRequests, { ok: false, failure: { kind: 'not-found' } });
    }
  });

  test('errors name the field they failed: a forbidden field is a missing permission, the rest of the answer is read', () => {
    const errors = [{ type: 'FORBIDDEN', path: ['repository', 'deployments'], message: 'Resource not accessible by integration' }];
    const read = readWhatShipped(answer({ associatedPullRequests: { nodes: [pullRequest] } }, null), errors, true, 'acme/api');
    assert.deepEqual(read.deployments, { ok: false, failure: { kind: 'permission', permission: 'deployments: read' } });
    assert.equal(read.pullRequests?.ok, true);
    const rateLimited = readWhatShipped(null, [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }], true, 'acme/api');
    assert.deepEqual([rateLimited.pullRequests, rateLimited.deployments], [{ ok: false, failure: { kind: 'rate-limited' } }, { ok: false, failure: { kind: 'rate-limited' } }]);
    const nulled = readWhatShipped({ repository: null }, [{ type: 'FORBIDDEN', path: ['repository', 'deployments'] }], true, 'acme/api');
    assert.deepEqual(nulled.pullRequests, { ok: false, failure: { kind: 'permission', permission: 'deployments: read' } }, 'lost with its repository, for the same reason');
    const missingRepository = readWhatShipped({ repository: null }, [{ type: 'NOT_FOUND', path: ['repository'] }], false, 'acme/api');
    assert.deepEqual(missingRepository.deployments, { ok: false, failure: { kind: 'unreadable-repository', repository: 'acme/api' } }, 'a repository the token may not read is one GitHub says does not exist');
  });

  test('an answer of another shape altogether (text, an array, nothing) is unknown', () => {
    for (const data of [undefined, '<html>rate limited</html>', [answer(null, null)], { repository: 'x' }, answer({ associatedPullRequests: { nodes: 'none' } }, { nodes: [] })]) {
      const read = readWhatShipped(data, undefined, true, 'acme/api');
      assert.deepEqual(read.deployments, NOT_DOCUMENTED, JSON.stringify(data));
      assert.notEqual(read.pullRequests?.ok, true, JSON.stringify(data));
    }
  });
});

describe('readCompare', () => {
  const compare = {
    status: 'ahead',
    ahead_by: 2,
    behind_by: 0,
    total_commits: 2,
    commits: [{ commit: { committer: { date: '2026-01-15T13:26:48Z' } } }, { commit: { committer: { date: '2026-01-15T17:52:10Z' } } }],
  };

  test('the relation of the two commits, the count and every committer date', () => {
    assert.deepEqual(readCompare(200, compare), {
      ok: true,
      value: { status: 'ahead', aheadBy: 2, behindBy: 0, totalCommits: 2, committedAt: ['2026-01-15T13:26:48Z', '2026-01-15T17:52:10Z'] },
    });
  });

  test('a count of the wrong type, an unknown relation, or more commits listed than counted: unknown, never 0 or [object Object]', () => {
    for (const data of [
      { ...compare, total_commits: { value: 2 } },
      { ...compare, total_commits: '2' },
      { ...compare, total_commits: -1 },
      { ...compare, total_commits: 2 ** 60 },
      { ...compare, status: 'sideways' },
      { ...compare, total_commits: 1 },
      { ...compare, commits: 'all of them' },
      '{"status": "ahead", "total_comm',
      '<!DOCTYPE html><title>Unicorn!</title>',
      null,
    ]) {
      assert.deepEqual(readCompare(200, data), NOT_DOCUMENTED, JSON.stringify(data));
    }
  });

  test('one commit without a readable date makes the lead time unknown, not the count', () => {
    const read = readCompare(200, { ...compare, commits: [compare.commits[0], { commit: { committer: null } }] });
    assert.deepEqual(read.ok && [read.value.totalCommits, read.value.committedAt], [2, undefined]);
  });

  test('any status but 200 is no comparison', () => {
    assert.deepEqual(readCompare(202, compare), { ok: false, failure: { kind: 'status', status: 202 } });
  });
});

describe('describeLookupError', () => {
  // As octokit's RequestError carries them.
  const httpError = (status: number, headers: Record<string, string> = {}) => Object.assign(new Error('GitHub says no'), { name: 'HttpError', status, response: { status, url: '', headers, data: {} } });
  const failure = (status: number, headers?: Record<string, string>) => describeLookupError(httpError(status, headers), 'contents: read');

  test('the rate limit, whichever status GitHub uses for it, is the rate limit, with its reset time; never a missing permission', () => {
    assert.deepEqual(failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1768500000' }), { kind: 'rate-limited', resetsAt: new Date(1_768_500_000_000) });
    assert.deepEqual(failure(403, { 'retry-after': '60' }), { kind: 'rate-limited', resetsAt: undefined });
    assert.deepEqual(failure(429), { kind: 'rate-limited' });
  });

  test('401 is a refused token; a plain 403 the missing permission of that lookup; 404 not found; others their status', () => {
    assert.deepEqual(failure(401), { kind: 'token-refused', status: 401 });
    assert.deepEqual(failure(403, { 'x-ratelimit-remaining': '4999' }), { kind: 'permission', permission: 'contents: read' });
    assert.deepEqual(failure(404), { kind: 'not-found' });
    assert.deepEqual(failure(502), { kind: 'status', status: 502 });
  });

  test('no answer, a redirect, a body past the cap, or what is not an HTTP error at all', () => {
    const wrapped = (cause: Error) => Object.assign(new Error(cause.message), { name: 'HttpError', status: 500, cause });
    assert.deepEqual(describeLookupError(Object.assign(new Error('aborted'), { name: 'AbortError' }), 'contents: read'), { kind: 'no-answer' });
    assert.deepEqual(describeLookupError(wrapped(new Error('connect ECONNREFUSED')), 'contents: read'), { kind: 'unreachable' });
    assert.deepEqual(describeLookupError(wrapped(new RedirectRefused(307)), 'contents: read'), {
      kind: 'bad-answer',
      detail: "GitHub's API answered with a redirect (HTTP 307), which is not followed",
    });
    assert.deepEqual(describeLookupError(wrapped(new RefusedAnswer('too-large', 'larger than 32 MiB')), 'contents: read'), { kind: 'bad-answer', detail: "GitHub's answer was larger than 32 MiB" });
    assert.deepEqual(describeLookupError(wrapped(new RefusedAnswer('cut-off', 'the connection closed')), 'contents: read'), { kind: 'unreachable' });
    assert.deepEqual(describeLookupError(new TypeError('invalid media type'), 'contents: read'), { kind: 'bad-answer', detail: "GitHub's answer could not be read" });
    assert.deepEqual(describeLookupError(undefined, 'contents: read'), { kind: 'bad-answer', detail: "GitHub's answer could not be read" });
  });
});
