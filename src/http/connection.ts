// HTTP for both servers the action talks to, Last9 and GitHub's API, over @actions/http-client
// (the only module that imports it): its proxy support (HTTPS_PROXY, HTTP_PROXY, NO_PROXY,
// through `tunnel`) and kept-alive connections. Everything a server sends is untrusted, so a
// redirect is never followed (it would carry the token to wherever it points), and a body is read
// only up to a cap: past it, the answer is refused and its connection closed.

import { HttpClient } from '@actions/http-client';
import type { RequestHandler } from '@actions/http-client/lib/interfaces';

export interface HttpAnswer {
  status: number;
  statusText: string;
  /** Lower-case names; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

/** Why an answer was not taken: too large, or broken off before its end. */
export class RefusedAnswer extends Error {
  constructor(
    readonly reason: 'too-large' | 'cut-off',
    message: string,
  ) {
    super(message);
    this.name = 'RefusedAnswer';
  }
}

export interface ConnectionOptions {
  /** Sent as User-Agent; undefined sends what the caller's headers say. */
  userAgent?: string;
  /** How long a connection may stay silent before it is given up. */
  socketTimeoutMs: number;
  /** The most bytes of one answer's body that are read. */
  maxBodyBytes: number;
  /** Ends every request, those still waiting for an answer too (through a proxy as well). */
  signal?: AbortSignal;
}

export class HttpConnection {
  private readonly client: HttpClient;

  constructor(private readonly options: ConnectionOptions) {
    const { signal } = options;
    // A request handler is http-client's hook into each request's options: Node aborts a request
    // whose options carry a signal.
    const handlers: RequestHandler[] = signal
      ? [
          {
            prepareRequest: (requestOptions) => Object.assign(requestOptions, { signal }),
            canHandleAuthentication: () => false,
            handleAuthentication: () => Promise.reject(new Error('not an authentication handler')),
          },
        ]
      : [];
    this.client = new HttpClient(options.userAgent, handlers, {
      keepAlive: true,
      allowRetries: false,
      allowRedirects: false,
      socketTimeout: options.socketTimeoutMs,
    });
    if (options.userAgent === undefined) this.client.userAgent = undefined;
    signal?.addEventListener('abort', () => this.dispose(), { once: true });
  }

  async request(method: string, url: string, body: string | null, headers: Record<string, string>): Promise<HttpAnswer> {
    this.options.signal?.throwIfAborted();
    const response = await this.client.request(method, url, body, headers);
    const message = response.message;
    return {
      status: message.statusCode ?? 0,
      statusText: message.statusMessage ?? '',
      headers: Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')])),
      body: await readCapped(message, this.options.maxBodyBytes),
    };
  }

  /** Closes the kept-alive connections, so that the process can exit. */
  dispose(): void {
    this.client.dispose();
  }
}

/**
 * The whole body, at most `maxBytes` of it. Unlike http-client's readBody, it fails when the
 * connection breaks off, and it joins the chunks once rather than a string per chunk.
 */
function readCapped(message: NodeJS.ReadableStream & { destroy(): void }, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        message.destroy();
        reject(new RefusedAnswer('too-large', `larger than ${formatBytes(maxBytes)}`));
        return;
      }
      chunks.push(chunk);
    });
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
    message.on('close', () => reject(new RefusedAnswer('cut-off', 'the connection closed before the whole answer arrived')));
  });
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}
