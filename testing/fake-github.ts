// A GitHub REST API on 127.0.0.1 for tests, the demo and the benchmark: the few read-only calls the
// action makes (through @actions/github's getOctokit(token, { baseUrl: <this url> })) to find what a
// deploy shipped, answered from data the test sets up, with GitHub's JSON shapes (trimmed to the
// fields that matter), GitHub's refusals, and faults on request. One repository, one branch:
// - GET /repos/{owner}/{repo}/commits/{sha}/pulls → the pull requests associated with the commit:
//   for a commit on the default branch the merged ones, else the open ones (as GitHub documents);
//   a commit GitHub has never seen → 422 "No commit found for SHA: …".
// - GET /repos/{owner}/{repo}/deployments?sha=&ref=&task=&environment=&per_page=&page= → newest
//   first, filtered, paginated (per_page default 30, at most 100) with a Link header like GitHub's.
// - GET /repos/{owner}/{repo}/deployments/{id}/statuses?per_page=&page= → newest first; unknown id → 404.
// - GET /repos/{owner}/{repo}/compare/{base}...{head} (or base..head) → ahead/identical/behind over
//   `history`, commits oldest first (the first 250, or per_page (≤ 100) a page when per_page or page
//   is given), files: []; a base or head not in `history` (say, a force-pushed `before`) → 404.
// Every request needs `Authorization: token <t>` or `Bearer <t>` (else 401 "Bad credentials") and the
// job-token permission its endpoint needs (else 403 "Resource not accessible by integration"):
// compare → contents, commits/{sha}/pulls → pull_requests (GitHub also accepts contents there; this
// fake does not), deployments and statuses → deployments. Another repository, another method or
// any other path → 404 "Not Found". The order of checks: fault, 401, 404, 403, then the answer.

import { createHash } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback-server.js';

export const DEFAULT_GITHUB_TOKEN = 'ghs_fakejobtoken0123456789abcdef';
export const DEFAULT_OWNER = 'acme';
export const DEFAULT_REPO = 'payments-api';
export const DEFAULT_BRANCH = 'main';
/** Where html_url and friends point (GITHUB_SERVER_URL); nothing is served there. */
export const HTML_BASE_URL = 'https://github.com';

export type GitHubEndpoint = 'pulls' | 'deployments' | 'statuses' | 'compare';
export type GitHubPermission = 'contents' | 'pull_requests' | 'deployments';
export const ALL_PERMISSIONS: readonly GitHubPermission[] = ['contents', 'pull_requests', 'deployments'];
export type DeploymentState = 'success' | 'failure' | 'error' | 'in_progress' | 'queued' | 'pending' | 'inactive';

/** A commit of the default branch. */
export interface FakeCommit {
  /** 40 lowercase hex digits. */
  sha: string;
  message: string;
  /** ISO 8601; served as both the author's and the committer's date. */
  committedAt: string;
  /** The git author's name; defaults to the login, else "Unknown". */
  authorName?: string;
  /** The GitHub account of the author; without it `author` is null, as for an unknown e-mail. */
  authorLogin?: string;
}

export interface FakePullRequest {
  number: number;
  title: string;
  state: 'open' | 'closed';
  merged_at: string | null;
  /** For a merged PR, the commit it became on the base branch (merge, squash or rebase). */
  merge_commit_sha: string | null;
  head: { ref: string; sha: string };
  /** `sha` defaults to the parent of the merge commit in `history`, else the head sha. */
  base: { ref: string; sha?: string };
  user: { login: string };
  /** Defaults to https://github.com/{owner}/{repo}/pull/{number}. */
  html_url?: string;
  body?: string | null;
  draft?: boolean;
  created_at?: string;
  updated_at?: string;
  closed_at?: string | null;
  /** The commits GitHub associates the PR with: its head commits and, once merged, its merge commit. */
  commitShas: string[];
}

export interface FakeDeploymentStatus {
  id: number;
  state: DeploymentState;
  created_at: string;
  /** Defaults to the deployment's environment. */
  environment?: string;
  description?: string;
  log_url?: string;
  environment_url?: string;
  /** Defaults to the deployment's creator. */
  creator?: { login: string };
}

export interface FakeDeployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  /** Defaults to "deploy". */
  task?: string;
  created_at: string;
  /** Defaults to github-actions[bot], who creates the deployments of jobs with an `environment:`. */
  creator?: { login: string };
  description?: string | null;
  payload?: Record<string, unknown>;
  /** In any order: they are served newest first (by created_at, then id). */
  statuses: FakeDeploymentStatus[];
}

/** One scripted misbehaviour, used for the next `times` matching requests (all of them without `times`). */
export interface GitHubFault {
  on: GitHubEndpoint | 'any';
  times?: number;
  /** A status (and optional headers/body, default a GitHub-style error), or: never answer, or reset the connection. */
  respond: { status: number; headers?: Record<string, string>; body?: string } | 'hang' | 'reset';
}

export interface GitHubRequest {
  endpoint: GitHubEndpoint | 'unknown';
  method: string;
  /** The path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  /** The status the server answered, or undefined if it did not answer (yet). */
  status?: number;
  /** Which TCP connection carried it (1-based). */
  connection: number;
  receivedAtMs: number;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** The tokens accepted; default [DEFAULT_GITHUB_TOKEN]. */
  tokens?: Iterable<string>;
  /** The job token's permissions; default all three. */
  permissions?: Iterable<GitHubPermission>;
  /** Delay before every answer, to emulate a round trip to api.github.com. */
  latencyMs?: number;
  history?: FakeCommit[];
  pulls?: FakePullRequest[];
  deployments?: FakeDeployment[];
}

const DOCS = {
  pulls: 'https://docs.github.com/rest/commits/commits#list-pull-requests-associated-with-a-commit',
  deployments: 'https://docs.github.com/rest/deployments/deployments#list-deployments',
  statuses: 'https://docs.github.com/rest/deployments/statuses#list-deployment-statuses',
  compare: 'https://docs.github.com/rest/commits/commits#compare-two-commits',
} as const satisfies Record<GitHubEndpoint, string>;

const PERMISSION: Record<GitHubEndpoint, GitHubPermission> = {
  pulls: 'pull_requests',
  deployments: 'deployments',
  statuses: 'deployments',
  compare: 'contents',
};

const ROUTES: Array<{ endpoint: GitHubEndpoint; pattern: RegExp }> = [
  { endpoint: 'pulls', pattern: /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/pulls$/ },
  { endpoint: 'deployments', pattern: /^\/repos\/([^/]+)\/([^/]+)\/deployments$/ },
  { endpoint: 'statuses', pattern: /^\/repos\/([^/]+)\/([^/]+)\/deployments\/([^/]+)\/statuses$/ },
  { endpoint: 'compare', pattern: /^\/repos\/([^/]+)\/([^/]+)\/compare\/(.+)$/ },
];

const RATE_LIMIT = 1000; // a GITHUB_TOKEN's requests per hour and repository
const COMPARE_DEFAULT_COMMITS = 250;

export class FakeGitHub extends LoopbackServer {
  readonly requests: GitHubRequest[] = [];
  readonly faults: GitHubFault[] = [];
  readonly owner: string;
  readonly repo: string;
  defaultBranch: string;
  tokens: Set<string>;
  permissions: Set<GitHubPermission>;
  latencyMs: number;
  /** The default branch, oldest commit first. */
  history: FakeCommit[];
  pulls: FakePullRequest[];
  deployments: FakeDeployment[];

  private readonly initial: { tokens: string[]; permissions: GitHubPermission[]; latencyMs: number };
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(options: FakeGitHubOptions = {}) {
    super();
    this.owner = options.owner ?? DEFAULT_OWNER;
    this.repo = options.repo ?? DEFAULT_REPO;
    this.defaultBranch = options.defaultBranch ?? DEFAULT_BRANCH;
    this.initial = {
      tokens: [...(options.tokens ?? [DEFAULT_GITHUB_TOKEN])],
      permissions: [...(options.permissions ?? ALL_PERMISSIONS)],
      latencyMs: options.latencyMs ?? 0,
    };
    this.tokens = new Set(this.initial.tokens);
    this.permissions = new Set(this.initial.permissions);
    this.latencyMs = this.initial.latencyMs;
    this.history = options.history ?? [];
    this.pulls = options.pulls ?? [];
    this.deployments = options.deployments ?? [];
  }

  /** Its `url` is the API root, as GITHUB_API_URL: routes start at /repos/…. */
  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const fake = new FakeGitHub(options);
    await fake.listen();
    return fake;
  }

  requestsTo(endpoint: GitHubEndpoint | 'unknown'): GitHubRequest[] {
    return this.requests.filter((request) => request.endpoint === endpoint);
  }

  /**
   * For the next test: forgets requests and faults, and puts tokens, permissions and latency back as
   * `start()` set them. Keeps the data (history, pulls, deployments); see clearData().
   */
  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
    this.tokens = new Set(this.initial.tokens);
    this.permissions = new Set(this.initial.permissions);
    this.latencyMs = this.initial.latencyMs;
  }

  /** Empties the repository: no commits, pull requests or deployments. */
  clearData(): void {
    this.history = [];
    this.pulls = [];
    this.deployments = [];
  }

  override async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await super.stop();
  }

  protected override async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    await drain(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = matchRoute(url.pathname);
    const record: GitHubRequest = {
      endpoint: route?.endpoint ?? 'unknown',
      method: request.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      connection: this.connectionOf(request),
      receivedAtMs: Date.now(),
    };
    this.requests.push(record);
    this.notify();

    const fault = this.takeFault(record.endpoint);
    if (fault === 'hang') return this.notify();
    if (this.latencyMs > 0) await this.sleep(this.latencyMs);
    if (response.destroyed) return this.notify();
    if (fault === 'reset') {
      request.socket.destroy();
      return this.notify();
    }

    const answer = (status: number, json: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      response.writeHead(status, { ...this.standardHeaders(), ...headers });
      response.end(typeof json === 'string' ? json : JSON.stringify(json));
    };
    if (fault) {
      const docs = route ? DOCS[route.endpoint] : 'https://docs.github.com/rest';
      answer(fault.status, fault.body ?? error(STATUS_CODES[fault.status] ?? 'Injected fault', fault.status, docs), fault.headers);
    } else {
      this.route(request, route, url, answer);
    }
    this.notify();
  }

  private route(request: IncomingMessage, route: RouteMatch | undefined, url: URL, answer: Answer): void {
    if (!this.authorised(request.headers.authorization)) return answer(401, error('Bad credentials', 401, 'https://docs.github.com/rest'));
    const notFound = error('Not Found', 404, route ? DOCS[route.endpoint] : 'https://docs.github.com/rest');
    if (!route || request.method !== 'GET') return answer(404, notFound);
    const [owner = '', repo = '', argument = ''] = route.params;
    if (owner.toLowerCase() !== this.owner.toLowerCase() || repo.toLowerCase() !== this.repo.toLowerCase()) return answer(404, notFound);
    const permission = PERMISSION[route.endpoint];
    if (!this.permissions.has(permission)) {
      return answer(403, error('Resource not accessible by integration', 403, DOCS[route.endpoint]), { 'x-accepted-github-permissions': `${permission}=read` });
    }
    const query = url.searchParams;
    switch (route.endpoint) {
      case 'pulls':
        return this.listPulls(argument, url, answer);
      case 'deployments':
        return this.listDeployments(url, answer);
      case 'statuses':
        return this.listStatuses(argument, url, answer);
      case 'compare':
        return this.compare(argument, query, url, answer);
    }
  }

  private listPulls(ref: string, url: URL, answer: Answer): void {
    const index = this.commitIndex(ref);
    const sha = index >= 0 ? this.history[index]?.sha : this.pulls.flatMap((pull) => [pull.head.sha, ...pull.commitShas]).find((known) => sameSha(known, ref));
    if (!sha) return answer(422, error(`No commit found for SHA: ${ref}`, 422, DOCS.pulls));
    const onDefaultBranch = index >= 0;
    const pulls = this.pulls
      .filter((pull) => pull.commitShas.includes(sha) || pull.head.sha === sha)
      .filter((pull) => (onDefaultBranch ? pull.merged_at !== null : pull.state === 'open'));
    this.answerPage(pulls.map((pull) => this.pullJson(pull)), url, 30, answer);
  }

  private listDeployments(url: URL, answer: Answer): void {
    const query = url.searchParams;
    const deployments = this.deployments
      .filter((deployment) => !query.has('sha') || deployment.sha === query.get('sha'))
      .filter((deployment) => !query.has('ref') || deployment.ref === query.get('ref'))
      .filter((deployment) => !query.has('task') || (deployment.task ?? 'deploy') === query.get('task'))
      .filter((deployment) => !query.has('environment') || deployment.environment === query.get('environment'))
      .sort(newestFirst);
    this.answerPage(deployments.map((deployment) => this.deploymentJson(deployment)), url, 30, answer);
  }

  private listStatuses(id: string, url: URL, answer: Answer): void {
    const deployment = /^\d+$/.test(id) ? this.deployments.find((candidate) => candidate.id === Number(id)) : undefined;
    if (!deployment) return answer(404, error('Not Found', 404, DOCS.statuses));
    const statuses = [...deployment.statuses].sort(newestFirst).map((status) => this.statusJson(deployment, status));
    this.answerPage(statuses, url, 30, answer);
  }

  private compare(basehead: string, query: URLSearchParams, url: URL, answer: Answer): void {
    const decoded = safeDecode(basehead);
    const separator = decoded.includes('...') ? '...' : '..';
    const cut = decoded.indexOf(separator);
    const baseRef = cut > 0 ? decoded.slice(0, cut) : '';
    const headRef = cut > 0 ? decoded.slice(cut + separator.length) : '';
    const baseIndex = baseRef ? this.commitIndex(baseRef) : -1;
    const headIndex = headRef ? this.commitIndex(headRef) : -1;
    const base = this.history[baseIndex];
    const head = this.history[headIndex];
    if (!base || !head) return answer(404, error('Not Found', 404, DOCS.compare));

    const aheadBy = Math.max(0, headIndex - baseIndex);
    const behindBy = Math.max(0, baseIndex - headIndex);
    const status = aheadBy > 0 ? 'ahead' : behindBy > 0 ? 'behind' : 'identical';
    const range = this.history.slice(baseIndex + 1, headIndex + 1);
    const paginated = query.has('per_page') || query.has('page');
    const { perPage, page } = pageParameters(query, 30);
    const shown = paginated ? range.slice((page - 1) * perPage, page * perPage) : range.slice(0, COMPARE_DEFAULT_COMMITS);
    const html = `${HTML_BASE_URL}/${this.owner}/${this.repo}`;
    answer(
      200,
      {
        url: `${this.repoApiUrl}/compare/${baseRef}...${headRef}`,
        html_url: `${html}/compare/${baseRef}...${headRef}`,
        permalink_url: `${html}/compare/${this.owner}:${base.sha}...${this.owner}:${head.sha}`,
        diff_url: `${html}/compare/${baseRef}...${headRef}.diff`,
        patch_url: `${html}/compare/${baseRef}...${headRef}.patch`,
        base_commit: this.commitJson(baseIndex),
        merge_base_commit: this.commitJson(Math.min(baseIndex, headIndex)),
        status,
        ahead_by: aheadBy,
        behind_by: behindBy,
        total_commits: aheadBy,
        commits: shown.map((commit) => this.commitJson(this.history.indexOf(commit))),
        files: [],
      },
      paginated ? linkHeader(this.url, url, perPage, page, range.length) : {},
    );
  }

  /** Where a sha (full or an unambiguous prefix of 7+), the default branch or HEAD is in `history`; -1 if not. */
  private commitIndex(ref: string): number {
    const wanted = safeDecode(ref).toLowerCase();
    if (wanted === 'head' || wanted === this.defaultBranch.toLowerCase() || wanted === `refs/heads/${this.defaultBranch}`.toLowerCase()) {
      return this.history.length - 1;
    }
    const exact = this.history.findIndex((commit) => commit.sha.toLowerCase() === wanted);
    if (exact >= 0 || !/^[0-9a-f]{7,39}$/.test(wanted)) return exact;
    const matches = this.history.flatMap((commit, index) => (commit.sha.toLowerCase().startsWith(wanted) ? [index] : []));
    return matches.length === 1 ? (matches[0] ?? -1) : -1;
  }

  private answerPage(items: unknown[], url: URL, defaultPerPage: number, answer: Answer): void {
    const { perPage, page } = pageParameters(url.searchParams, defaultPerPage);
    answer(200, items.slice((page - 1) * perPage, page * perPage), linkHeader(this.url, url, perPage, page, items.length));
  }

  private get repoApiUrl(): string {
    return `${this.url}/repos/${this.owner}/${this.repo}`;
  }

  private userJson(login: string): Record<string, unknown> {
    const id = numberFrom(login);
    const bot = login.endsWith('[bot]');
    return {
      login,
      id,
      node_id: `${bot ? 'BOT' : 'U'}_${Buffer.from(String(id)).toString('base64url')}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      url: `${this.url}/users/${encodeURIComponent(login)}`,
      html_url: bot ? `${HTML_BASE_URL}/apps/${login.slice(0, -'[bot]'.length)}` : `${HTML_BASE_URL}/${login}`,
      type: bot ? 'Bot' : 'User',
      site_admin: false,
    };
  }

  private commitJson(index: number): Record<string, unknown> {
    const commit = this.history[index];
    if (!commit) throw new Error(`no commit at ${index}`);
    const parent = this.history[index - 1];
    const person = {
      name: commit.authorName ?? commit.authorLogin ?? 'Unknown',
      email: commit.authorLogin ? `${numberFrom(commit.authorLogin)}+${commit.authorLogin}@users.noreply.github.com` : 'unknown@example.com',
      date: commit.committedAt,
    };
    const user = commit.authorLogin ? this.userJson(commit.authorLogin) : null;
    const tree = createHash('sha1').update(`tree:${commit.sha}`).digest('hex');
    return {
      sha: commit.sha,
      node_id: `C_${Buffer.from(commit.sha.slice(0, 20)).toString('base64url')}`,
      commit: {
        author: person,
        committer: person,
        message: commit.message,
        tree: { sha: tree, url: `${this.repoApiUrl}/git/trees/${tree}` },
        url: `${this.repoApiUrl}/git/commits/${commit.sha}`,
        comment_count: 0,
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
      },
      url: `${this.repoApiUrl}/commits/${commit.sha}`,
      html_url: `${HTML_BASE_URL}/${this.owner}/${this.repo}/commit/${commit.sha}`,
      comments_url: `${this.repoApiUrl}/commits/${commit.sha}/comments`,
      author: user,
      committer: user,
      parents: parent
        ? [{ sha: parent.sha, url: `${this.repoApiUrl}/commits/${parent.sha}`, html_url: `${HTML_BASE_URL}/${this.owner}/${this.repo}/commit/${parent.sha}` }]
        : [],
    };
  }

  private pullJson(pull: FakePullRequest): Record<string, unknown> {
    const api = `${this.repoApiUrl}/pulls/${pull.number}`;
    const html = pull.html_url ?? `${HTML_BASE_URL}/${this.owner}/${this.repo}/pull/${pull.number}`;
    const mergeIndex = pull.merge_commit_sha ? this.history.findIndex((commit) => commit.sha === pull.merge_commit_sha) : -1;
    const baseSha = pull.base.sha ?? this.history[mergeIndex - 1]?.sha ?? pull.head.sha;
    const repository = {
      id: numberFrom(`${this.owner}/${this.repo}`),
      name: this.repo,
      full_name: `${this.owner}/${this.repo}`,
      private: true,
      owner: this.userJson(this.owner),
      html_url: `${HTML_BASE_URL}/${this.owner}/${this.repo}`,
      url: this.repoApiUrl,
      default_branch: this.defaultBranch,
    };
    const created = pull.created_at ?? pull.merged_at ?? this.history.at(-1)?.committedAt ?? '2026-01-01T00:00:00Z';
    const closed = pull.closed_at ?? pull.merged_at;
    return {
      url: api,
      id: numberFrom(`pull:${pull.number}`),
      node_id: `PR_${Buffer.from(String(pull.number)).toString('base64url')}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${this.repoApiUrl}/issues/${pull.number}`,
      commits_url: `${api}/commits`,
      review_comments_url: `${api}/comments`,
      comments_url: `${this.repoApiUrl}/issues/${pull.number}/comments`,
      statuses_url: `${this.repoApiUrl}/statuses/${pull.head.sha}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: this.userJson(pull.user.login),
      body: pull.body ?? null,
      labels: [],
      milestone: null,
      created_at: created,
      updated_at: pull.updated_at ?? closed ?? created,
      closed_at: closed ?? null,
      merged_at: pull.merged_at,
      merge_commit_sha: pull.merge_commit_sha,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: { label: `${this.owner}:${pull.head.ref}`, ref: pull.head.ref, sha: pull.head.sha, user: this.userJson(this.owner), repo: repository },
      base: { label: `${this.owner}:${pull.base.ref}`, ref: pull.base.ref, sha: baseSha, user: this.userJson(this.owner), repo: repository },
      author_association: 'MEMBER',
      auto_merge: null,
      draft: pull.draft ?? false,
    };
  }

  private deploymentJson(deployment: FakeDeployment): Record<string, unknown> {
    const newest = [...deployment.statuses].sort(newestFirst)[0];
    const api = `${this.repoApiUrl}/deployments/${deployment.id}`;
    return {
      url: api,
      id: deployment.id,
      node_id: `DE_${Buffer.from(String(deployment.id)).toString('base64url')}`,
      task: deployment.task ?? 'deploy',
      original_environment: deployment.environment,
      environment: deployment.environment,
      description: deployment.description ?? null,
      created_at: deployment.created_at,
      updated_at: newest?.created_at ?? deployment.created_at,
      statuses_url: `${api}/statuses`,
      repository_url: this.repoApiUrl,
      creator: this.userJson(deployment.creator?.login ?? 'github-actions[bot]'),
      sha: deployment.sha,
      ref: deployment.ref,
      payload: deployment.payload ?? {},
      transient_environment: false,
      production_environment: deployment.environment === 'production',
      performed_via_github_app: null,
    };
  }

  private statusJson(deployment: FakeDeployment, status: FakeDeploymentStatus): Record<string, unknown> {
    const deploymentUrl = `${this.repoApiUrl}/deployments/${deployment.id}`;
    return {
      url: `${deploymentUrl}/statuses/${status.id}`,
      id: status.id,
      node_id: `DES_${Buffer.from(String(status.id)).toString('base64url')}`,
      state: status.state,
      creator: this.userJson(status.creator?.login ?? deployment.creator?.login ?? 'github-actions[bot]'),
      description: status.description ?? '',
      environment: status.environment ?? deployment.environment,
      target_url: status.log_url ?? '',
      created_at: status.created_at,
      updated_at: status.created_at,
      deployment_url: deploymentUrl,
      repository_url: this.repoApiUrl,
      environment_url: status.environment_url ?? '',
      log_url: status.log_url ?? '',
      performed_via_github_app: null,
    };
  }

  private authorised(header: string | undefined): boolean {
    const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? '');
    return match?.[1] !== undefined && this.tokens.has(match[1]);
  }

  private standardHeaders(): Record<string, string> {
    const used = this.requests.length;
    return {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': createHash('sha1').update(`request:${used}`).digest('hex').slice(0, 16).toUpperCase(),
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
    };
  }

  private takeFault(endpoint: GitHubEndpoint | 'unknown'): GitHubFault['respond'] | undefined {
    const fault = this.faults.find((candidate) => candidate.on === 'any' || candidate.on === endpoint);
    if (!fault) return undefined;
    if (fault.times !== undefined && --fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault.respond;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

}

type Answer = (status: number, json: unknown, headers?: Record<string, string>) => void;
interface RouteMatch {
  endpoint: GitHubEndpoint;
  params: string[];
}

function matchRoute(path: string): RouteMatch | undefined {
  for (const { endpoint, pattern } of ROUTES) {
    const match = pattern.exec(path);
    if (match) return { endpoint, params: match.slice(1).map((param) => param ?? '') };
  }
  return undefined;
}

/** GitHub's error body. */
function error(message: string, status: number, documentationUrl: string): { message: string; documentation_url: string; status: string } {
  return { message, documentation_url: documentationUrl, status: String(status) };
}

function pageParameters(query: URLSearchParams, defaultPerPage: number): { perPage: number; page: number } {
  const perPage = Number.parseInt(query.get('per_page') ?? '', 10);
  const page = Number.parseInt(query.get('page') ?? '', 10);
  return {
    perPage: Number.isInteger(perPage) && perPage > 0 ? Math.min(perPage, 100) : defaultPerPage,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** GitHub's Link header: prev, next, last, first, each the request's own URL with another page. */
function linkHeader(base: string, url: URL, perPage: number, page: number, total: number): Record<string, string> {
  const last = Math.max(1, Math.ceil(total / perPage));
  const at = (target: number): string => {
    const link = new URL(url.pathname + url.search, base);
    link.searchParams.set('page', String(target));
    return link.toString();
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${at(Math.min(page - 1, last))}>; rel="prev"`);
  if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
  if (page > 1) links.push(`<${at(1)}>; rel="first"`);
  return links.length > 0 ? { link: links.join(', ') } : {};
}

function newestFirst(a: { created_at: string; id: number }, b: { created_at: string; id: number }): number {
  return Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id;
}

function sameSha(known: string, ref: string): boolean {
  const wanted = ref.toLowerCase();
  return known.toLowerCase() === wanted || (/^[0-9a-f]{7,39}$/.test(wanted) && known.toLowerCase().startsWith(wanted));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A stable positive id from a name, for users, repositories and pull request ids. */
function numberFrom(text: string): number {
  return createHash('sha1').update(text).digest().readUInt32BE(0) % 200_000_000 + 1_000;
}

async function drain(request: IncomingMessage): Promise<void> {
  for await (const _chunk of request) {
    // GET bodies are ignored.
  }
}

/** A made-up but stable 40-hex commit sha for a label, for setting up data. */
export function fakeSha(label: string): string {
  return createHash('sha1').update(label).digest('hex');
}

// ——— The seeded scenario ———

/** What the action should work out from the seeded scenario. */
export interface ScenarioExpectations {
  owner: string;
  repo: string;
  environment: string;
  /** The deployed commit (GITHUB_SHA): the newest on main, the merge commit of the pull request. */
  sha: string;
  pullRequest: { number: number; title: string; url: string; author: string; mergedAt: string };
  /** The run's own deployment: production, of `sha`, latest status in_progress. */
  currentDeploymentId: number;
  /** The newest production deployment of another commit whose latest status is success. */
  previousDeploymentId: number;
  previousSha: string;
  /** The commits previousSha...sha, oldest first. */
  commitShas: string[];
  commitCount: number;
  /** The committer date of the oldest of them. */
  oldestCommitAt: string;
}

export interface Scenario {
  history: FakeCommit[];
  pulls: FakePullRequest[];
  deployments: FakeDeployment[];
  expected: ScenarioExpectations;
}

const SHAS = {
  bumpPg: '2bbe8fe1c2431124e24c5440b93b49bf4d76e9f2',
  idempotency: 'f488295d29f6fb559e4b18bc34efa2e1fff7068c',
  settlementRetry: '92c85fd24971ca12175267c15895acd46cd2a188',
  stripeRequestIds: '67fa876f95ea67ff99ab0cdb79a1c2604f3e770e',
  currencyRounding: '0ee96df458bac9c21ec97ae9ead92c18893492db',
  retryCap: 'b1ac627d150b0d86ade316eb5d3db808e7c83056',
} as const;

/**
 * A push to main of acme/payments-api: six commits over two days, each the squash merge of a pull
 * request; the newest (PR #143) is being deployed to production. The deployments, newest first:
 * this run's own (in_progress), a failed one to production, one to staging, the last successful one
 * to production (three commits back), and an older production one since marked inactive.
 * `now` shifts every time so that the run's own deployment went in_progress at `now`.
 */
export function mergedPullRequestScenario(options: { now?: Date | number } = {}): Scenario {
  const anchor = Date.parse('2026-01-15T17:55:09Z');
  const offset = options.now === undefined ? 0 : Number(options.now) - anchor;
  const at = (iso: string): string => new Date(Date.parse(iso) + offset).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const owner = DEFAULT_OWNER;
  const repo = DEFAULT_REPO;

  const merges: Array<[sha: string, number: number, title: string, login: string, name: string, opened: string, merged: string, branch: string, head: string]> = [
    [SHAS.bumpPg, 138, 'Bump pg from 8.11.3 to 8.11.5', 'dependabot[bot]', 'dependabot[bot]', '2026-01-13T06:02:51Z', '2026-01-14T09:12:44Z', 'dependabot/npm_and_yarn/pg-8.11.5', 'dfa93b0d50fb9f3e82bf0696527b2eb814698e82'],
    [SHAS.idempotency, 139, 'Add idempotency keys to the refund endpoint', 'priya-raman', 'Priya Raman', '2026-01-13T15:20:08Z', '2026-01-14T11:40:02Z', 'feat/refund-idempotency', '3a56bfadca42338c3486ca7cec8a8ed616a17cde'],
    [SHAS.settlementRetry, 140, 'Retry settlement webhooks with jittered backoff', 'marco-bianchi', 'Marco Bianchi', '2026-01-14T10:31:45Z', '2026-01-14T16:05:31Z', 'fix/settlement-webhook-retries', '9f2d1566df6006deeba16a3c4278f7ff88e08c43'],
    [SHAS.stripeRequestIds, 141, 'Log Stripe request ids on payment failures', 'dana-okafor', 'Dana Okafor', '2026-01-14T17:48:12Z', '2026-01-15T09:03:17Z', 'obs/stripe-request-ids', 'db3f3cb4f8ffb328c0dc940c5320c265b6000b75'],
    [SHAS.currencyRounding, 142, 'Move currency rounding into the ledger service', 'priya-raman', 'Priya Raman', '2026-01-14T13:02:39Z', '2026-01-15T13:26:48Z', 'refactor/ledger-rounding', 'f5d1d4eee7f15319d45e44b03fe9fbe6e220f69f'],
    [SHAS.retryCap, 143, 'Cap card-authorisation retries at three attempts', 'dana-okafor', 'Dana Okafor', '2026-01-15T10:14:37Z', '2026-01-15T17:52:10Z', 'fix/card-auth-retry-cap', 'a99b3875bce7be9d6c2347928ba3544f5e574f04'],
  ];

  const history: FakeCommit[] = merges.map(([sha, number, title, login, name, , merged]) => ({
    sha,
    message: `${title} (#${number})${number === 143 ? '\n\nA declined authorisation was retried until the gateway timed out; stop after three.' : ''}`,
    committedAt: at(merged),
    authorName: name,
    authorLogin: login,
  }));
  const pulls: FakePullRequest[] = merges.map(([sha, number, title, login, , opened, merged, branch, head]) => ({
    number,
    title,
    state: 'closed',
    merged_at: at(merged),
    merge_commit_sha: sha,
    head: { ref: branch, sha: head },
    base: { ref: DEFAULT_BRANCH },
    user: { login },
    html_url: `${HTML_BASE_URL}/${owner}/${repo}/pull/${number}`,
    body: null,
    created_at: at(opened),
    commitShas: [head, sha],
  }));

  const run = (runId: number, jobId: number): string => `${HTML_BASE_URL}/${owner}/${repo}/actions/runs/${runId}/job/${jobId}`;
  const deployment = (
    id: number,
    sha: string,
    environment: string,
    created: string,
    statuses: Array<[id: number, state: DeploymentState, created: string]>,
    log: string,
  ): FakeDeployment => ({
    id,
    sha,
    ref: DEFAULT_BRANCH,
    environment,
    task: 'deploy',
    created_at: at(created),
    creator: { login: 'github-actions[bot]' },
    description: null,
    payload: {},
    statuses: statuses.map(([statusId, state, statusCreated]) => ({ id: statusId, state, created_at: at(statusCreated), environment, log_url: log })),
  });
  // Oldest first here; served newest first.
  const deployments: FakeDeployment[] = [
    deployment(2049811730, SHAS.bumpPg, 'production', '2026-01-14T09:20:14Z', [
      [21807710411, 'in_progress', '2026-01-14T09:20:19Z'],
      [21807755128, 'success', '2026-01-14T09:26:52Z'],
      [21810932907, 'inactive', '2026-01-14T16:17:03Z'],
    ], run(12830911644, 35776012201)),
    deployment(2050245519, SHAS.settlementRetry, 'production', '2026-01-14T16:11:22Z', [
      [21810880340, 'in_progress', '2026-01-14T16:11:28Z'],
      [21810932906, 'success', '2026-01-14T16:17:03Z'],
    ], run(12836547120, 35791630457)),
    deployment(2051034086, SHAS.currencyRounding, 'staging', '2026-01-15T13:31:05Z', [
      [21836071150, 'in_progress', '2026-01-15T13:31:11Z'],
      [21836125519, 'success', '2026-01-15T13:36:40Z'],
    ], run(12851120931, 35830277714)),
    deployment(2051098642, SHAS.currencyRounding, 'production', '2026-01-15T14:02:40Z', [
      [21836442211, 'in_progress', '2026-01-15T14:02:46Z'],
      [21836509876, 'failure', '2026-01-15T14:09:12Z'],
    ], run(12851534406, 35831409983)),
    deployment(2051377412, SHAS.retryCap, 'production', '2026-01-15T17:55:03Z', [
      [21839771060, 'queued', '2026-01-15T17:55:03Z'],
      [21839772311, 'in_progress', '2026-01-15T17:55:09Z'],
    ], run(12854200317, 35838552980)),
  ];

  const shipped = history.slice(3);
  return {
    history,
    pulls,
    deployments,
    expected: {
      owner,
      repo,
      environment: 'production',
      sha: SHAS.retryCap,
      pullRequest: {
        number: 143,
        title: 'Cap card-authorisation retries at three attempts',
        url: `${HTML_BASE_URL}/${owner}/${repo}/pull/143`,
        author: 'dana-okafor',
        mergedAt: at('2026-01-15T17:52:10Z'),
      },
      currentDeploymentId: 2051377412,
      previousDeploymentId: 2050245519,
      previousSha: SHAS.settlementRetry,
      commitShas: shipped.map((commit) => commit.sha),
      commitCount: shipped.length,
      oldestCommitAt: shipped[0]?.committedAt ?? '',
    },
  };
}

/** The default scenario's expected values: previousSha 92c85fd…, commitCount 3, oldestCommitAt 2026-01-15T09:03:17Z. */
export const MERGED_PULL_REQUEST: ScenarioExpectations = mergedPullRequestScenario().expected;

/** Loads the scenario into the fake (replacing its data; a copy, so tests may change it) and returns what to expect. */
export function pushOfMergedPullRequest(fake: FakeGitHub, options: { now?: Date | number } = {}): ScenarioExpectations {
  if (fake.owner !== DEFAULT_OWNER || fake.repo !== DEFAULT_REPO) throw new Error(`the scenario is of ${DEFAULT_OWNER}/${DEFAULT_REPO}, not ${fake.owner}/${fake.repo}`);
  const scenario = structuredClone(mergedPullRequestScenario(options));
  fake.history = scenario.history;
  fake.pulls = scenario.pulls;
  fake.deployments = scenario.deployments;
  fake.defaultBranch = DEFAULT_BRANCH;
  return scenario.expected;
}
