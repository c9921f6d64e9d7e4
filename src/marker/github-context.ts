// The GitHub context a step runs in — the runner's GITHUB_* environment and the webhook event that
// started the run (read by runner/event-file.ts) — and which revision it deploys; the links built
// on it. Pure.

import type { EventFacts } from './event-payload.js';
import { COMMIT_SHA } from '../text/shape.js';
import { isLoopbackHost } from '../text/url.js';

export type Env = Record<string, string | undefined>;

export interface GithubContext {
  env: Env;
  event: EventFacts;
}

/** What the event that started the run says it deploys. */
export interface Revision {
  commitSha?: string;
  branch?: string;
  tag?: string;
  commitMessage?: string;
  pullRequestNumber?: string;
  /** The pull request's title, where the event is about a pull request. */
  pullRequestTitle?: string;
}

/** Events whose payload has the pull request; GITHUB_HEAD_REF is set only for the first two. */
export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);

/**
 * The commit and branch the event deploys. GITHUB_SHA and GITHUB_REF do not say it for every
 * event: on pull-request events GITHUB_SHA is a test merge commit; on `workflow_run` (deploy after
 * CI) they are the default branch's tip, not what CI built; on `merge_group` the ref is a one-off
 * `gh-readonly-queue/...` branch, while the change lands on the queue's base branch; on a comment
 * on a pull request (ChatOps), GITHUB_SHA is the default branch's tip and the pull request, not a
 * commit, is what the event names.
 */
export function deployedRevision({ env, event }: GithubContext): Revision {
  const name = env.GITHUB_EVENT_NAME ?? '';
  if (PULL_REQUEST_EVENTS.has(name) && event.pullRequest) {
    const { headSha, headRef, number, title } = event.pullRequest;
    return { commitSha: headSha, branch: headRef ?? (env.GITHUB_HEAD_REF || undefined), pullRequestNumber: number, pullRequestTitle: title };
  }
  if (name === 'workflow_run' && event.workflowRun) {
    const { headSha, headBranch, pullRequestNumber, headCommitMessage } = event.workflowRun;
    return { commitSha: headSha, branch: headBranch, pullRequestNumber, commitMessage: headCommitMessage };
  }
  if (name === 'merge_group' && event.mergeGroup) {
    return { commitSha: event.mergeGroup.headSha, branch: event.mergeGroup.baseRef?.replace(/^refs\/heads\//, '') };
  }
  if (name === 'issue_comment' && event.issue?.isPullRequest) {
    return { pullRequestNumber: event.issue.number, pullRequestTitle: event.issue.title };
  }
  return {
    commitSha: env.GITHUB_SHA && COMMIT_SHA.test(env.GITHUB_SHA) ? env.GITHUB_SHA : undefined,
    branch: env.GITHUB_REF_TYPE === 'branch' ? env.GITHUB_REF_NAME : undefined,
    tag: env.GITHUB_REF_TYPE === 'tag' ? env.GITHUB_REF_NAME : undefined,
    commitMessage: event.headCommitMessage,
  };
}

/** The commit a workflow says it deploys (commit_sha), in the repository it names (repository). */
export interface NamedRevision {
  commitSha?: string;
  repository?: string;
}

/** What a marker says was deployed, and what of the event describes it. */
export interface Deployed extends Revision {
  /** owner/name of the repository the commit is in. */
  repository?: string;
  /**
   * True when the event's own branch, tag, message, push and pull request describe the deployed
   * commit: no other commit or repository was named. Wrong is worse than absent: otherwise they
   * are left out.
   */
  isEventCommit: boolean;
  /**
   * For a named commit, the pull request the event is about (a ChatOps comment's, say): the
   * deployed one only if GitHub associates it with the commit.
   */
  pullRequestHint?: string;
}

export function deployed(context: GithubContext, named: NamedRevision = {}): Deployed {
  const event = deployedRevision(context);
  const own = context.env.GITHUB_REPOSITORY;
  const repository = named.repository ?? own;
  const sameRepository = named.repository === undefined || named.repository.toLowerCase() === own?.toLowerCase();
  const isEventCommit = sameRepository && (named.commitSha === undefined || named.commitSha === event.commitSha);
  const commitSha = named.commitSha ?? (sameRepository ? event.commitSha : undefined);
  if (isEventCommit) return { ...event, repository, isEventCommit };
  return { commitSha, repository, isEventCommit, pullRequestHint: sameRepository ? event.pullRequestNumber : undefined };
}

const SERVER = String.raw`https?:\/\/[A-Za-z0-9.-]+(?::\d+)?`;
const OWNER_AND_NAME = String.raw`[\w.-]+\/[\w.-]+`;
/** A repository's page as GitHub gives it (server, owner/name), for patterns of links below it. */
export const REPOSITORY_PAGE = `${SERVER}\\/${OWNER_AND_NAME}`;
/** A repository's owner/name, as GITHUB_REPOSITORY and the repository input give it. */
export const REPOSITORY_NAME = new RegExp(`^${OWNER_AND_NAME}$`);

/**
 * The repository's page, only from a GITHUB_SERVER_URL and GITHUB_REPOSITORY of the shape GitHub
 * gives them (no user-info, no path): links built on it go into labels and the job summary as they are.
 */
export function repositoryUrl(env: Env, repository: string | undefined = env.GITHUB_REPOSITORY): string | undefined {
  const server = (env.GITHUB_SERVER_URL ?? '').replace(/\/$/, '');
  if (!new RegExp(`^${SERVER}$`).test(server) || !REPOSITORY_NAME.test(repository ?? '')) return undefined;
  return `${server}/${repository}`;
}

/** The run's page, only from values of the shape GitHub gives them. */
export function workflowRunUrl(env: Env): string | undefined {
  const repository = repositoryUrl(env);
  if (!repository || !/^\d+$/.test(env.GITHUB_RUN_ID ?? '')) return undefined;
  return `${repository}/actions/runs/${env.GITHUB_RUN_ID}`;
}

/**
 * GitHub's REST API (GITHUB_API_URL; it differs on GitHub Enterprise Server), or why the lookups
 * cannot use it: the job token goes to that host, so it must be https (plain http only on a
 * loopback host) and carry no user-info, query or fragment.
 */
export function gitHubApiUrl(env: Env): { url: string } | { problem: string } {
  const raw = env.GITHUB_API_URL || 'https://api.github.com';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: 'GITHUB_API_URL is not a URL' };
  }
  if (url.username || url.password || url.search || url.hash) return { problem: 'GITHUB_API_URL has user-info, a query or a fragment' };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return { problem: `GITHUB_API_URL is not https (${url.protocol}//${url.host}); the job token is not sent in clear` };
  }
  return { url: url.href.replace(/\/+$/, '') };
}
