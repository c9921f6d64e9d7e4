// What shipped with a deploy: the pull request, the previous deployed commit, the commits in
// between and how long the oldest of them waited (DORA's lead time for changes). The payload
// answers what it can; GitHub's REST API (through @actions/github, loaded only on this path) the
// rest. Every lookup shares one time budget: past it, the marker goes out with what is known.

import { firstLine, withoutEmpty, type Attributes } from './attributes.js';
import { gitHubFetch } from './github-fetch.js';
import { deployedRevision, PULL_REQUEST_EVENTS, repositoryUrl, scalarString, type GithubContext } from './github-context.js';

export interface PullRequest {
  number: string;
  title?: string;
  url?: string;
}

/** What could not be found out; `permission` is the `permissions:` entry that would fill it. */
export interface Missing {
  what: string;
  permission?: 'contents: read' | 'pull-requests: read' | 'deployments: read';
  why?: string;
}

export interface ShippedChanges {
  pullRequest?: PullRequest;
  previousCommitSha?: string;
  compareUrl?: string;
  commitCount?: number;
  leadTimeS?: number;
  missing: Missing[];
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
  });
}

/** One short notice: what is missing, and the permissions that would fill it. */
export function describeMissing(missing: readonly Missing[]): string | undefined {
  if (missing.length === 0) return undefined;
  const parts = missing.map((item) => (item.why ? `${item.what} (${item.why})` : item.what));
  const permissions = [...new Set(missing.map((item) => item.permission).filter(Boolean))];
  const fix = permissions.length > 0 ? ` Give the job \`permissions:\` ${permissions.map((permission) => `\`${permission}\``).join(', ')} to fill it in.` : '';
  return `what shipped is partly unknown: ${parts.join('; ')}.${fix} The markers go out with what is known.`;
}

const NO_COMMIT = /^0+$/;

/** The pull request a PR event is about, from its payload. */
export function pullRequestFromPayload({ env, payload }: GithubContext): PullRequest | undefined {
  if (!PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) return undefined;
  const number = scalarString(payload.pull_request?.number);
  if (!number) return undefined;
  return { number, title: firstLine(scalarString(payload.pull_request?.title)), url: scalarString(payload.pull_request?.html_url) };
}

/** A push says which commit its branch pointed at before: the previous commit, unless the branch is new. */
export function previousCommitFromPush({ env, payload }: GithubContext): string | undefined {
  if (env.GITHUB_EVENT_NAME !== 'push') return undefined;
  const before = scalarString(payload.before);
  return before && /^[0-9a-f]{40}$/.test(before) && !NO_COMMIT.test(before) ? before : undefined;
}

/** GitHub's answer for the pull requests of a commit, trimmed to what is read. */
export interface ApiPullRequest {
  number: number;
  title?: string;
  html_url?: string;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
}

/** The pull request a commit came from: the one the event names, else the one that merged it, else any merged one. */
export function choosePullRequest(pulls: readonly ApiPullRequest[], sha: string, named?: string): PullRequest | undefined {
  const chosen =
    pulls.find((pull) => named !== undefined && String(pull.number) === named) ??
    pulls.find((pull) => pull.merged_at && pull.merge_commit_sha === sha) ??
    pulls.find((pull) => pull.merged_at) ??
    (named === undefined ? undefined : pulls[0]);
  return chosen && { number: String(chosen.number), title: firstLine(chosen.title), url: chosen.html_url };
}

export interface DeploymentWithStatus {
  sha: string;
  /** The state of its newest status; undefined when it has none. */
  latestState?: string;
}

/** The newest deployment (they come newest first) that succeeded and is not of the commit being deployed. */
export function previousDeployment(deployments: readonly DeploymentWithStatus[], currentSha: string): string | undefined {
  return deployments.find((deployment) => deployment.sha !== currentSha && deployment.latestState === 'success')?.sha;
}

/** Commits in a range, as the compare API or a push payload lists them: each with its committer's date. */
export interface RangeCommit {
  committedAt?: string;
}

/** How many commits went out and how long the oldest waited, in whole seconds, until the deploy started. */
export function rangeFigures(total: number, commits: readonly RangeCommit[], deployStartedMs: number): { commitCount: number; leadTimeS?: number } {
  const dates = commits.map((commit) => Date.parse(commit.committedAt ?? '')).filter((ms) => !Number.isNaN(ms));
  if (dates.length === 0) return { commitCount: total };
  return { commitCount: total, leadTimeS: Math.max(0, Math.floor((deployStartedMs - Math.min(...dates)) / 1000)) };
}

/** The push payload's own list of commits, when the compare API cannot answer. */
export function pushedCommits({ env, payload }: GithubContext): RangeCommit[] | undefined {
  if (env.GITHUB_EVENT_NAME !== 'push' || !Array.isArray(payload.commits)) return undefined;
  return payload.commits.map((commit: { timestamp?: unknown }) => ({ committedAt: scalarString(commit?.timestamp) }));
}

export function compareUrl(env: GithubContext['env'], base: string, head: string): string | undefined {
  const repository = repositoryUrl(env);
  return repository && `${repository}/compare/${base}...${head}`;
}

export interface LookupOptions {
  token: string;
  /** GitHub's REST API: GITHUB_API_URL (differs on GitHub Enterprise Server). */
  apiUrl: string;
  /** The GitHub environment whose deployments bound the range. */
  environment: string;
  deployStartedMs: number;
  budgetMs: number;
}

/**
 * Looks up what shipped. Never throws: what cannot be found out (no permission, nothing to find,
 * GitHub down or slow) is left out and listed in `missing`.
 */
export async function lookUpChanges(context: GithubContext, options: LookupOptions): Promise<ShippedChanges> {
  const { commitSha: sha, pullRequestNumber } = deployedRevision(context);
  const [owner, repo] = (context.env.GITHUB_REPOSITORY ?? '').split('/');
  const changes: ShippedChanges = { pullRequest: pullRequestFromPayload(context), missing: [] };
  if (!sha || !owner || !repo) return changes;

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.budgetMs);
  let client: GitHubClient | undefined;
  try {
    client = options.token ? await gitHubClient(options, owner, repo, abort.signal).catch((error: unknown) => clientNotLoaded(error, changes.missing)) : undefined;
    // Each range is asked for once: findPreviousCommit asks for the likeliest one early.
    const ranges = new Map<string, Promise<CommitRange>>();
    const rangeFrom = (base: string): Promise<CommitRange> => {
      if (!ranges.has(base)) ranges.set(base, commitRange(client, context, base, sha, options.deployStartedMs));
      return ranges.get(base) as Promise<CommitRange>;
    };
    const work = (async () => {
      const [pullRequest, previous] = await Promise.all([
        changes.pullRequest ?? (client ? findPullRequest(client, sha, pullRequestNumber, changes.missing) : undefined),
        findPreviousCommit(client, context, options.environment, sha, changes.missing, rangeFrom),
      ]);
      changes.pullRequest = pullRequest;
      if (!previous) return;
      changes.previousCommitSha = previous;
      changes.compareUrl = compareUrl(context.env, previous, sha);
      const { missing, ...figures } = await rangeFrom(previous);
      changes.missing.push(...missing);
      Object.assign(changes, figures);
    })();
    const timedOut = new Promise<'timeout'>((resolve) => abort.signal.addEventListener('abort', () => resolve('timeout')));
    if ((await Promise.race([work.then(() => 'done' as const), timedOut])) === 'timeout') {
      changes.missing.push({ what: 'what GitHub had not answered yet', why: `no answer within ${options.budgetMs / 1000} s` });
    }
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return { ...changes, missing: dedupe(changes.missing) };
}

interface GitHubClient {
  request(route: string, parameters: Record<string, unknown>): Promise<{ data: unknown }>;
}

/**
 * @actions/github: in dist/, its own bundle beside the steps' (dist/github-api.js, built from
 * src/github-api.ts), which the bundler leaves out of steps.js, so that a step that makes no call
 * to GitHub never reads it.
 */
function loadGitHub(): Promise<typeof import('./github-api.js')> {
  return import(/* webpackIgnore: true */ './github-api.js');
}

async function gitHubClient(options: LookupOptions, owner: string, repo: string, signal: AbortSignal): Promise<GitHubClient> {
  const { getOctokit } = await loadGitHub();
  // The signal aborts when the lookups end, done or out of time: no connection outlives them.
  const transport = gitHubFetch({ signal, socketTimeoutMs: options.budgetMs });
  // octokit takes any fetch; it reads no more of one than gitHubFetch gives.
  const fetch = transport.fetch as unknown as typeof globalThis.fetch;
  const octokit = getOctokit(options.token, { baseUrl: options.apiUrl, request: { fetch, signal, retries: 0 } });
  return { request: (route, parameters) => octokit.request(route, { owner, repo, ...parameters }) };
}

/** @actions/github did not load (a dist/ missing a file, say): the lookups are left to the payload. */
function clientNotLoaded(error: unknown, missing: Missing[]): undefined {
  missing.push({ what: "what GitHub's API would have told", why: `@actions/github did not load: ${firstLine(error instanceof Error ? error.message : String(error), 200)}` });
  return undefined;
}

async function findPullRequest(client: GitHubClient, sha: string, named: string | undefined, missing: Missing[]): Promise<PullRequest | undefined> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { commit_sha: sha, per_page: 10 });
    return choosePullRequest(Array.isArray(data) ? (data as ApiPullRequest[]) : [], sha, named);
  } catch (error) {
    noteFailure(error, { what: 'the pull request', permission: 'pull-requests: read' }, missing);
    return undefined;
  }
}

/**
 * The commit of the newest successful deployment to `environment`, else the push's previous
 * commit. `expectPrevious` hears of the newest deployment while their statuses are asked for:
 * nearly always the previous one, so its range can be on its way a round trip sooner.
 */
async function findPreviousCommit(
  client: GitHubClient | undefined,
  context: GithubContext,
  environment: string,
  sha: string,
  missing: Missing[],
  expectPrevious: (sha: string) => void,
): Promise<string | undefined> {
  if (client && environment) {
    try {
      const { data } = await client.request('GET /repos/{owner}/{repo}/deployments', { environment, per_page: 10 });
      const deployments = (Array.isArray(data) ? data : []) as Array<{ id: number; sha: string }>;
      const candidates = deployments.filter((deployment) => deployment.sha !== sha);
      if (candidates[0]) expectPrevious(candidates[0].sha);
      const withStatus = await Promise.all(
        candidates.map(async (deployment) => {
          const statuses = await client.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { deployment_id: deployment.id, per_page: 1 });
          const [latest] = Array.isArray(statuses.data) ? (statuses.data as Array<{ state?: string }>) : [];
          return { sha: deployment.sha, latestState: latest?.state };
        }),
      );
      const previous = previousDeployment(withStatus, sha);
      if (previous) return previous;
    } catch (error) {
      noteFailure(error, { what: 'the previous deployment', permission: 'deployments: read' }, missing);
    }
  }
  return previousCommitFromPush(context);
}

/** How many commits went out and the lead time, with what could not be found out about them. */
type CommitRange = { commitCount?: number; leadTimeS?: number; missing: Missing[] };

async function commitRange(client: GitHubClient | undefined, context: GithubContext, base: string, head: string, deployStartedMs: number): Promise<CommitRange> {
  const pushed = pushedCommits(context);
  const fromPush = (): CommitRange => ({ ...(pushed ? rangeFigures(pushed.length, pushed, deployStartedMs) : {}), missing: [] });
  if (!client) return fromPush();
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', { basehead: `${base}...${head}`, per_page: 100 });
    const answer = data as { total_commits?: number; commits?: Array<{ commit?: { committer?: { date?: string } } }> };
    const commits = (answer.commits ?? []).map((commit) => ({ committedAt: commit.commit?.committer?.date }));
    return { ...rangeFigures(answer.total_commits ?? commits.length, commits, deployStartedMs), missing: [] };
  } catch (error) {
    if (pushed) return fromPush();
    const missing: Missing[] = [];
    const status = (error as { status?: number }).status;
    noteFailure(error, { what: 'the commits since the previous deployment', permission: 'contents: read', ...(status === 404 ? { why: `GitHub cannot compare ${base.slice(0, 7)}...${head.slice(0, 7)}: a force-push?` } : {}) }, missing);
    return { missing };
  }
}

/**
 * 401/403: the token lacks the permission; else say what went wrong, with no permission to add.
 * Octokit reports a request that got no answer as status 500 without a response.
 */
function noteFailure(error: unknown, missing: Missing, list: Missing[]): void {
  const { status, response } = error as { status?: number; response?: unknown };
  if (status === 403 || status === 401) list.push({ what: missing.what, permission: missing.permission });
  else list.push({ what: missing.what, why: missing.why ?? (status && response ? `GitHub answered HTTP ${status}` : 'GitHub could not be reached') });
}

function dedupe(missing: Missing[]): Missing[] {
  const seen = new Set<string>();
  return missing.filter((item) => !seen.has(item.what) && seen.add(item.what));
}
