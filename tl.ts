import { FakeGitHub, pushOfMergedPullRequest, DEFAULT_GITHUB_TOKEN } from './testing/fake-github.js';
import { FakeLast9, DEFAULT_REFRESH_TOKEN } from './testing/fake-last9.js';
import { EmulatedJob } from './testing/runner.js';
const fake = await FakeLast9.start(); const github = await FakeGitHub.start();
const rows: Record<string, number[][]> = { true: [], false: [] };
for (let i = 0; i < 16; i++) for (const link of ['true', 'false']) {
  fake.reset(); fake.latencyMs = 40; github.reset(); github.latencyMs = 40; pushOfMergedPullRequest(github, { now: Date.now() });
  const job = new EmulatedJob({ githubToken: DEFAULT_GITHUB_TOKEN, env: { GITHUB_API_URL: github.url } });
  const t0 = Date.now();
  const r = await job.runMain({ inputs: { refresh_token: DEFAULT_REFRESH_TOKEN, org_slug: 'acme', env: 'production', service: 'payments-api', api_base_url: fake.url, link_changes: link } });
  if (i > 0) rows[link]!.push([fake.requestsTo('token')[0]!.receivedAtMs - t0, (github.requests[0]?.receivedAtMs ?? t0) - t0, fake.requestsTo('event')[0]!.receivedAtMs - t0, Math.round(r.durationMs)]);
  job.dispose();
}
const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const [k, v] of Object.entries(rows)) console.log(k, ['token', 'github', 'start', 'exit'].map((n, j) => `${n} ${med(v.map((r) => r[j]!))}`).join('  '));
await fake.stop(); await github.stop();
