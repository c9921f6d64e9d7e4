// The fetch that octokit (@actions/github) calls GitHub's API with: @actions/http-client, which the
// Last9 calls use too, with the same proxy support (HTTPS_PROXY, NO_PROXY, through `tunnel`).
// @actions/github's own fetch is undici's, as is Node's built-in one: loading undici costs a step
// 30–50 ms, and after a few calls the WebAssembly HTTP parser it compiles in the background holds
// the process ≈ 50 ms more at exit; node:http is loaded already. It gives what octokit's request
// reads of a Response: status, url, headers ([name, value] pairs with get()), text(), json(),
// arrayBuffer().

import { HttpClient } from '@actions/http-client';
import type { RequestHandler } from '@actions/http-client/lib/interfaces';

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

/**
 * `signal` ends every request, those still waiting for an answer too (through a proxy as well), and
 * closes the kept-alive connections, so that the process can exit. `socketTimeoutMs`: how long a
 * connection may stay silent before it is given up.
 */
export function gitHubFetch({ signal, socketTimeoutMs }: { signal: AbortSignal; socketTimeoutMs: number }): GitHubFetch {
  // A request handler is http-client's hook into each request's options: Node aborts a request whose
  // options carry a signal.
  const abortWithSignal: RequestHandler = {
    prepareRequest: (options) => Object.assign(options, { signal }),
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not an authentication handler')),
  };
  const client = new HttpClient(undefined, [abortWithSignal], { keepAlive: true, allowRetries: false, socketTimeout: socketTimeoutMs });
  // Octokit's user agent (which names @actions/github and the run), not http-client's.
  client.userAgent = undefined;
  signal.addEventListener('abort', () => client.dispose(), { once: true });
  return {
    async fetch(url, init = {}) {
      signal.throwIfAborted();
      init.signal?.throwIfAborted();
      const response = await client.request(init.method ?? 'GET', url, init.body ?? null, init.headers ?? {});
      const body = await readBody(response.message);
      const headers = new Map(Object.entries(response.message.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
      return {
        url,
        status: response.message.statusCode ?? 0,
        statusText: response.message.statusMessage ?? '',
        headers,
        text: async () => body.toString('utf8'),
        json: async () => JSON.parse(body.toString('utf8')),
        arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
      };
    },
  };
}

/** The whole body; unlike HttpClientResponse.readBody, fails when the connection breaks off. */
function readBody(message: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
    message.on('close', () => reject(new Error('the connection closed before the whole answer arrived')));
  });
}
