// What the lookups of what shipped learn from GitHub, as marker/shipped.ts decides from it and
// github/answers.ts reads it out of GitHub's answers: each fact known, or unknown with the reason.

/** The `permissions:` entry a job token needs for a lookup. */
export type Permission = 'contents: read' | 'pull-requests: read' | 'deployments: read';

export type LookupFailure =
  | { kind: 'permission'; permission: Permission }
  | { kind: 'rate-limited'; resetsAt?: Date }
  | { kind: 'token-refused'; status: number }
  | { kind: 'not-found' }
  /** GitHub says of a repository the token may not read that it does not exist. */
  | { kind: 'unreadable-repository'; repository: string }
  | { kind: 'status'; status: number }
  | { kind: 'unreachable' }
  | { kind: 'bad-answer'; detail: string }
  | { kind: 'no-answer'; withinMs?: number }
  /** Not asked, or not answerable from what GitHub says, and why. */
  | { kind: 'not-asked'; why: string };

export type Answer<T> = { ok: true; value: T } | { ok: false; failure: LookupFailure };

export interface PullRequestNode {
  number: number;
  title?: string;
  merged: boolean;
  mergeCommitSha?: string;
  headRefName?: string;
  headRefOid?: string;
}

/** GitHub's DeploymentStatusState, in the GraphQL API's upper case. */
export const DEPLOYMENT_STATES = ['ERROR', 'FAILURE', 'INACTIVE', 'IN_PROGRESS', 'PENDING', 'QUEUED', 'SUCCESS', 'WAITING'] as const;

export interface DeploymentNode {
  commitSha: string;
  /** The state of its latest status; undefined when it has none yet. */
  state?: (typeof DEPLOYMENT_STATES)[number];
  /** Its latest status's log_url: for a job's own deployment, that job's page. */
  logUrl?: string;
}

export interface DeploymentList {
  /** Newest first; undefined for one that could not be read. */
  nodes: Array<DeploymentNode | undefined>;
  /** True when the environment has older deployments than those listed. */
  more: boolean;
}

export interface WhatShippedAnswer {
  /** Undefined when not asked (the event names its pull request). */
  pullRequests?: Answer<PullRequestNode[]>;
  /** The first line of the deployed commit's message. */
  commitMessage?: string;
  deployments: Answer<DeploymentList>;
}

export interface CommitRange {
  status: 'ahead' | 'behind' | 'identical' | 'diverged';
  aheadBy: number;
  behindBy: number;
  totalCommits: number;
  /** The committer dates of the listed commits (the oldest first); undefined when one is unreadable. */
  committedAt?: string[];
}

export const NOT_DOCUMENTED = "GitHub's answer is not of the shape GitHub documents";
