// The fetch that octokit (@actions/github) calls GitHub's API with: @actions/http-client, which the
// Last9 calls use too, with the same proxy support (HTTPS_PROXY, NO_PROXY, through `tunnel`).
// @actions/github's own fetch is undici's, as is Node's built-in one: loading undici costs a step
// 30–50 ms, and after a few calls the WebAssembly HTTP parser it compiles in the background holds
// the process ≈ 50 ms more at exit; node:http is loaded already. It gives what octokit's request
// reads of a Response: status, url, headers ([name, value] pairs with get()), text(), json(),
// arrayBuffer().

import { HttpClient } from '@actions/http-client';

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
  /** Ends every connection, those still waiting for an answer too, so that the process can exit. */
  dispose(): void;
}

/** `socketTimeoutMs`: how long a connection may stay silent before it is given up. */
export function gitHubFetch(socketTimeoutMs: number): GitHubFetch {
  // No user agent of its own: octokit's (which names @actions/github and the run) is kept.
  const client = new HttpClient(undefined, [], { keepAlive: true, allowRetries: false, socketTimeout: socketTimeoutMs });
  return {
    async fetch(url, init = {}) {
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
    dispose: () => client.dispose(),
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
