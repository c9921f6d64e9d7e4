// What shipped with a deploy: the pull request, the previous deployed commit, the commits in
// between and how long the oldest of them waited (DORA's lead time for changes), decided from what
// the payload says and what GitHub answered (github-lookups.ts asks). Each fact is either known
// for the deployed commit or left out: a range's figures always describe the range its link
// shows. Pure.

import { firstLine } from '../text/lines.js';
import { MAX_COMMIT_MESSAGE_LENGTH, withoutEmpty, type Attributes } from './attributes.js';
import { NOT_DOCUMENTED, type Answer, type CommitRange, type DeploymentList, type LookupFailure, type Permission, type PullRequestNode, type WhatShippedAnswer } from './github-facts.js';
import { deployed, PULL_REQUEST_EVENTS, repositoryUrl, type GithubContext, type NamedRevision } from './github-context.js';
import type { PushedCommit } from './event-payload.js';

export interface PullRequest {
  number: string;
  title?: string;
  url?: string;
}

/** Something that could not be found out, and why. */
export interface Missing {
  what: string;
  failure: LookupFailure;
}

export interface ShippedChanges {
  pullRequest?: PullRequest;
  previousCommitSha?: string;
  compareUrl?: string;
  commitCount?: number;
  leadTimeS?: number;
  /** The deployed commit is behind the previous deployment's. */
  rollback?: boolean;
  /** For a commit the workflow named: its branch and message, where GitHub says them. */
  branch?: string;
  commitMessage?: string;
  missing: Missing[];
}

/** What a deploy's lookups start from: the deployed commit and what the event itself says. */
export interface ShippedPlan {
  sha?: string;
  owner?: string;
  repo?: string;
  /** The pull request the event is about (pull-request events, a comment on one), from the payload. */
  eventPullRequest?: PullRequest;
  /** The pull request the event names without describing it (workflow_run). */
  namedPullRequest?: string;
  /** A push's `before`: the range before...sha is known from the payload alone. */
  pushBefore?: string;
  pushedCommits?: PushedCommit[];
  /** The deployed commit is not the event's: its branch and message come from GitHub. */
  namedCommit: boolean;
  /** This run's own deployments log to `/actions/runs/<id>/`: none of them is the previous one. */
  runId?: string;
}

export function shippedPlan(context: GithubContext, named: NamedRevision = {}): ShippedPlan {
  const { env, event } = context;
  const revision = deployed(context, named);
  const [owner, repo, ...rest] = (revision.repository ?? '').split('/');
  const isPush = env.GITHUB_EVENT_NAME === 'push' && revision.isEventCommit;
  const aboutPullRequest = PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || env.GITHUB_EVENT_NAME === 'issue_comment';
  const number = revision.pullRequestNumber;
  const eventPullRequest =
    aboutPullRequest && number ? { number, title: firstLine(revision.pullRequestTitle), url: pullRequestUrl(context, revision.repository, number) } : undefined;
  return {
    sha: revision.commitSha,
    owner: owner && repo && rest.length === 0 ? owner : undefined,
    repo: owner && repo && rest.length === 0 ? repo : undefined,
    eventPullRequest,
    namedPullRequest: eventPullRequest ? undefined : (number ?? revision.pullRequestHint),
    pushBefore: isPush ? event.pushBefore : undefined,
    pushedCommits: isPush ? event.pushedCommits : undefined,
    namedCommit: !revision.isEventCommit,
    runId: /^\d+$/.test(env.GITHUB_RUN_ID ?? '') ? env.GITHUB_RUN_ID : undefined,
  };
}

/** Everything learnt from GitHub by the time the lookups ended; 'pending' is what was asked and not answered. */
export interface ShippedFacts {
  /** Undefined when nothing was asked (no token, no API to ask). */
  lookup?: WhatShippedAnswer | 'pending';
  /** Commit ranges asked for, by their base; their head is the deployed commit. */
  ranges: ReadonlyMap<string, Answer<CommitRange> | 'pending'>;
}

export interface DecideOptions {
  deployStartedMs: number;
  /** How long the lookups were given, for the notice about what GitHub did not answer in time. */
  budgetMs: number;
}

/**
 * The newest successful deployment (they come newest first) other than this run's own: of another
 * commit, or of the same one (a redeploy, which then ships nothing new).
 */
export function previousDeployment(list: DeploymentList, runId?: string): { sha?: string; unreadable?: true } {
  const ownLog = runId === undefined ? undefined : `/actions/runs/${runId}/`;
  for (const deployment of list.nodes) {
    // One that cannot be read may be the previous one: then which one is unknown.
    if (!deployment) return { unreadable: true };
    if (deployment.state === 'SUCCESS' && !(ownLog && deployment.logUrl?.includes(ownLog))) return { sha: deployment.commitSha };
  }
  return {};
}

/** The pull request a commit came from: the one the event names, else the one that merged it, else any merged one. */
export function choosePullRequest(pulls: readonly PullRequestNode[], sha: string, named?: string): PullRequestNode | undefined {
  return (
    pulls.find((pull) => named !== undefined && String(pull.number) === named) ??
    pulls.find((pull) => pull.merged && pull.mergeCommitSha === sha) ??
    pulls.find((pull) => pull.merged)
  );
}

/** How many commits went out and how long the oldest waited, in whole seconds, until the deploy started. */
export function rangeFigures(total: number, committedAt: readonly string[] | undefined, deployStartedMs: number): { commitCount: number; leadTimeS?: number } {
  let oldestMs = Infinity;
  for (const date of committedAt ?? []) oldestMs = Math.min(oldestMs, Date.parse(date));
  if (!Number.isFinite(oldestMs)) return { commitCount: total };
  return { commitCount: total, leadTimeS: Math.max(0, Math.floor((deployStartedMs - oldestMs) / 1000)) };
}

/**
 * The push payload's own figures for before...sha: its commits, if every one says when. Used when
 * GitHub could not compare that range.
 */
function pushedFigures(commits: readonly PushedCommit[], deployStartedMs: number): { commitCount: number; leadTimeS?: number } {
  const dates = commits.map((commit) => commit.timestamp);
  const known = dates.every((date): date is string => date !== undefined && !Number.isNaN(Date.parse(date)));
  return rangeFigures(commits.length, known ? dates : undefined, deployStartedMs);
}

/** What shipped, from the plan and the facts gathered. */
export function decideShipped(context: GithubContext, plan: ShippedPlan, facts: ShippedFacts, options: DecideOptions): ShippedChanges {
  const missing: Missing[] = [];
  const changes: ShippedChanges = { missing };
  /** The value of an answer; else undefined, and what could not be found out is noted. */
  const valueOf = <T>(what: string, answer: Answer<T> | 'pending' | undefined): T | undefined => {
    if (answer === undefined) return undefined;
    if (answer === 'pending') missing.push({ what, failure: { kind: 'no-answer', withinMs: options.budgetMs } });
    else if (!answer.ok) missing.push({ what, failure: answer.failure });
    else return answer.value;
    return undefined;
  };
  const { sha } = plan;
  // A comment on a pull request names the pull request, not a commit.
  if (!sha) return Object.assign(changes, plan.eventPullRequest && { pullRequest: plan.eventPullRequest });
  const part = <K extends keyof WhatShippedAnswer>(key: K): WhatShippedAnswer[K] | 'pending' | undefined => (facts.lookup === 'pending' ? 'pending' : facts.lookup?.[key]);

  const repositoryName = plan.owner && plan.repo ? `${plan.owner}/${plan.repo}` : undefined;
  if (plan.eventPullRequest) {
    changes.pullRequest = plan.eventPullRequest;
  } else {
    const pulls = valueOf('the pull request', part('pullRequests'));
    const chosen = pulls && choosePullRequest(pulls, sha, plan.namedPullRequest);
    if (chosen) changes.pullRequest = { number: String(chosen.number), title: firstLine(chosen.title), url: pullRequestUrl(context, repositoryName, String(chosen.number)) };
    // A pull request whose head is the named commit says its branch.
    if (plan.namedCommit && chosen?.headRefOid === sha) changes.branch = chosen.headRefName;
  }
  const answer = facts.lookup === 'pending' ? undefined : facts.lookup;
  if (plan.namedCommit && answer?.commitMessage) changes.commitMessage = answer.commitMessage;

  const deployments = valueOf('the previous deployment', part('deployments'));
  const found = deployments && previousDeployment(deployments, plan.runId);
  if (found?.unreadable) missing.push({ what: 'the previous deployment', failure: { kind: 'bad-answer', detail: NOT_DOCUMENTED } });
  else if (deployments?.more && !found?.sha) {
    const why = `none of the ${deployments.nodes.length} newest deployments of its environment succeeded`;
    missing.push({ what: 'the previous deployment', failure: { kind: 'not-asked', why } });
  }
  // No deployment to go by (none, or GitHub did not say which): a push still says what it brought.
  const previous = found?.sha ?? plan.pushBefore;
  if (!previous) return changes;

  changes.previousCommitSha = previous;
  // A redeploy of the previous deployment's commit: nothing new shipped.
  if (previous === sha) return Object.assign(changes, { commitCount: 0 });
  const repository = repositoryUrl(context.env, repositoryName);
  if (repository) changes.compareUrl = `${repository}/compare/${previous}...${sha}`;
  const asked = facts.ranges.get(previous) ?? 'pending';
  if (asked !== 'pending' && asked.ok && asked.value.status === 'behind') {
    // Back to an older commit: it ships no commits, it takes some back.
    Object.assign(changes, { rollback: true, commitCount: 0 });
  } else if (asked !== 'pending' && asked.ok) {
    Object.assign(changes, rangeFigures(asked.value.totalCommits, asked.value.committedAt, options.deployStartedMs));
  } else if (previous === plan.pushBefore && plan.pushedCommits) {
    // GitHub did not say (or not in time): the payload's own commits are exactly before...sha.
    Object.assign(changes, pushedFigures(plan.pushedCommits, options.deployStartedMs));
  } else {
    const forcePushed = asked !== 'pending' && asked.failure.kind === 'not-found';
    const range = forcePushed ? ` (GitHub cannot compare ${previous.slice(0, 7)}...${sha.slice(0, 7)}: a force-push?)` : '';
    valueOf(`the commits since the previous deployment${range}`, asked);
  }
  return changes;
}

/** A pull request's page on the server of the run: never a URL an answer gave. */
function pullRequestUrl(context: GithubContext, repositoryName: string | undefined, number: string): string | undefined {
  const repository = repositoryUrl(context.env, repositoryName);
  return repository && /^\d+$/.test(number) ? `${repository}/pull/${number}` : undefined;
}

/** The attributes a marker gains, start and stop alike. */
export function shippedAttributes(changes: ShippedChanges): Attributes {
  return withoutEmpty({
    github_pr_number: changes.pullRequest?.number,
    github_pr_title: changes.pullRequest?.title,
    github_pr_url: changes.pullRequest?.url,
    previous_commit_sha: changes.previousCommitSha,
    compare_url: changes.compareUrl,
    commit_count: changes.commitCount === undefined ? undefined : String(changes.commitCount),
    lead_time_s: changes.leadTimeS === undefined ? undefined : String(changes.leadTimeS),
    rollback: changes.rollback ? 'true' : undefined,
    branch: changes.branch,
    commit_message: firstLine(changes.commitMessage, MAX_COMMIT_MESSAGE_LENGTH),
  });
}

/**
 * One short notice: what is missing and why, and the permissions that would fill it. What fails
 * for the same reason is named together.
 */
export function describeMissing(missing: readonly Missing[]): string | undefined {
  if (missing.length === 0) return undefined;
  const byReason = new Map<string, string[]>();
  const permissions = new Set<Permission>();
  for (const { what, failure } of missing) {
    if (failure.kind === 'permission') permissions.add(failure.permission);
    const reason = failure.kind === 'permission' ? '' : why(failure);
    const whats = byReason.get(reason) ?? [];
    if (!whats.includes(what)) whats.push(what);
    byReason.set(reason, whats);
  }
  const parts = [...byReason].map(([reason, whats]) => `${whats.join(', ')}${reason ? ` (${reason})` : ''}`);
  const fix = permissions.size > 0 ? ` Give the job \`permissions:\` ${[...permissions].map((permission) => `\`${permission}\``).join(', ')} to fill it in.` : '';
  return `what shipped is partly unknown: ${parts.join('; ')}.${fix} The markers go out with what is known.`;
}

function why(failure: LookupFailure): string {
  switch (failure.kind) {
    case 'permission':
      return `no \`${failure.permission}\``;
    case 'rate-limited': {
      const until = failure.resetsAt && !Number.isNaN(failure.resetsAt.getTime()) ? ` until ${failure.resetsAt.toISOString().slice(11, 16)} UTC` : '';
      return `GitHub's API rate limit for github_token is used up${until}`;
    }
    case 'token-refused':
      return `GitHub refused github_token with HTTP ${failure.status}`;
    case 'not-found':
      return 'GitHub did not find it';
    case 'unreadable-repository':
      return `github_token cannot read ${failure.repository}, or it does not exist`;
    case 'status':
      return `GitHub answered HTTP ${failure.status}`;
    case 'unreachable':
      return 'GitHub could not be reached';
    case 'bad-answer':
      return failure.detail;
    case 'not-asked':
      return failure.why;
    case 'no-answer':
      return failure.withinMs === undefined ? 'GitHub had not answered in time' : `no answer within ${failure.withinMs / 1000} s`;
  }
}
