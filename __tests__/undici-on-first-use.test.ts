// undici (dist/undici.cjs, see src/undici-on-first-use.ts) is read only when a step constructs a
// ProxyAgent: @actions/github does when a proxy applies to GITHUB_API_URL. The built action is run
// from a copy of action.yml and dist/ without undici.cjs.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ConnectProxy } from '../testing/connect-proxy.js';
import { MERGED_PULL_REQUEST } from '../testing/fake-github.js';
import { ownFakeAndJob } from '../testing/harness.js';
import { PROJECT_ROOT } from '../testing/runner.js';

describe('undici is read only when a proxy needs it', { concurrency: 2 }, () => {
  let actionDir = '';
  before(() => {
    actionDir = mkdtempSync(join(tmpdir(), 'deployment-marker-no-undici-'));
    cpSync(join(PROJECT_ROOT, 'action.yml'), join(actionDir, 'action.yml'));
    cpSync(join(PROJECT_ROOT, 'dist'), join(actionDir, 'dist'), { recursive: true });
    rmSync(join(actionDir, 'dist', 'undici.cjs'));
  });
  after(() => rmSync(actionDir, { recursive: true, force: true }));

  test('without a proxy both steps, GitHub lookups included, run from a dist/ that has no undici.cjs', async (t) => {
    const { fake, github, job, inputs } = await ownFakeAndJob(t, {}, { actionDir });
    const main = await job.runMain({ inputs: inputs() });
    const post = await job.runPost({ inputs: inputs() });
    assert.deepEqual([main.exitCode, post.exitCode], [0, 0]);
    assert.deepEqual([...main.annotations, ...post.annotations], []);
    assert.equal(fake.requests.length, 3);
    assert.ok(github.requests.length > 0);
    for (const event of fake.events) {
      assert.equal(event.attributes.github_pr_number, String(MERGED_PULL_REQUEST.pullRequest.number), event.event_state);
      assert.equal(event.attributes.previous_commit_sha, MERGED_PULL_REQUEST.previousSha, event.event_state);
    }
  });

  test('with a proxy for GITHUB_API_URL the GitHub lookups load undici.cjs: from that dist/ they never reach GitHub, and the markers still go out, with a notice', async (t) => {
    const { fake, github, job, inputs } = await ownFakeAndJob(t, {}, { actionDir });
    const proxy = await ConnectProxy.start();
    t.after(() => proxy.stop());
    // Last9 is on loopback, which is never proxied.
    const env = { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: proxy.caFile, GITHUB_API_URL: `https://github.proxy.test:${new URL(github.url).port}` };
    const main = await job.runMain({ inputs: inputs(), env });
    const post = await job.runPost({ inputs: inputs(), env });
    assert.deepEqual([main.exitCode, post.exitCode], [0, 0]);
    assert.deepEqual(
      main.annotations.map(({ level, message }) => [level, /what shipped is partly unknown: what GitHub's API would have told \(@actions\/github did not load: .*undici\.cjs/.test(message)]),
      [['notice', true]],
    );
    assert.deepEqual(post.annotations, []);
    assert.deepEqual([github.requests.length, proxy.connects.length], [0, 0], 'GitHub was never called');
    assert.deepEqual(fake.requests.map((request) => request.endpoint), ['token', 'event', 'event']);
  });
});
