// GitHub's API on 127.0.0.1, for the calls the lookups of what shipped make, answered from data a
// test sets up:
// - POST /graphql (and /api/graphql, as on GitHub Enterprise Server, whose REST API is under
//   /api/v3): any query, executed by
//   graphql-js against GitHub's published schema (@octokit/graphql-schema), so a query GitHub
//   would refuse is refused here, and every answer has the schema's shape. A field the job token
//   may not read is null with a FORBIDDEN error, as GitHub answers.
// - GET /repos/{owner}/{repo}/compare/{base}...{head}: the range over `history` and the pull
//   requests' branches (404 when GitHub would not know a commit), in the shape of GitHub's REST description (@octokit/openapi;
//   __tests__/fake-github.test.ts checks it).
// Every request needs `Authorization: token <t>` or `bearer <t>` (else 401 "Bad credentials"), and
// faults can be injected per endpoint. Another path or repository → 404.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildClientSchema, execute, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { LoopbackServer } from './loopback-server.js';

export const DEFAULT_GITHUB_TOKEN = 'ghs_fakejobtoken0123456789abcdef';
export const DEFAULT_OWNER = 'acme';
export const DEFAULT_REPO = 'payments-api';
/** Where html_url and friends point (GITHUB_SERVER_URL); nothing is served there. */
export const HTML_BASE_URL = 'https://github.com';

export type GitHubEndpoint = 'graphql' | 'compare';
export type GitHubPermission = 'contents' | 'pull_requests' | 'deployments';
export const ALL_PERMISSIONS: readonly GitHubPermission[] = ['contents', 'pull_requests', 'deployments'];
/** A deployment status's state, as the REST API spells it (GraphQL upper-cases it). */
export type DeploymentState = 'success' | 'failure' | 'error' | 'in_progress' | 'queued' | 'pending' | 'inactive';

/** A commit of the default branch. */
export interface FakeCommit {
  sha: string;
  message: string;
  /** ISO 8601: the committer's (and author's) date. */
  committedAt: string;
}

export interface FakePullRequest {
  number: number;
  title: string;
  merged: boolean;
  /** For a merged PR, the commit it became on the default branch. */
  mergeCommitSha?: string;
  /** The commits GitHub associates the PR with: its head commits and, once merged, its merge commit. */
  commitShas: string[];
  /** The head branch; its head commit is the last of commitShas other than the merge commit. */
  headRef?: string;
  /** For a branch this fake can compare: its commits (in commitShas too), branched off the default branch's tip. */
  commits?: FakeCommit[];
}

export interface FakeDeployment {
  id: number;
  sha: string;
  environment: string;
  createdAt: string;
  /** In any order: the latest is the one created last. */
  statuses: Array<{ state: DeploymentState; createdAt: string; logUrl?: string }>;
}

/** One scripted misbehaviour, for the next `times` matching requests (all of them without `times`). */
export interface GitHubFault {
  on: GitHubEndpoint | 'any';
  times?: number;
  /** A status (with headers and a body, default a GitHub-style error), or: never answer, or reset the connection. */
  respond: { status: number; headers?: Record<string, string>; body?: string } | 'hang' | 'reset';
}

export interface GitHubRequest {
  endpoint: GitHubEndpoint | 'unknown';
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The status the server answered, or undefined if it did not answer (yet). */
  status?: number;
  receivedAtMs: number;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

let schema: GraphQLSchema | undefined;

/** GitHub's GraphQL schema, as GitHub publishes it (built once: it takes a third of a second). */
export function gitHubSchema(): GraphQLSchema {
  // Read as JSON beside the package's entry: its TypeScript types are 31,000 lines the type check would read.
  schema ??= buildClientSchema(JSON.parse(readFileSync(new URL('schema.json', import.meta.resolve('@octokit/graphql-schema')), 'utf8')) as IntrospectionQuery);
  return schema;
}

export class FakeGitHub extends LoopbackServer {
  readonly requests: GitHubRequest[] = [];
  readonly faults: GitHubFault[] = [];
  readonly owner = DEFAULT_OWNER;
  readonly repo = DEFAULT_REPO;
  tokens = new Set([DEFAULT_GITHUB_TOKEN]);
  permissions = new Set<GitHubPermission>(ALL_PERMISSIONS);
  latencyMs = 0;
  /** The default branch, oldest commit first. */
  history: FakeCommit[] = [];
  pulls: FakePullRequest[] = [];
  deployments: FakeDeployment[] = [];

  static async start(): Promise<FakeGitHub> {
    const fake = new FakeGitHub();
    gitHubSchema();
    await fake.listen();
    return fake;
  }

  requestsTo(endpoint: GitHubEndpoint | 'unknown'): GitHubRequest[] {
    return this.requests.filter((request) => request.endpoint === endpoint);
  }

  /** For the next test: no requests, faults or latency, every permission, the default token. Keeps the data. */
  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
    this.latencyMs = 0;
    this.tokens = new Set([DEFAULT_GITHUB_TOKEN]);
    this.permissions = new Set(ALL_PERMISSIONS);
  }

  protected override async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const endpoint: GitHubRequest['endpoint'] = /^(\/api)?\/graphql$/.test(url.pathname) ? 'graphql' : url.pathname.includes('/compare/') ? 'compare' : 'unknown';
    const record: GitHubRequest = { endpoint, method: request.method ?? '', path: url.pathname, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAtMs: Date.now() };
    this.requests.push(record);
    this.notify();

    const fault = this.takeFault(endpoint);
    if (fault === 'hang') return;
    // The answer arrives latencyMs after the request, however long the fake took to make it.
    const startedMs = performance.now();
    const reply = fault === 'reset' ? fault : fault ? { status: fault.status, body: fault.body ?? basicError(`Injected ${fault.status}`), headers: fault.headers } : await this.reply(request, url, record.body);
    const waitMs = this.latencyMs - (performance.now() - startedMs);
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    if (reply === 'reset' || response.destroyed) {
      request.socket.destroy();
      return this.notify();
    }
    record.status = reply.status;
    response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'x-github-api-version-selected': '2022-11-28', ...reply.headers });
    response.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    this.notify();
  }

  private async reply(request: IncomingMessage, url: URL, body: string): Promise<Reply> {
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !this.tokens.has(token)) return { status: 401, body: basicError('Bad credentials') };
    if (/^(\/api)?\/graphql$/.test(url.pathname) && request.method === 'POST') return { status: 200, body: await this.graphql(body) };
    const compare = /^(?:\/api\/v3)?\/repos\/([^/]+)\/([^/]+)\/compare\/([0-9a-f]{7,40})\.\.\.([0-9a-f]{7,40})$/.exec(url.pathname);
    if (compare && request.method === 'GET' && this.isOurs(compare[1], compare[2])) {
      if (!this.permissions.has('contents')) return { status: 403, body: basicError('Resource not accessible by integration') };
      const range = this.compare(compare[3] as string, compare[4] as string, Number(url.searchParams.get('per_page') ?? 250));
      return range ? { status: 200, body: range } : { status: 404, body: basicError('Not Found') };
    }
    return { status: 404, body: basicError('Not Found') };
  }

  private async graphql(body: string): Promise<unknown> {
    let parsed: { query?: unknown; variables?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return { errors: [{ message: 'Problems parsing JSON' }] };
    }
    const document = validQuery(String(parsed.query ?? ''));
    if (!('kind' in document)) return { errors: document.errors.map((error) => error.toJSON()) };
    const result = await execute({
      schema: gitHubSchema(),
      document,
      variableValues: (parsed.variables ?? {}) as Record<string, unknown>,
      rootValue: { repository: (args: { owner: string; name: string }) => this.repositoryNode(args) },
    });
    // GitHub puts each error's type beside its message.
    return { ...result, errors: result.errors?.map((error) => ({ ...error.toJSON(), type: error.extensions.type })) };
  }

  private repositoryNode({ owner, name }: { owner: string; name: string }): unknown {
    if (!this.isOurs(owner, name)) throw typedError(`Could not resolve to a Repository with the name '${owner}/${name}'.`, 'NOT_FOUND');
    return {
      object: ({ oid }: { oid: string }) => {
        if (!this.permissions.has('contents')) throw typedError('Resource not accessible by integration', 'FORBIDDEN');
        // A pull request's head commit without commits of its own says the pull request's title.
        const message = this.lineOf(oid)?.at(-1)?.message ?? this.pulls.find((pull) => pull.commitShas.includes(oid))?.title;
        return message === undefined ? null : { __typename: 'Commit', oid, messageHeadline: message.split('\n')[0], associatedPullRequests: () => this.associatedPullRequests(oid) };
      },
      deployments: ({ environments, first, orderBy }: { environments?: string[]; first?: number; orderBy: { direction: 'ASC' | 'DESC' } }) => {
        if (!this.permissions.has('deployments')) throw typedError('Resource not accessible by integration', 'FORBIDDEN');
        const listed = this.deployments
          .filter((deployment) => !environments || environments.includes(deployment.environment))
          .sort((a, b) => (Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id) * (orderBy.direction === 'DESC' ? -1 : 1));
        const page = listed.slice(0, first ?? listed.length);
        return { totalCount: listed.length, pageInfo: { hasNextPage: page.length < listed.length, hasPreviousPage: false }, nodes: page.map((deployment) => deploymentNode(deployment)) };
      },
    };
  }

  /** As GitHub: for a commit of the default branch the merged pull requests, else the open ones. */
  private associatedPullRequests(oid: string): unknown {
    if (!this.permissions.has('pull_requests')) throw typedError('Resource not accessible by integration', 'FORBIDDEN');
    const onDefaultBranch = this.history.some((commit) => commit.sha === oid);
    const nodes = this.pulls
      .filter((pull) => pull.commitShas.includes(oid) && pull.merged === onDefaultBranch)
      .map((pull) => ({
        number: pull.number,
        title: pull.title,
        merged: pull.merged,
        mergeCommit: pull.mergeCommitSha ? { oid: pull.mergeCommitSha } : null,
        headRefName: pull.headRef ?? `pr-${pull.number}`,
        headRefOid: pull.commitShas.filter((commitSha) => commitSha !== pull.mergeCommitSha).at(-1) ?? pull.commitShas[0],
      }));
    return { totalCount: nodes.length, nodes };
  }

  /** The commits from the first one to `ref` (a sha or its prefix): of the default branch, or through a pull request's branch. */
  private lineOf(ref: string): FakeCommit[] | undefined {
    const onDefault = this.history.findIndex((commit) => commit.sha.startsWith(ref));
    if (onDefault >= 0) return this.history.slice(0, onDefault + 1);
    for (const pull of this.pulls) {
      const onBranch = pull.commits?.findIndex((commit) => commit.sha.startsWith(ref)) ?? -1;
      if (onBranch >= 0) return [...this.history, ...(pull.commits ?? []).slice(0, onBranch + 1)];
    }
    return undefined;
  }

  /** GitHub's commit-comparison of base...head; undefined when a commit is not known. */
  compare(base: string, head: string, perPage = 250): Record<string, unknown> | undefined {
    const [baseLine, headLine] = [this.lineOf(base), this.lineOf(head)];
    if (!baseLine || !headLine) return undefined;
    let common = 0;
    while (common < Math.min(baseLine.length, headLine.length) && baseLine[common] === headLine[common]) common++;
    const aheadBy = headLine.length - common;
    const behindBy = baseLine.length - common;
    const repo = `${HTML_BASE_URL}/${this.owner}/${this.repo}`;
    const api = `${this.url}/repos/${this.owner}/${this.repo}`;
    const json = (line: FakeCommit[], index: number) => this.commitJson(line[index] as FakeCommit, line[index - 1]);
    return {
      url: `${api}/compare/${base}...${head}`,
      html_url: `${repo}/compare/${base}...${head}`,
      permalink_url: `${repo}/compare/${this.owner}:${base}...${this.owner}:${head}`,
      diff_url: `${repo}/compare/${base}...${head}.diff`,
      patch_url: `${repo}/compare/${base}...${head}.patch`,
      base_commit: json(baseLine, baseLine.length - 1),
      merge_base_commit: json(headLine, common - 1),
      status: aheadBy > 0 && behindBy > 0 ? 'diverged' : aheadBy > 0 ? 'ahead' : behindBy > 0 ? 'behind' : 'identical',
      ahead_by: aheadBy,
      behind_by: behindBy,
      total_commits: aheadBy,
      commits: headLine.slice(common, common + Math.min(perPage, 250)).map((_, offset) => json(headLine, common + offset)),
      files: [],
    };
  }

  private commitJson(commit: FakeCommit, parent: FakeCommit | undefined): Record<string, unknown> {
    const api = `${this.url}/repos/${this.owner}/${this.repo}`;
    const html = `${HTML_BASE_URL}/${this.owner}/${this.repo}/commit`;
    const person = { name: 'Dana Okafor', email: 'dana@example.com', date: commit.committedAt };
    const tree = createHash('sha1').update(`tree:${commit.sha}`).digest('hex');
    return {
      url: `${api}/commits/${commit.sha}`,
      sha: commit.sha,
      node_id: `C_${commit.sha.slice(0, 20)}`,
      html_url: `${html}/${commit.sha}`,
      comments_url: `${api}/commits/${commit.sha}/comments`,
      commit: { url: `${api}/git/commits/${commit.sha}`, author: person, committer: person, message: commit.message, comment_count: 0, tree: { sha: tree, url: `${api}/git/trees/${tree}` } },
      author: null,
      committer: null,
      parents: parent ? [{ sha: parent.sha, url: `${api}/commits/${parent.sha}`, html_url: `${html}/${parent.sha}` }] : [],
    };
  }

  private isOurs(owner: string | undefined, repo: string | undefined): boolean {
    return owner?.toLowerCase() === this.owner && repo?.toLowerCase() === this.repo;
  }

  private takeFault(endpoint: GitHubRequest['endpoint']): GitHubFault['respond'] | undefined {
    const fault = this.faults.find((candidate) => candidate.on === 'any' || candidate.on === endpoint);
    if (fault?.times !== undefined && --fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault?.respond;
  }
}

const validated = new Map<string, DocumentNode | { errors: readonly GraphQLError[] }>();

/**
 * A query parsed and validated against the schema, once per text: validating against GitHub's
 * whole schema takes about 10 ms, which would make this fake slower than the latency it emulates.
 */
function validQuery(source: string): DocumentNode | { errors: readonly GraphQLError[] } {
  let document = validated.get(source);
  if (!document) {
    try {
      const parsedQuery = parse(source);
      const errors = validate(gitHubSchema(), parsedQuery);
      document = errors.length > 0 ? { errors } : parsedQuery;
    } catch (error) {
      document = { errors: [error as GraphQLError] };
    }
    validated.set(source, document);
  }
  return document;
}

function deploymentNode(deployment: FakeDeployment): Record<string, unknown> {
  const latest = [...deployment.statuses].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
  return {
    databaseId: deployment.id,
    commitOid: deployment.sha,
    createdAt: deployment.createdAt,
    environment: deployment.environment,
    latestStatus: latest ? { state: latest.state.toUpperCase(), logUrl: latest.logUrl ?? null, createdAt: latest.createdAt } : null,
  };
}

/** GitHub's REST error body (basic-error in its REST description). */
function basicError(message: string): { message: string; documentation_url: string; status: string } {
  return { message, documentation_url: 'https://docs.github.com/rest', status: '' };
}

function typedError(message: string, type: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } });
}

// ——— The seeded scenario ———

/** What the action should work out from the seeded scenario. */
export interface ScenarioExpectations {
  /** The deployed commit (GITHUB_SHA): the newest on main, the squash merge of the pull request. */
  sha: string;
  pullRequest: { number: number; title: string; url: string };
  /** The push's before, which the last successful production deployment deployed. */
  previousSha: string;
  commitShas: string[];
  commitCount: number;
  /** The committer date of the oldest shipped commit. */
  oldestCommitAt: string;
  /** This run's own deployment: in progress, its log the run's job. */
  runId: string;
}

export interface Scenario {
  history: FakeCommit[];
  pulls: FakePullRequest[];
  deployments: FakeDeployment[];
  expected: ScenarioExpectations;
}

/**
 * A push to main of acme/payments-api, as a job with `environment: production` sees it: five
 * commits over two days, each the squash merge of a pull request; the push brings the newest two
 * (PRs #142 and #143). Production's deployments, newest first: this run's own (in progress), a
 * failed first attempt of the same commit, and the last success at the push's `before`; older ones
 * since made inactive, and one to staging. `now` shifts every date so that this run's deployment
 * started at `now`.
 */
export function mergedPullRequestScenario(options: { now?: Date | number } = {}): Scenario {
  const anchor = Date.parse('2026-01-15T17:55:09Z');
  const offset = options.now === undefined ? 0 : Number(options.now) - anchor;
  const at = (iso: string): string => new Date(Date.parse(iso) + offset).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const runId = '9876543210';
  const job = (run: string, jobId: number): string => `${HTML_BASE_URL}/${DEFAULT_OWNER}/${DEFAULT_REPO}/actions/runs/${run}/job/${jobId}`;

  const merges: Array<[sha: string, number: number, title: string, merged: string, head: string]> = [
    ['f488295d29f6fb559e4b18bc34efa2e1fff7068c', 139, 'Add idempotency keys to the refund endpoint', '2026-01-14T11:40:02Z', '3a56bfadca42338c3486ca7cec8a8ed616a17cde'],
    ['92c85fd24971ca12175267c15895acd46cd2a188', 140, 'Retry settlement webhooks with jittered backoff', '2026-01-14T16:05:31Z', '9f2d1566df6006deeba16a3c4278f7ff88e08c43'],
    ['67fa876f95ea67ff99ab0cdb79a1c2604f3e770e', 141, 'Log Stripe request ids on payment failures', '2026-01-15T09:03:17Z', 'db3f3cb4f8ffb328c0dc940c5320c265b6000b75'],
    ['0ee96df458bac9c21ec97ae9ead92c18893492db', 142, 'Move currency rounding into the ledger service', '2026-01-15T13:26:48Z', 'f5d1d4eee7f15319d45e44b03fe9fbe6e220f69f'],
    ['b1ac627d150b0d86ade316eb5d3db808e7c83056', 143, 'Cap card-authorisation retries at three attempts', '2026-01-15T17:52:10Z', 'a99b3875bce7be9d6c2347928ba3544f5e574f04'],
  ];
  const history = merges.map(([sha, number, title, merged]) => ({ sha, message: `${title} (#${number})`, committedAt: at(merged) }));
  const pulls = merges.map(([sha, number, title, , head]) => ({ number, title, merged: true, mergeCommitSha: sha, commitShas: [head, sha] }));
  const [, older, before, , sha] = merges.map(([commit]) => commit) as [string, string, string, string, string];
  const deployment = (id: number, commit: string, environment: string, created: string, states: Array<[DeploymentState, string]>, log: string): FakeDeployment => ({
    id,
    sha: commit,
    environment,
    createdAt: at(created),
    statuses: states.map(([state, statusAt]) => ({ state, createdAt: at(statusAt), logUrl: log })),
  });
  const deployments = [
    deployment(2050245519, older, 'production', '2026-01-14T16:11:22Z', [['in_progress', '2026-01-14T16:11:28Z'], ['success', '2026-01-14T16:17:03Z'], ['inactive', '2026-01-15T09:16:40Z']], job('12836547120', 35791630457)),
    deployment(2051034086, before, 'staging', '2026-01-15T09:05:40Z', [['in_progress', '2026-01-15T09:05:44Z'], ['success', '2026-01-15T09:09:51Z']], job('12849911920', 35826700311)),
    deployment(2051049107, before, 'production', '2026-01-15T09:10:58Z', [['in_progress', '2026-01-15T09:11:03Z'], ['success', '2026-01-15T09:16:40Z']], job('12849911920', 35826731808)),
    deployment(2051370044, sha, 'production', '2026-01-15T17:53:30Z', [['in_progress', '2026-01-15T17:53:36Z'], ['failure', '2026-01-15T17:54:41Z']], job(runId, 35838491022)),
    deployment(2051377412, sha, 'production', '2026-01-15T17:55:03Z', [['queued', '2026-01-15T17:55:03Z'], ['in_progress', '2026-01-15T17:55:09Z']], job(runId, 35838552980)),
  ];
  const shipped = history.slice(3);
  return {
    history,
    pulls,
    deployments,
    expected: {
      sha,
      pullRequest: { number: 143, title: 'Cap card-authorisation retries at three attempts', url: `${HTML_BASE_URL}/${DEFAULT_OWNER}/${DEFAULT_REPO}/pull/143` },
      previousSha: before,
      commitShas: shipped.map((commit) => commit.sha),
      commitCount: shipped.length,
      oldestCommitAt: shipped[0]?.committedAt ?? '',
      runId,
    },
  };
}

/** The default scenario's expected values. */
export const MERGED_PULL_REQUEST: ScenarioExpectations = mergedPullRequestScenario().expected;

/** Loads the scenario into the fake (a copy, so tests may change it) and returns what to expect. */
export function pushOfMergedPullRequest(fake: FakeGitHub, options: { now?: Date | number } = {}): ScenarioExpectations {
  const scenario = structuredClone(mergedPullRequestScenario(options));
  fake.history = scenario.history;
  fake.pulls = scenario.pulls;
  fake.deployments = scenario.deployments;
  return scenario.expected;
}

/** The push of the scenario, as its webhook payload says it. */
export function scenarioPushPayload(options: { now?: Date | number } = {}): Record<string, unknown> {
  const { history, expected } = mergedPullRequestScenario(options);
  const pushed = history.slice(3);
  return {
    ref: 'refs/heads/main',
    before: expected.previousSha,
    after: expected.sha,
    head_commit: { id: expected.sha, message: `${expected.pullRequest.title} (#${expected.pullRequest.number})\n\nA declined authorisation was retried until the gateway timed out; stop after three.` },
    commits: pushed.map((commit) => ({ id: commit.sha, message: commit.message, timestamp: commit.committedAt })),
    repository: { name: DEFAULT_REPO, full_name: `${DEFAULT_OWNER}/${DEFAULT_REPO}`, owner: { login: DEFAULT_OWNER } },
  };
}

/** A made-up but stable 40-hex commit sha for a label, for setting up data. */
export function fakeSha(label: string): string {
  return createHash('sha1').update(label).digest('hex');
}
