// The fetch that octokit (@actions/github) calls GitHub's API with: src/http.ts, over
// @actions/http-client, which the Last9 calls use too, with the same proxy support, no redirects
// followed and every body capped. @actions/github's own fetch is undici's, as is Node's built-in
// one: loading undici costs a step 30–50 ms, and after a few calls the WebAssembly HTTP parser it
// compiles in the background holds the process ≈ 50 ms more at exit; node:http is loaded already.
// It gives what octokit's request reads of a Response: status, url, headers ([name, value] pairs
// with get()), text(), json(), arrayBuffer().

import { HttpConnection } from '../http/connection.js';

export interface FetchInit {
  method?: string;
  body?: string | null;
  headers?: Record<string, string>;
  signal?: AbortSignal | null;
}

export interface FetchResponse {
  url: string;
  status: number;
  statusText: string;
  headers: Map<string, string>;
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface GitHubFetch {
  fetch(url: string, init?: FetchInit): Promise<FetchResponse>;
}

/** GitHub answered with a redirect. Octokit would take a 3xx answer's body for the data; it is an error instead. */
export class RedirectRefused extends Error {
  constructor(readonly status: number) {
    super(`GitHub's API answered with a redirect (HTTP ${status}), which is not followed`);
    this.name = 'RedirectRefused';
  }
}

/** Larger than any real answer of the calls the lookups make (a compare lists at most 300 files). */
export const MAX_GITHUB_BODY_BYTES = 32 * 1024 * 1024;

/**
 * `signal` ends every request and closes the kept-alive connections, so that the process can exit.
 * `socketTimeoutMs`: how long a connection may stay silent before it is given up.
 */
export function gitHubFetch({ signal, socketTimeoutMs }: { signal: AbortSignal; socketTimeoutMs: number }): GitHubFetch {
  // No userAgent: octokit's (which names @actions/github and the run) is in the headers.
  const connection = new HttpConnection({ signal, socketTimeoutMs, maxBodyBytes: MAX_GITHUB_BODY_BYTES });
  return {
    async fetch(url, init = {}) {
      init.signal?.throwIfAborted();
      const answer = await connection.request(init.method ?? 'GET', url, init.body ?? null, init.headers ?? {});
      if (answer.status >= 300 && answer.status < 400 && answer.status !== 304) throw new RedirectRefused(answer.status);
      const { body } = answer;
      return {
        url,
        status: answer.status,
        statusText: answer.statusText,
        headers: new Map(Object.entries(answer.headers)),
        text: async () => body.toString('utf8'),
        json: async () => JSON.parse(body.toString('utf8')),
        arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
      };
    },
  };
}
