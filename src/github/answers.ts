// What GitHub's API answers the lookups of what shipped, checked where it enters: each answer
// against the shape GitHub documents for it (its GraphQL schema, its REST description), each
// failure named for what it is (no permission, the rate limit, a refused token, GitHub down). What
// does not fit is unknown, never a guess: a pull request or deployment that cannot be read makes
// the answer about it unknown. Pure.

import { RefusedAnswer } from '../http/connection.js';
import { RedirectRefused } from './fetch.js';
import {
  DEPLOYMENT_STATES,
  NOT_DOCUMENTED,
  type Answer,
  type CommitRange,
  type DeploymentList,
  type DeploymentNode,
  type LookupFailure,
  type Permission,
  type PullRequestNode,
  type WhatShippedAnswer,
} from '../marker/github-facts.js';
import { commitSha, isoDate, isRecord, list, oneOf, text, wholeNumber } from '../text/shape.js';

/** How many deployments of the environment one lookup reads, newest first. */
export const DEPLOYMENTS_READ = 50;
/** How many pull requests of the deployed commit one lookup reads. */
export const PULL_REQUESTS_READ = 10;

/**
 * The one GraphQL request that answers the pull requests of the deployed commit and the latest
 * status of every recent deployment of the environment (REST needs one request per deployment
 * for that). Checked against GitHub's published schema (@octokit/graphql-schema) by its tests.
 */
export const WHAT_SHIPPED_QUERY = `query WhatShipped($owner: String!, $name: String!, $sha: GitObjectID!, $environment: String!, $pullRequests: Boolean!) {
  repository(owner: $owner, name: $name) {
    commit: object(oid: $sha) {
      ... on Commit {
        messageHeadline
        associatedPullRequests(first: ${PULL_REQUESTS_READ}) @include(if: $pullRequests) {
          nodes { number title merged mergeCommit { oid } headRefName headRefOid }
        }
      }
    }
    deployments(environments: [$environment], first: ${DEPLOYMENTS_READ}, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage }
      nodes { commitOid latestStatus { state logUrl } }
    }
  }
}`;


/**
 * The answer to WHAT_SHIPPED_QUERY: its `data` (partial when some fields failed) and its `errors`,
 * each of which names the field it failed (its `path`) and why (its `type`).
 */
export function readWhatShipped(data: unknown, errors: unknown, askedPullRequests: boolean, repositoryName: string): WhatShippedAnswer {
  // Which field of `repository` an error failed (`commit` or `deployments`); undefined: the
  // repository itself, or the whole request.
  const failures = (list(errors) ?? []).map((error) => {
    const path = isRecord(error) ? list(error.path) : undefined;
    return { type: isRecord(error) ? text(error.type) : undefined, field: path && path.length >= 2 ? path[1] : undefined };
  });
  const repository = isRecord(data) && isRecord(data.repository) ? data.repository : undefined;
  const failureOf = ({ type, field }: (typeof failures)[number], fallback: Permission): LookupFailure =>
    // GitHub answers a repository the token may not read as one that does not exist.
    type === 'NOT_FOUND' && field === undefined
      ? { kind: 'unreadable-repository', repository: repositoryName }
      : graphQLFailure(type, field === 'deployments' ? 'deployments: read' : field === 'commit' ? 'pull-requests: read' : fallback);
  const failureAt = (field: string, permission: Permission): LookupFailure | undefined => {
    const own = failures.find((failure) => failure.field === undefined || failure.field === field);
    // A failed field that may not be null (deployments) takes its repository with it: the other
    // field is lost for the same reason.
    const lost = repository ? undefined : failures[0];
    const failure = own ?? lost;
    return failure && failureOf(failure, permission);
  };
  const deploymentsFailure = failureAt('deployments', 'deployments: read');
  const deployments = deploymentsFailure ? failed(deploymentsFailure) : readDeployments(repository?.deployments);
  const commitMessage = isRecord(repository?.commit) ? text(repository.commit.messageHeadline) : undefined;
  if (!askedPullRequests) return { commitMessage, deployments };
  const pullRequestsFailure = failureAt('commit', 'pull-requests: read');
  return { pullRequests: pullRequestsFailure ? failed(pullRequestsFailure) : readPullRequests(repository?.commit), commitMessage, deployments };
}

function readPullRequests(commit: unknown): Answer<PullRequestNode[]> {
  // A commit GitHub does not know (object: null), or an object that is no commit ({}).
  if (commit === null || (isRecord(commit) && !('associatedPullRequests' in commit))) return failed({ kind: 'not-found' });
  const connection = isRecord(commit) && isRecord(commit.associatedPullRequests) ? list(commit.associatedPullRequests.nodes) : undefined;
  const nodes = connection?.slice(0, PULL_REQUESTS_READ).map(readPullRequest);
  // One unreadable pull request may be the one that shipped: then which one did is unknown.
  if (!nodes || nodes.some((node) => node === undefined)) return failed({ kind: 'bad-answer', detail: NOT_DOCUMENTED });
  return { ok: true, value: nodes as PullRequestNode[] };
}

function readPullRequest(node: unknown): PullRequestNode | undefined {
  if (!isRecord(node)) return undefined;
  const number = wholeNumber(node.number, 1);
  const { merged, mergeCommit } = node;
  const mergeCommitSha = isRecord(mergeCommit) ? commitSha(mergeCommit.oid) : undefined;
  if (number === undefined || typeof merged !== 'boolean' || (mergeCommit !== null && mergeCommit !== undefined && mergeCommitSha === undefined)) return undefined;
  return { number, title: text(node.title), merged, mergeCommitSha, headRefName: text(node.headRefName), headRefOid: commitSha(node.headRefOid) };
}

function readDeployments(connection: unknown): Answer<DeploymentList> {
  const nodes = isRecord(connection) ? list(connection.nodes) : undefined;
  const hasNextPage = isRecord(connection) && isRecord(connection.pageInfo) ? connection.pageInfo.hasNextPage : undefined;
  if (!nodes || typeof hasNextPage !== 'boolean') return failed({ kind: 'bad-answer', detail: NOT_DOCUMENTED });
  return { ok: true, value: { nodes: nodes.slice(0, DEPLOYMENTS_READ).map(readDeployment), more: hasNextPage || nodes.length > DEPLOYMENTS_READ } };
}

function readDeployment(node: unknown): DeploymentNode | undefined {
  if (!isRecord(node)) return undefined;
  const sha = commitSha(node.commitOid);
  const status = node.latestStatus;
  const state = isRecord(status) ? oneOf(status.state, DEPLOYMENT_STATES) : undefined;
  if (sha === undefined || (status !== null && state === undefined)) return undefined;
  return { commitSha: sha, state, logUrl: isRecord(status) ? text(status.logUrl) : undefined };
}

/** A compare answer (GET /repos/{owner}/{repo}/compare/{base}...{head}). */
export function readCompare(status: number, data: unknown): Answer<CommitRange> {
  if (status !== 200) return failed({ kind: 'status', status });
  const relation = isRecord(data) ? oneOf(data.status, ['ahead', 'behind', 'identical', 'diverged'] as const) : undefined;
  const [aheadBy, behindBy, totalCommits] = isRecord(data) ? [data.ahead_by, data.behind_by, data.total_commits].map((value) => wholeNumber(value)) : [];
  const commits = isRecord(data) ? list(data.commits) : undefined;
  if (!relation || aheadBy === undefined || behindBy === undefined || totalCommits === undefined || !commits || commits.length > totalCommits) {
    return failed({ kind: 'bad-answer', detail: NOT_DOCUMENTED });
  }
  const dates = commits.map((entry) => (isRecord(entry) && isRecord(entry.commit) && isRecord(entry.commit.committer) ? isoDate(entry.commit.committer.date) : undefined));
  const committedAt = dates.every((date) => date !== undefined) ? (dates as string[]) : undefined;
  return { ok: true, value: { status: relation, aheadBy, behindBy, totalCommits, committedAt } };
}

function graphQLFailure(type: string | undefined, permission: Permission): LookupFailure {
  switch (type) {
    case 'FORBIDDEN':
      return { kind: 'permission', permission };
    case 'RATE_LIMITED':
      return { kind: 'rate-limited' };
    case 'NOT_FOUND':
      return { kind: 'not-found' };
    default:
      return { kind: 'bad-answer', detail: `GitHub's GraphQL API answered an error${type ? ` (${type.slice(0, 40)})` : ''}` };
  }
}

/**
 * What an error thrown by a lookup (octokit's RequestError, or what it wrapped) says about why it
 * failed. `permission`: what a plain 403 means for this lookup.
 */
export function describeLookupError(error: unknown, permission: Permission): LookupFailure {
  const { name, status, response, cause } = (error ?? {}) as { name?: unknown; status?: unknown; response?: { headers?: Record<string, unknown> }; cause?: unknown };
  if (name === 'AbortError') return { kind: 'no-answer' };
  if (cause instanceof RedirectRefused) return { kind: 'bad-answer', detail: cause.message };
  if (cause instanceof RefusedAnswer) return cause.reason === 'too-large' ? { kind: 'bad-answer', detail: `GitHub's answer was ${cause.message}` } : { kind: 'unreachable' };
  if (typeof status !== 'number' || !response) {
    // Octokit wraps a failed request as status 500 without a response; anything else it threw
    // while reading an answer (a malformed Content-Type, say) is about the answer.
    return status === 500 ? { kind: 'unreachable' } : { kind: 'bad-answer', detail: "GitHub's answer could not be read" };
  }
  const headers = response.headers ?? {};
  if ((status === 403 || status === 429) && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined)) {
    return { kind: 'rate-limited', resetsAt: resetTime(headers['x-ratelimit-reset']) };
  }
  if (status === 429) return { kind: 'rate-limited' };
  if (status === 401) return { kind: 'token-refused', status };
  if (status === 403) return { kind: 'permission', permission };
  if (status === 404) return { kind: 'not-found' };
  return { kind: 'status', status };
}

function resetTime(header: unknown): Date | undefined {
  const seconds = typeof header === 'string' && /^\d{1,12}$/.test(header) ? Number(header) : undefined;
  return seconds === undefined ? undefined : new Date(seconds * 1000);
}

function failed(failure: LookupFailure): { ok: false; failure: LookupFailure } {
  return { ok: false, failure };
}
