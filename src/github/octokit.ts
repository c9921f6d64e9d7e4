// @actions/github's octokit, as the lookups use it. In dist/ it is a bundle of its own beside the
// steps' (dist/github-api.js, built from github-api.ts), which the bundler leaves out of steps.js,
// so that a step that makes no call to GitHub never reads it. Its types are declared here, for
// what is used: @actions/github's own are 260,000 lines that every type check would read.

export interface Octokit {
  graphql(query: string, variables: Record<string, unknown>): Promise<unknown>;
  request(route: string, parameters?: Record<string, unknown>): Promise<{ status: number; url: string; data: unknown }>;
}

export interface GitHubModule {
  getOctokit(token: string, options: Record<string, unknown>): Octokit;
}

/** The path from this module and from dist/steps.js alike. */
const GITHUB_API = './github-api.js';

export async function loadGitHub(): Promise<GitHubModule> {
  // @actions/github reads and parses the whole payload file as it loads (its `context`, which the
  // lookups never use): unbounded, printed raw to stdout when missing, and a file that is not JSON
  // would make it fail to load. The payload is read once, checked, by runner/event-file.ts.
  const eventPath = process.env.GITHUB_EVENT_PATH;
  delete process.env.GITHUB_EVENT_PATH;
  try {
    return (await import(/* webpackIgnore: true */ GITHUB_API)) as GitHubModule;
  } finally {
    if (eventPath !== undefined) process.env.GITHUB_EVENT_PATH = eventPath;
  }
}
