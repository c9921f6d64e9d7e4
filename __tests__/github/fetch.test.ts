// gitHubFetch, the fetch octokit calls GitHub's API with (over @actions/http-client): through a real
// octokit against the fake GitHub API, and on the wire against a small loopback server whose answers
// each test scripts (odd headers, binary bodies, broken-off answers, silence).

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { after, beforeEach, describe, test } from 'node:test';
import { gitHubFetch, RedirectRefused, type GitHubFetch } from '../../src/github/fetch.js';
import { loadGitHub, type Octokit } from '../../src/github/octokit.js';
import { ConnectProxy } from '../../testing/connect-proxy.js';
import { DEFAULT_GITHUB_TOKEN, FakeGitHub, pushOfMergedPullRequest } from '../../testing/fake-github.js';
import { LoopbackServer } from '../../testing/loopback-server.js';

/** A loopback server that answers with whatever `answer` does, and counts requests and open connections. */
class ScriptedServer extends LoopbackServer {
  answer: (request: IncomingMessage, response: ServerResponse, body: string) => void = (_request, response) => response.end();
  readonly requests: Array<{ method: string; path: string; headers: IncomingMessage['headers']; body: string }> = [];
  private readonly open = new Set<Socket>();

  static async start(): Promise<ScriptedServer> {
    const server = new ScriptedServer();
    await server.listen();
    return server;
  }

  /** Connections that carried a request and are not closed yet. */
  get openConnections(): number {
    return this.open.size;
  }

  reset(): void {
    this.answer = (_request, response) => response.end();
    this.requests.length = 0;
  }

  protected override async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const socket = request.socket;
    if (!this.open.has(socket)) {
      this.open.add(socket);
      socket.once('close', () => {
        this.open.delete(socket);
        this.notify();
      });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    this.requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body });
    this.notify();
    this.answer(request, response, body);
  }
}

const github = await FakeGitHub.start();
const server = await ScriptedServer.start();
after(async () => {
  await github.stop();
  await server.stop();
});

beforeEach(() => {
  github.reset();
  server.reset();
});

const expected = pushOfMergedPullRequest(github);

/** Runs `use` with a fresh transport, ended by its signal afterwards whatever happens. */
async function withTransport<T>(socketTimeoutMs: number, use: (transport: GitHubFetch) => Promise<T>): Promise<T> {
  const lookups = new AbortController();
  try {
    return await use(gitHubFetch({ signal: lookups.signal, socketTimeoutMs }));
  } finally {
    lookups.abort();
  }
}

/** TCP sockets this process holds open (servers' and clients'): each keeps the process alive. */
function openTcpSockets(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

const { getOctokit } = await loadGitHub();

function octokitOver(transport: GitHubFetch, request: { signal?: AbortSignal } = {}): Octokit {
  const fetch = transport.fetch as unknown as typeof globalThis.fetch;
  return getOctokit(DEFAULT_GITHUB_TOKEN, { baseUrl: github.url, request: { fetch, retries: 0, ...request } });
}

const comparePath = `/repos/acme/payments-api/compare/${expected.previousSha}...${expected.sha}`;

describe('gitHubFetch under octokit, against the fake GitHub API', () => {
  test("a GET answers with the parsed JSON, status and url; octokit's authorization and user-agent reach the server unchanged", async () => {
    await withTransport(5_000, async (transport) => {
      const answer = await octokitOver(transport).request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner: 'acme', repo: 'payments-api', basehead: `${expected.previousSha}...${expected.sha}` });
      assert.deepEqual([answer.status, (answer.data as { total_commits?: number }).total_commits, answer.url], [200, 2, `${github.url}${comparePath}`]);
      const [request] = github.requests;
      assert.equal(request?.headers.authorization, `token ${DEFAULT_GITHUB_TOKEN}`);
      const userAgent = request?.headers['user-agent'] ?? '';
      assert.match(userAgent, /octokit-core\.js\//, `octokit's user agent should be sent, not "${userAgent}"`);
    });
  });

  test('a redirect is an error, never data: octokit would take a 3xx body for the answer', async () => {
    github.faults.push({ on: 'compare', respond: { status: 302, headers: { location: '/elsewhere' }, body: '{"total_commits": 999}' } });
    await withTransport(5_000, async (transport) => {
      await assert.rejects(octokitOver(transport).request(`GET ${comparePath}`), (error: { cause?: unknown }) => error.cause instanceof RedirectRefused);
    });
  });

  test('an already-aborted request.signal: octokit rejects and GitHub sees nothing', async () => {
    await withTransport(5_000, async (transport) => {
      const signal = AbortSignal.abort();
      await assert.rejects(octokitOver(transport, { signal }).request(`GET ${comparePath}`), { name: 'AbortError' });
      assert.equal(github.requests.length, 0);
    });
  });
});

describe('gitHubFetch on the wire', () => {
  test('status, statusText, url and body as sent; header names lowercase; repeated headers joined with ", "', async () => {
    server.answer = (_request, response) => {
      response.writeHead(418, "I'm a teapot", {
        'Content-Type': 'text/plain; charset=utf-8',
        'X-Repeated': ['one', 'two'],
        'Set-Cookie': ['a=1; Path=/', 'b=2; Path=/'],
        'X-GitHub-Request-Id': 'ABCD:1234',
      });
      response.end('short and stout');
    };
    await withTransport(5_000, async (transport) => {
      const url = `${server.url}/teapot?x=1`;
      const response = await transport.fetch(url);
      assert.equal(response.status, 418);
      assert.equal(response.statusText, "I'm a teapot");
      assert.equal(response.url, url);
      assert.equal(await response.text(), 'short and stout');
      const headers = Object.fromEntries(response.headers);
      for (const name of Object.keys(headers)) assert.equal(name, name.toLowerCase(), `header name ${name} should be lowercase`);
      assert.equal(headers['x-repeated'], 'one, two');
      assert.equal(headers['set-cookie'], 'a=1; Path=/, b=2; Path=/');
      assert.equal(headers['x-github-request-id'], 'ABCD:1234');
      assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
      assert.equal(response.headers.get('X-Repeated'), undefined, 'get() takes the lowercase name, as octokit asks');
    });
  });

  test('sends the method, the headers and a string body as given', async () => {
    server.answer = (_request, response) => response.end();
    const body = JSON.stringify({ title: 'Café ☕ déploiement' });
    await withTransport(5_000, async (transport) => {
      const response = await transport.fetch(`${server.url}/echo`, { method: 'POST', body, headers: { 'content-type': 'application/json; charset=utf-8', 'x-custom': 'yes' } });
      assert.equal(response.status, 200);
      const [request] = server.requests;
      assert.equal(request?.method, 'POST');
      assert.equal(request.path, '/echo');
      assert.equal(request.body, body);
      assert.equal(request.headers['content-length'], String(Buffer.byteLength(body)));
      assert.equal(request.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(request.headers['x-custom'], 'yes');
    });
  });

  test('json() parses a JSON body and rejects an invalid one', async () => {
    server.answer = (request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(request.url === '/valid' ? '{"total_commits":3,"files":[]}' : '{"total_commits":');
    };
    await withTransport(5_000, async (transport) => {
      assert.deepEqual(await (await transport.fetch(`${server.url}/valid`)).json(), { total_commits: 3, files: [] });
      const invalid = await transport.fetch(`${server.url}/invalid`);
      await assert.rejects(invalid.json(), SyntaxError);
      assert.equal(await invalid.text(), '{"total_commits":', 'text() still gives the body');
    });
  });

  for (const [size, label] of [
    [16, 'a small'],
    [200_000, 'a large (many chunks)'],
  ] as const) {
    test(`arrayBuffer() gives the exact bytes of ${label} binary body`, async () => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]), randomBytes(size - 6)]);
      server.answer = (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        response.end(bytes);
      };
      await withTransport(5_000, async (transport) => {
        const buffer = await (await transport.fetch(`${server.url}/blob`)).arrayBuffer();
        assert.ok(buffer instanceof ArrayBuffer);
        assert.equal(buffer.byteLength, bytes.length);
        assert.ok(Buffer.from(buffer).equals(bytes), 'the bytes should be those sent');
      });
    });
  }

  for (const framing of ['content-length', 'chunked'] as const) {
    test(`rejects when the connection breaks off in the middle of the body (${framing})`, { timeout: 2_000 }, async () => {
      server.answer = (request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', ...(framing === 'content-length' ? { 'content-length': '10000' } : {}) });
        response.write('[{"number":143,', () => setTimeout(() => request.socket.destroy(), 20));
      };
      await withTransport(5_000, async (transport) => {
        await assert.rejects(transport.fetch(`${server.url}/cut`));
        assert.equal(server.requests.length, 1);
      });
    });
  }

  test('its signal ends a request still waiting for an answer, and its connection', { timeout: 2_000 }, async () => {
    server.answer = () => {}; // never answers
    const socketsBefore = openTcpSockets();
    const lookups = new AbortController();
    const transport = gitHubFetch({ signal: lookups.signal, socketTimeoutMs: 60_000 });
    const pending = transport.fetch(`${server.url}/never`);
    const outcome = pending.then(
      () => 'resolved',
      () => 'rejected',
    );
    await server.waitFor(() => server.requests.length === 1);
    assert.equal(server.openConnections, 1);
    const abortedAt = Date.now();
    lookups.abort();
    assert.equal(await outcome, 'rejected');
    assert.ok(Date.now() - abortedAt < 1_000, 'the request should end promptly once aborted');
    await server.waitFor(() => server.openConnections === 0);
    // Nothing is left to keep the process alive: the client's socket is gone too (else the 2 s timeout fails the test).
    await until(() => openTcpSockets() <= socketsBefore);
    await assert.rejects(transport.fetch(`${server.url}/after`), 'an aborted transport makes no more requests');
    assert.equal(server.requests.length, 1);
  });

  test('its signal ends a request waiting for an answer through a proxy too', { timeout: 3_000 }, async (t) => {
    const proxy = await ConnectProxy.start();
    t.after(() => proxy.stop());
    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = proxy.url;
    t.after(() => (saved === undefined ? delete process.env.HTTP_PROXY : (process.env.HTTP_PROXY = saved)));
    server.answer = () => {}; // never answers
    const lookups = new AbortController();
    const transport = gitHubFetch({ signal: lookups.signal, socketTimeoutMs: 60_000 });
    const port = new URL(server.url).port;
    const outcome = transport.fetch(`http://api.github.proxy.test:${port}/never`).then(
      () => 'resolved',
      () => 'rejected',
    );
    await server.waitFor(() => server.requests.length === 1);
    assert.deepEqual(proxy.connects, [`api.github.proxy.test:${port}`]);
    lookups.abort();
    assert.equal(await outcome, 'rejected');
    await server.waitFor(() => server.openConnections === 0);
  });

  test('its signal also ends the kept-alive idle connections', { timeout: 2_000 }, async () => {
    const lookups = new AbortController();
    const transport = gitHubFetch({ signal: lookups.signal, socketTimeoutMs: 60_000 });
    await (await transport.fetch(`${server.url}/one`)).text();
    await (await transport.fetch(`${server.url}/two`)).text();
    assert.equal(server.requests.length, 2);
    assert.equal(server.openConnections, 1, 'both requests should share one kept-alive connection');
    lookups.abort();
    await server.waitFor(() => server.openConnections === 0);
  });

  test('an already-aborted signal rejects without any request reaching the server', async () => {
    await withTransport(5_000, async (transport) => {
      const connectionsBefore = server.connectionCount;
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(transport.fetch(`${server.url}/aborted`, { signal: controller.signal }), { name: 'AbortError' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(server.connectionCount, connectionsBefore, 'no connection should be opened');
      assert.equal(server.requests.length, 0);
      // The transport is still usable afterwards.
      assert.equal((await transport.fetch(`${server.url}/after`)).status, 200);
      assert.deepEqual(
        server.requests.map((request) => request.path),
        ['/after'],
      );
    });
  });

  test('a silent server: the request is given up after socketTimeoutMs', { timeout: 3_000 }, async () => {
    server.answer = () => {}; // never answers
    await withTransport(200, async (transport) => {
      const startedAt = Date.now();
      await assert.rejects(transport.fetch(`${server.url}/silent`), /timeout/i);
      const elapsed = Date.now() - startedAt;
      assert.ok(elapsed >= 150, `given up after ${elapsed} ms, before the socket timeout`);
      assert.ok(elapsed < 5_000, `given up only after ${elapsed} ms`);
    });
  });

  test('a body that stalls half-way: given up after socketTimeoutMs', { timeout: 3_000 }, async () => {
    server.answer = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '10000' });
      response.write('[{"number":143,');
    };
    await withTransport(200, async (transport) => {
      const startedAt = Date.now();
      await assert.rejects(transport.fetch(`${server.url}/stall`));
      const elapsed = Date.now() - startedAt;
      assert.ok(elapsed >= 150, `given up after ${elapsed} ms, before the socket timeout`);
      assert.ok(elapsed < 5_000, `given up only after ${elapsed} ms`);
    });
  });
});
