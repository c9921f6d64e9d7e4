// undici, read only when it is first used. @actions/http-client imports it at its top for
// ProxyAgent alone, which this action's own requests never use (a proxy goes through `tunnel`), and
// @actions/github for its fetch, which the lookups do not use either (src/github-fetch.ts); only a
// proxy set for GITHUB_API_URL makes @actions/github build a ProxyAgent as it loads. undici and the
// Node built-ins it pulls in (http2, worker_threads, zlib, …) would cost every step ≈ 25 ms to
// load. The bundles resolve `undici` to this module (tsconfig.json `paths`); the real undici is
// bundled once, as dist/undici.cjs.

import { createRequire } from 'node:module';

interface Undici {
  ProxyAgent: new (options: object) => object;
  fetch(input: unknown, init?: unknown): Promise<unknown>;
}

let undici: Undici | undefined;

function load(): Undici {
  return (undici ??= createRequire(import.meta.url)('./undici.cjs') as Undici);
}

export class ProxyAgent {
  constructor(options: object) {
    // An object returned by a constructor is what `new` gives: the real ProxyAgent.
    return new (load().ProxyAgent)(options);
  }
}

export function fetch(input: unknown, init?: unknown): Promise<unknown> {
  return load().fetch(input, init);
}
