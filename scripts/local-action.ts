// `npm run local-action [-- path/to/.env]`: the action's TypeScript sources, main step then post
// step, under GitHub's local runner (@github/local-action, which stands in its own @actions/core),
// against the fake Last9 (testing/fake-last9.ts) on 127.0.0.1. The env file (default .env.example)
// gives the inputs as INPUT_* and the run's GITHUB_* variables; this script adds INPUT_API_BASE_URL
// (the fake's URL) and the files the runner would create (the event payload, the job summary).
// Prints what the fake received, as the series Last9 stores, and fails unless it got one start and
// one stop of the same deployment_id.

import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, parseEnv } from 'node:util';
import { FakeLast9, toSeries, type ReceivedEvent } from '../testing/fake-last9.js';
import { machineEnvironment, PROJECT_ROOT, pushEvent } from '../testing/runner.js';
import { verifyWindow } from '../testing/verify-markers.js';

export const DEFAULT_ENV_FILE = join(PROJECT_ROOT, '.env.example');
const LOCAL_ACTION = join(PROJECT_ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js');
const MAIN_ENTRY = 'src/main-step.ts';
const POST_ENTRY = 'src/post-step.ts';

export interface LocalActionRun {
  /** local-action's exit code: non-zero when the action set process.exitCode or threw. */
  exitCode: number | null;
  /** Everything local-action printed, stdout and stderr interleaved. */
  output: string;
  /** What the fake Last9 accepted, in order. */
  events: ReceivedEvent[];
  /** Why the run does not count as one whole window; empty when it does. */
  problems: string[];
}

/** Runs main and post under local-action; `echo` streams its output here as it comes. */
export async function runLocalAction(envFile: string = DEFAULT_ENV_FILE, echo?: (text: string) => void): Promise<LocalActionRun> {
  const fileEnv = parseEnv(readFileSync(envFile, 'utf8'));
  if (fileEnv.INPUT_API_BASE_URL !== undefined) {
    throw new Error(`${envFile} sets INPUT_API_BASE_URL, which would win over the fake Last9's URL: remove that line`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'deployment-marker-local-action-'));
  const fake = await FakeLast9.start();
  try {
    // local-action builds one shell command from its arguments, unquoted: keep spaces out of them.
    const envArgument = /\s/.test(envFile) ? join(dir, 'env') : envFile;
    if (envArgument !== envFile) copyFileSync(envFile, envArgument);
    const eventPath = join(dir, 'event.json');
    const summaryPath = join(dir, 'step-summary.md');
    writeFileSync(eventPath, JSON.stringify(pushEvent()));
    writeFileSync(summaryPath, '');
    const env: NodeJS.ProcessEnv = {
      ...machineEnvironment(),
      INPUT_API_BASE_URL: fake.url,
      // The env file may set these too; it wins (local-action loads it with override).
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_STEP_SUMMARY: summaryPath,
    };
    const args = [LOCAL_ACTION, 'run', '.', MAIN_ENTRY, envArgument, '--post', POST_ENTRY];
    const { exitCode, output } = await new Promise<{ exitCode: number | null; output: string }>((resolvePromise, reject) => {
      const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      const collect = (chunk: Buffer): void => {
        text += chunk.toString();
        echo?.(chunk.toString());
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', reject);
      child.on('close', (code) => resolvePromise({ exitCode: code, output: text }));
    });
    const events = [...fake.events];
    // The same check as the e2e workflow's verifier: one start, one stop, paired, the job's result.
    return { exitCode, output, events, problems: verifyWindow(events, { result: fileEnv.INPUT_JOB_STATUS ?? 'success', minDurationMs: 0 }) };
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { positionals } = parseArgs({ allowPositionals: true });
  // `npm run` works in the project root; a relative path is meant from where the user typed it.
  const envFile = positionals[0] ? resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]) : DEFAULT_ENV_FILE;
  const run = await runLocalAction(envFile, (text) => process.stdout.write(text)).catch((error: Error) => {
    console.error(`local-action: ${error.message}`);
    process.exit(1);
  });
  console.log(`── what the fake Last9 received: ${run.events.length} events, as the series Last9 stores them`);
  for (const event of run.events) console.log(`${toSeries(event)}\n`);
  for (const problem of run.problems) console.error(`local-action: ${problem}`);
  if (run.exitCode !== 0) console.error(`local-action: exited with code ${run.exitCode}`);
  if (run.problems.length === 0 && run.exitCode === 0) {
    console.log(`local-action: one window, start and stop paired by deployment_id ${run.events[0]?.attributes.deployment_id}.`);
  } else {
    process.exitCode = 1;
  }
}
