// The GitHub context a step runs in — the runner's GITHUB_* environment and the webhook event that
// started the run — and which revision it deploys. Only readGithubContext does I/O.

import { readFileSync } from 'node:fs';

export type Env = Record<string, string | undefined>;
// The webhook payload is arbitrary JSON; only a few well-known fields are read from it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Payload = Record<string, any>;

export interface GithubContext {
  env: Env;
  payload: Payload;
}

/**
 * The payload is read from GITHUB_EVENT_PATH rather than through @actions/github, whose Octokit
 * client would cost every step about a third of a bare Node start and is not otherwise needed.
 * An unreadable payload leaves out the attributes taken from it.
 */
export function readGithubContext(env: Env = process.env): GithubContext {
  return { env, payload: readPayload(env.GITHUB_EVENT_PATH) };
}

function readPayload(path: string | undefined): Payload {
  if (!path) return {};
  try {
    const payload: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isObject(payload) ? payload : {};
  } catch {
    return {};
  }
}

export interface Revision {
  commitSha?: string;
  branch?: string;
  pullRequestNumber?: string;
}

/** Events whose payload has the pull request; GITHUB_HEAD_REF is set only for the first two. */
export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);

/**
 * The commit and branch the run deploys. GITHUB_SHA and GITHUB_REF do not say it for every event:
 * on pull-request events GITHUB_SHA is a test merge commit; on `workflow_run` (deploy after CI)
 * they are the default branch's tip, not what CI built; on `merge_group` the ref is a one-off
 * `gh-readonly-queue/...` branch, while the change lands on the queue's base branch.
 */
export function deployedRevision({ env, payload }: GithubContext): Revision {
  const event = env.GITHUB_EVENT_NAME ?? '';
  if (PULL_REQUEST_EVENTS.has(event) && isObject(payload.pull_request)) {
    const pullRequest = payload.pull_request;
    return {
      commitSha: scalarString(pullRequest.head?.sha),
      branch: scalarString(pullRequest.head?.ref) ?? env.GITHUB_HEAD_REF,
      pullRequestNumber: scalarString(pullRequest.number),
    };
  }
  if (event === 'workflow_run' && isObject(payload.workflow_run)) {
    const run = payload.workflow_run;
    return {
      commitSha: scalarString(run.head_sha),
      branch: scalarString(run.head_branch),
      pullRequestNumber: Array.isArray(run.pull_requests) ? scalarString(run.pull_requests[0]?.number) : undefined,
    };
  }
  if (event === 'merge_group' && isObject(payload.merge_group)) {
    return {
      commitSha: scalarString(payload.merge_group.head_sha),
      branch: scalarString(payload.merge_group.base_ref)?.replace(/^refs\/heads\//, ''),
    };
  }
  return { commitSha: env.GITHUB_SHA, branch: env.GITHUB_REF_TYPE === 'branch' ? env.GITHUB_REF_NAME : undefined };
}

const SERVER = String.raw`https?:\/\/[A-Za-z0-9.-]+(?::\d+)?`;
const OWNER_AND_NAME = String.raw`[\w.-]+\/[\w.-]+`;
/** A repository's page as GitHub gives it (server, owner/name), for patterns of links below it. */
export const REPOSITORY_PAGE = `${SERVER}\\/${OWNER_AND_NAME}`;

/**
 * The repository's page, only from a GITHUB_SERVER_URL and GITHUB_REPOSITORY of the shape GitHub
 * gives them: links built on it go into the job summary as they are.
 */
export function repositoryUrl(env: Env): string | undefined {
  const { GITHUB_SERVER_URL: server = '', GITHUB_REPOSITORY: repository = '' } = env;
  if (!new RegExp(`^${SERVER}$`).test(server) || !new RegExp(`^${OWNER_AND_NAME}$`).test(repository)) return undefined;
  return `${server}/${repository}`;
}

/** A payload value as a string, if it is a string, number or boolean. */
export function scalarString(value: unknown): string | undefined {
  return ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : undefined;
}

function isObject(value: unknown): value is Payload {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
