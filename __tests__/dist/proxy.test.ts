// The built action on a runner whose traffic goes out through an HTTP proxy (HTTPS_PROXY,
// HTTP_PROXY, NO_PROXY), against testing/connect-proxy.ts. Last9 and GitHub's API are named
// last9.proxy.test and github.proxy.test, which only the proxy resolves: a call that arrives
// went through it. The proxy ends TLS with a certificate the job trusts (NODE_EXTRA_CA_CERTS), so
// both are https as on a real runner.

import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { ConnectProxy } from '../../testing/connect-proxy.js';
import { DEFAULT_GITHUB_TOKEN, FakeGitHub, MERGED_PULL_REQUEST, pushOfMergedPullRequest } from '../../testing/fake-github.js';
import { FakeLast9 } from '../../testing/fake-last9.js';
import { workflowInputs } from '../../testing/harness.js';
import { EmulatedJob, type StepResult } from '../../testing/runner.js';

const port = (server: { url: string }): string => new URL(server.url).port;
const messages = (step: StepResult, level: 'warning' | 'notice'): string[] =>
  step.annotations.filter((annotation) => annotation.level === level).map((annotation) => annotation.message);

interface ProxiedJob {
  fake: FakeLast9;
  github: FakeGitHub;
  proxy: ConnectProxy;
  job: EmulatedJob;
  last9Authority: string;
  githubAuthority: string;
  inputs(overrides?: Record<string, string>): Record<string, string>;
}

/** A fake Last9 and GitHub reached by name through a proxy, and a job whose environment names the proxy (and `env`). */
async function behindProxy(t: TestContext, env: Record<string, string> = {}): Promise<ProxiedJob> {
  const [fake, github, proxy] = await Promise.all([FakeLast9.start(), FakeGitHub.start(), ConnectProxy.start()]);
  pushOfMergedPullRequest(github, { now: Date.now() });
  const last9Authority = `last9.proxy.test:${port(fake)}`;
  const githubAuthority = `github.proxy.test:${port(github)}`;
  const job = new EmulatedJob({
    spawn: {},
    githubToken: DEFAULT_GITHUB_TOKEN,
    env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: proxy.caFile, GITHUB_API_URL: `https://${githubAuthority}`, ...env },
  });
  t.after(async () => {
    job.dispose();
    await Promise.all([fake.stop(), github.stop(), proxy.stop()]);
  });
  const inputs = (overrides: Record<string, string> = {}) => workflowInputs(fake, { api_base_url: `https://${last9Authority}`, ...overrides });
  return { fake, github, proxy, job, last9Authority, githubAuthority, inputs };
}

describe('behind an HTTP proxy', { concurrency: 3 }, () => {
  test('through an HTTP proxy (HTTPS_PROXY/HTTP_PROXY): every call to Last9 and to GitHub goes through CONNECT, and the markers carry what shipped', async (t) => {
    const { fake, github, proxy, job, inputs, last9Authority, githubAuthority } = await behindProxy(t);
    const main = await job.runMain({ inputs: inputs() });
    const post = await job.runPost({ inputs: inputs() });

    assert.deepEqual([main.exitCode, post.exitCode], [0, 0]);
    assert.deepEqual([...main.annotations, ...post.annotations], []);
    assert.deepEqual(
      fake.requests.map((request) => [request.endpoint, request.status]),
      [
        ['token', 200],
        ['event', 200],
        ['event', 200],
      ],
    );
    const { previousSha, commitCount, pullRequest } = MERGED_PULL_REQUEST;
    for (const event of fake.events) {
      const { github_pr_number, previous_commit_sha, commit_count } = event.attributes;
      assert.deepEqual({ github_pr_number, previous_commit_sha, commit_count }, { github_pr_number: String(pullRequest.number), previous_commit_sha: previousSha, commit_count: String(commitCount) }, event.event_state);
    }
    for (const endpoint of ['graphql', 'compare'] as const) assert.ok(github.requestsTo(endpoint).length > 0, `no ${endpoint} lookup reached GitHub`);
    assert.deepEqual(new Set(proxy.connects), new Set([last9Authority, githubAuthority]), 'both, and nothing else, went through the proxy');
  });

  test('NO_PROXY keeps a host off the proxy: GitHub named in it is called directly (where the name does not exist), Last9 still goes through the proxy', async (t) => {
    const { fake, github, proxy, job, inputs, last9Authority } = await behindProxy(t, { NO_PROXY: 'github.proxy.test' });
    const main = await job.runMain({ inputs: inputs() });
    const post = await job.runPost({ inputs: inputs() });

    assert.deepEqual([main.exitCode, post.exitCode], [0, 0]);
    assert.deepEqual(new Set(proxy.connects), new Set([last9Authority]), 'only Last9 went through the proxy');
    assert.equal(github.requests.length, 0);
    assert.equal(fake.requests.length, 3);
    assert.deepEqual(messages(main, 'warning'), []);
    assert.match(messages(main, 'notice').join('\n'), /what shipped is partly unknown/);
    assert.equal(fake.events[0]?.attributes.github_pr_number, undefined);
  });

  test('a proxy that refuses the tunnel does not fail the deploy: both steps exit 0 and warn that Last9 could not be reached', async (t) => {
    const { fake, github, proxy, job, inputs, last9Authority } = await behindProxy(t);
    proxy.refuse = true;
    const fast = inputs({ max_retry_attempts: '1', retry_backoff_ms: '20', max_retry_backoff_ms: '100' });
    const main = await job.runMain({ inputs: fast });
    const post = await job.runPost({ inputs: fast });

    assert.deepEqual([main.exitCode, post.exitCode], [0, 0]);
    assert.deepEqual([main.outputs.delivered, post.outputs.delivered], ['false', 'false']);
    assert.equal(fake.requests.length + github.requests.length, 0);
    assert.ok(proxy.connects.includes(last9Authority));
    assert.match(messages(main, 'notice').join('\n'), /what shipped is partly unknown.*GitHub could not be reached/);
    for (const step of [main, post]) {
      const [warning, ...more] = messages(step, 'warning');
      assert.deepEqual(more, []);
      assert.match(warning ?? '', /^Last9: could not .*403.*https:\/\/last9\.proxy\.test:\d+.*HTTPS_PROXY\/NO_PROXY.*the deploy itself is unaffected/);
      assert.doesNotMatch(step.stdout + step.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'a stack trace was printed');
    }
  });
});
