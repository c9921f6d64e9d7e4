// The lookups of what shipped, through @actions/github (loaded only on this path): one GraphQL
// request for the pull requests of the deployed commit and the environment's recent deployments
// with their latest status, and the compare of the range to the previous deployment — on a push
// sent at once for the push's `before`, which is nearly always that deployment's commit. At most
// three requests whatever the history (a push whose previous deployment is not its `before`). All
// share one time budget: past it, the marker goes out with everything already answered.

import { firstLine } from '../text/lines.js';
import type { Answer, CommitRange, LookupFailure, WhatShippedAnswer } from '../marker/github-facts.js';
import { describeLookupError, readCompare, readWhatShipped, WHAT_SHIPPED_QUERY } from './answers.js';
import { gitHubApiUrl, type GithubContext, type NamedRevision } from '../marker/github-context.js';
import { gitHubFetch } from './fetch.js';
import { loadGitHub } from './octokit.js';
import { decideShipped, previousDeployment, shippedPlan, type Missing, type ShippedChanges, type ShippedFacts, type ShippedPlan } from '../marker/shipped.js';

export interface LookupOptions {
  /** github_token; empty: no lookups, what shipped comes from the payload alone. */
  token: string;
  /** The GitHub environment whose deployments bound the range. */
  environment: string;
  deployStartedMs: number;
  budgetMs: number;
  /** Where octokit's own messages go (a deprecation notice, say): never to the console. */
  debug(text: string): void;
  /** The commit (and repository) the workflow says it deploys, when not the event's. */
  named?: NamedRevision;
}

interface GitHubApi {
  whatShipped(sha: string, environment: string, pullRequests: boolean): Promise<WhatShippedAnswer>;
  compare(base: string, head: string): Promise<Answer<CommitRange>>;
}

/**
 * Looks up what shipped. Never throws: what cannot be found out (no permission, nothing to find,
 * GitHub down, slow or answering nonsense) is left out and listed in `missing`.
 */
export async function lookUpShipped(context: GithubContext, options: LookupOptions): Promise<ShippedChanges> {
  const plan = shippedPlan(context, options.named);
  const facts: { lookup?: ShippedFacts['lookup']; ranges: Map<string, Answer<CommitRange> | 'pending'> } = { ranges: new Map() };
  const notAsked: Missing[] = [];
  const { sha, owner, repo } = plan;
  const api = gitHubApiUrl(context.env);
  if (sha && owner && repo && options.token) {
    if ('problem' in api) {
      notAsked.push({ what: "what GitHub's API would have told", failure: { kind: 'not-asked', why: api.problem } });
    } else {
      const abort = new AbortController();
      try {
        // Loading @actions/github holds the event loop ≈ 20 ms: two turns of it first let the token
        // exchange, started just before, connect and leave, so that the two overlap.
        for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
        const client = await gitHubApi(api.url, options, owner, repo, abort.signal).catch((error: unknown) => {
          notAsked.push({ what: "what GitHub's API would have told", failure: { kind: 'not-asked', why: `@actions/github did not load: ${firstLine(error instanceof Error ? error.message : String(error), 200)}` } });
          return undefined;
        });
        if (client) await gather(client, sha, plan, options, facts);
      } finally {
        // Ends whatever is still under way and closes the connections: none outlives the lookups.
        abort.abort();
      }
    }
  }
  const changes = decideShipped(context, plan, facts, options);
  return { ...changes, missing: [...notAsked, ...changes.missing] };
}

/** Asks, and waits for the answers until the budget runs out; `facts` holds whatever came back. */
async function gather(
  api: GitHubApi,
  sha: string,
  plan: ShippedPlan,
  options: LookupOptions,
  facts: { lookup?: ShippedFacts['lookup']; ranges: Map<string, Answer<CommitRange> | 'pending'> },
): Promise<void> {
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    const tracked: Promise<void> = work.then(() => void pending.delete(tracked));
    pending.add(tracked);
  };
  const askRange = (base: string): void => {
    // A commit compared with itself says nothing: a redeploy of the previous one ships nothing new.
    if (base === sha || facts.ranges.has(base)) return;
    facts.ranges.set(base, 'pending');
    track(api.compare(base, sha).then((answer) => void facts.ranges.set(base, answer)));
  };
  if (plan.pushBefore) askRange(plan.pushBefore);
  facts.lookup = 'pending';
  track(
    api.whatShipped(sha, options.environment, plan.eventPullRequest === undefined).then((answer) => {
      facts.lookup = answer;
      const previous = answer.deployments.ok ? previousDeployment(answer.deployments.value, plan.runId).sha : undefined;
      if (previous) askRange(previous);
    }),
  );

  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<'out of time'>((resolve) => (timer = setTimeout(() => resolve('out of time'), options.budgetMs)));
  try {
    while (pending.size > 0 && (await Promise.race([...pending, outOfTime])) !== 'out of time');
  } finally {
    clearTimeout(timer);
  }
}

async function gitHubApi(apiUrl: string, options: LookupOptions, owner: string, repo: string, signal: AbortSignal): Promise<GitHubApi> {
  const { getOctokit } = await loadGitHub();
  // octokit takes any fetch; it reads no more of one than gitHubFetch gives.
  const fetch = gitHubFetch({ signal, socketTimeoutMs: options.budgetMs }).fetch as unknown as typeof globalThis.fetch;
  // Octokit prints with console unless given a logger.
  const debug = (text: string): void => options.debug(`octokit: ${text}`);
  const logger = { debug, info: debug, warn: debug, error: debug };
  const octokit = getOctokit(options.token, { baseUrl: apiUrl, log: logger, request: { fetch, signal, retries: 0, log: logger } });
  return {
    async whatShipped(sha, environment, pullRequests) {
      try {
        const data: unknown = await octokit.graphql(WHAT_SHIPPED_QUERY, { owner, name: repo, sha, environment, pullRequests });
        return readWhatShipped(data, undefined, pullRequests, `${owner}/${repo}`);
      } catch (error) {
        // A GraphQL answer with errors still carries the data of the fields that did not fail.
        const { name, data, errors } = (error ?? {}) as { name?: unknown; data?: unknown; errors?: unknown };
        if (name === 'GraphqlResponseError') return readWhatShipped(data, errors, pullRequests, `${owner}/${repo}`);
        const failure = (permission: Parameters<typeof describeLookupError>[1]): { ok: false; failure: LookupFailure } => ({ ok: false, failure: describeLookupError(error, permission) });
        return { pullRequests: pullRequests ? failure('pull-requests: read') : undefined, deployments: failure('deployments: read') };
      }
    },
    async compare(base, head) {
      try {
        const response = await octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${base}...${head}`, per_page: 100 });
        return readCompare(response.status, response.data);
      } catch (error) {
        return { ok: false, failure: describeLookupError(error, 'contents: read') };
      }
    },
  };
}
