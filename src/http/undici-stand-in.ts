// What the bundles get for `undici` (tsconfig.json `paths`; tsx, which runs the sources in tests,
// leaves imports from node_modules alone). @actions/http-client imports undici's ProxyAgent for a
// helper (getAgentDispatcher) that this action's requests never use: they go through
// http-client's own agents, and `tunnel` behind a proxy — octokit's too (src/github/fetch.ts).
// @actions/github imports undici's fetch, which octokit uses only when given no fetch of its own:
// this action always gives it one. Behind a proxy, @actions/github still builds a ProxyAgent as it
// loads, and keeps it unused. undici itself would cost every step ≈ 25 ms to load (with http2,
// worker_threads, zlib, …) and dist/ 435 KiB. Should a use ever come, it throws here, loudly; and
// scripts/build.ts fails a build whose bundles import a name this module does not export.

export class ProxyAgent {
  constructor(readonly options: Record<string, unknown>) {}

  dispatch(): never {
    throw notBundled('ProxyAgent');
  }
}

export function fetch(): Promise<never> {
  return Promise.reject(notBundled('fetch'));
}

function notBundled(name: string): Error {
  return new Error(`undici's ${name} is not bundled with this action (src/http/undici-stand-in.ts): its requests go through @actions/http-client`);
}
