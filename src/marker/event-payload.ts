// The webhook event that started the run (GITHUB_EVENT_PATH), read once and checked field by field:
// only the fields the action uses are read, each with the type GitHub documents for it. A field of
// another type is unknown (left out, and named in one notice), never guessed at. Pure.

import { commitSha, isRecord, list, scalarText, text, wholeNumber } from '../text/shape.js';

export interface PushedCommit {
  /** ISO 8601, as the push payload gives each commit's timestamp. */
  timestamp?: string;
}

export interface EventFacts {
  /** head_commit.message (push). */
  headCommitMessage?: string;
  /** before (push): the commit the branch pointed at; undefined for a new branch (all zeros). */
  pushBefore?: string;
  /** commits (push), as the payload lists them. */
  pushedCommits?: PushedCommit[];
  /** pull_request (pull-request events). */
  pullRequest?: { number?: string; title?: string; headSha?: string; headRef?: string };
  /** workflow_run (deploys after CI). */
  workflowRun?: { id?: string; headSha?: string; headBranch?: string; pullRequestNumber?: string; headCommitMessage?: string };
  /** issue (issue_comment): a comment on a pull request is a comment on its issue. */
  issue?: { number?: string; title?: string; isPullRequest: boolean };
  /** merge_group (merge queues). */
  mergeGroup?: { headSha?: string; baseRef?: string };
  /** inputs (workflow_dispatch), scalars as strings. */
  inputs: Record<string, string>;
}

export interface ReadEvent {
  event: EventFacts;
  /** The payload fields that were there but not of the type GitHub sends. */
  unreadable: string[];
}

/** GitHub's push payload lists at most 2,048 commits; more is no payload GitHub sent. */
const MAX_PUSHED_COMMITS = 2_048;

function pushedCommitList(value: unknown): unknown[] | undefined {
  const commits = list(value);
  return commits && commits.length <= MAX_PUSHED_COMMITS ? commits : undefined;
}

/** Reads what the action uses of a payload; `raw` is whatever JSON the file held. */
export function readEvent(raw: unknown): ReadEvent {
  const unreadable: string[] = [];
  /** The field checked by `check`; a field that is there (not null) but does not fit is noted. */
  const read = <T>(check: (value: unknown) => T | undefined, value: unknown, path: string): T | undefined => {
    if (value === undefined || value === null) return undefined;
    const checked = check(value);
    if (checked === undefined) unreadable.push(path);
    return checked;
  };
  const object = (value: unknown, path: string): Record<string, unknown> | undefined => read((candidate) => (isRecord(candidate) ? candidate : undefined), value, path);
  const count = (value: unknown, path: string): string | undefined => read((candidate) => scalarText(wholeNumber(candidate, 1)), value, path);
  const payload = isRecord(raw) ? raw : {};

  const headCommit = object(payload.head_commit, 'head_commit');
  const pullRequest = object(payload.pull_request, 'pull_request');
  const pullRequestHead = object(pullRequest?.head, 'pull_request.head');
  const workflowRun = object(payload.workflow_run, 'workflow_run');
  const issue = object(payload.issue, 'issue');
  const mergeGroup = object(payload.merge_group, 'merge_group');
  const before = read(commitSha, payload.before, 'before');
  const commits = read(pushedCommitList, payload.commits, 'commits');
  const runPullRequests = read(list, workflowRun?.pull_requests, 'workflow_run.pull_requests');
  const inputs = object(payload.inputs, 'inputs') ?? {};

  const event: EventFacts = {
    headCommitMessage: read(text, headCommit?.message, 'head_commit.message'),
    pushBefore: before && !/^0+$/.test(before) ? before : undefined,
    pushedCommits: commits?.map((commit, index) => ({ timestamp: read(text, object(commit, `commits[${index}]`)?.timestamp, `commits[${index}].timestamp`) })),
    pullRequest: pullRequest && {
      number: count(pullRequest.number, 'pull_request.number'),
      title: read(text, pullRequest.title, 'pull_request.title'),
      headSha: read(commitSha, pullRequestHead?.sha, 'pull_request.head.sha'),
      headRef: read(text, pullRequestHead?.ref, 'pull_request.head.ref'),
    },
    workflowRun: workflowRun && {
      id: count(workflowRun.id, 'workflow_run.id'),
      headSha: read(commitSha, workflowRun.head_sha, 'workflow_run.head_sha'),
      headBranch: read(text, workflowRun.head_branch, 'workflow_run.head_branch'),
      pullRequestNumber: count(object(runPullRequests?.[0], 'workflow_run.pull_requests[0]')?.number, 'workflow_run.pull_requests[0].number'),
      headCommitMessage: read(text, object(workflowRun.head_commit, 'workflow_run.head_commit')?.message, 'workflow_run.head_commit.message'),
    },
    issue: issue && {
      number: count(issue.number, 'issue.number'),
      title: read(text, issue.title, 'issue.title'),
      isPullRequest: object(issue.pull_request, 'issue.pull_request') !== undefined,
    },
    mergeGroup: mergeGroup && {
      headSha: read(commitSha, mergeGroup.head_sha, 'merge_group.head_sha'),
      baseRef: read(text, mergeGroup.base_ref, 'merge_group.base_ref'),
    },
    inputs: Object.fromEntries(
      Object.entries(inputs).flatMap(([name, value]) => {
        const scalar = read(scalarText, value, `inputs.${name}`);
        return scalar === undefined ? [] : [[name, scalar]];
      }),
    ),
  };
  return { event, unreadable };
}
