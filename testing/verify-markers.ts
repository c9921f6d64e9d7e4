// The e2e workflow's verifier (.github/actions/verify-markers): its main step starts the fake Last9
// (scripts/fake-last9.ts) as a detached background process that records every event it accepts;
// its post step, which runs after the marker's own post step has sent the stop, stops the fake and
// checks that it received exactly one window: one start and one stop with the same deployment_id,
// the stop repeating the start's labels plus the expected result and a plausible duration_ms.
//
// verifyWindow is pure; the rest (start/stop the background fake, read its record) is what the
// action's entries and __tests__/verify-markers.test.ts share.

import * as core from '@actions/core';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { DEFAULT_ORG, DEFAULT_REFRESH_TOKEN, toSeries, type ReceivedEvent } from './fake-last9.js';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FAKE_SCRIPT = join(PROJECT_ROOT, 'scripts', 'fake-last9.ts');

/** One line of the fake's --record file (written by scripts/fake-last9.ts). */
export type RecordLine =
  | ({ type: 'event' } & ReceivedEvent)
  | { type: 'refused'; method: string; path: string; status: number | null; receivedAtMs: number }
  | { type: 'stopped'; events: number; requests: number };

export const JOB_RESULTS = ['success', 'failure', 'cancelled'] as const;

export interface Expectations {
  /** The stop's `result`: the job's status when the marker's post step ran. */
  result: string;
  /** The least `duration_ms` the window can have, e.g. how long the stand-in deploy sleeps. */
  minDurationMs: number;
  /** `duration_ms` must be below this. Default: 10 minutes. */
  maxDurationMs?: number;
  /** How far `duration_ms` may be from the gap between the two timestamps. Default: 5 ms. */
  toleranceMs?: number;
  /** The `deployment_environment` and `service_name` labels, if given. */
  env?: string;
  service?: string;
}

export const DEFAULT_MAX_DURATION_MS = 10 * 60 * 1000;
const DEFAULT_TOLERANCE_MS = 5;
/** The labels a stop has beyond its start's. */
const STOP_ONLY = ['result', 'duration_ms'];

/** Why the events are not one window as expected; empty when they are. Pure. */
export function verifyWindow(events: readonly ReceivedEvent[], expect: Expectations): string[] {
  const starts = events.filter((event) => event.event_state === 'start');
  const stops = events.filter((event) => event.event_state === 'stop');
  if (starts.length !== 1 || stops.length !== 1 || events.length !== 2) {
    return [`expected exactly one start and one stop, got ${starts.length} start and ${stops.length} stop events (${events.length} in all)`];
  }
  const [start, stop] = [starts[0] as ReceivedEvent, stops[0] as ReceivedEvent];
  const problems: string[] = [];
  if (events[0] !== start) problems.push('the stop arrived before the start');

  const id = start.attributes.deployment_id;
  if (!id) problems.push('the start has no deployment_id');
  else if (stop.attributes.deployment_id !== id) problems.push(`the stop's deployment_id ${show(stop.attributes.deployment_id)} is not the start's ${show(id)}`);
  if (stop.event_name !== start.event_name) problems.push(`the stop's event_name ${show(stop.event_name)} is not the start's ${show(start.event_name)}`);
  if (expect.env !== undefined && start.attributes.deployment_environment !== expect.env) {
    problems.push(`deployment_environment is ${show(start.attributes.deployment_environment)}, expected ${show(expect.env)}`);
  }
  if (expect.service !== undefined && start.attributes.service_name !== expect.service) {
    problems.push(`service_name is ${show(start.attributes.service_name)}, expected ${show(expect.service)}`);
  }

  if (stop.attributes.result !== expect.result) problems.push(`the stop's result is ${show(stop.attributes.result)}, expected ${show(expect.result)}`);
  for (const key of STOP_ONLY) if (key in start.attributes) problems.push(`the start carries ${key}, which only a stop should`);

  const different = Object.keys(start.attributes).filter((key) => stop.attributes[key] !== start.attributes[key]);
  if (different.length > 0) problems.push(`the stop does not repeat the start's labels ${different.join(', ')}`);
  const extra = Object.keys(stop.attributes).filter((key) => !(key in start.attributes) && !STOP_ONLY.includes(key));
  if (extra.length > 0) problems.push(`the stop has labels the start has not: ${extra.join(', ')}`);

  problems.push(...durationProblems(start, stop, expect));
  return problems;
}

function durationProblems(start: ReceivedEvent, stop: ReceivedEvent, expect: Expectations): string[] {
  const text = stop.attributes.duration_ms;
  if (text === undefined || !/^\d+$/.test(text)) return [`the stop's duration_ms ${show(text)} is not a whole number of milliseconds`];
  const duration = Number(text);
  const problems: string[] = [];
  const max = expect.maxDurationMs ?? DEFAULT_MAX_DURATION_MS;
  if (duration < expect.minDurationMs) problems.push(`duration_ms ${duration} is less than the least plausible ${expect.minDurationMs}`);
  if (duration >= max) problems.push(`duration_ms ${duration} is not below ${max}`);
  const [startedAt, stoppedAt] = [Date.parse(start.timestamp ?? ''), Date.parse(stop.timestamp ?? '')];
  if (Number.isNaN(startedAt) || Number.isNaN(stoppedAt)) {
    problems.push(`the events' timestamps (${show(start.timestamp)}, ${show(stop.timestamp)}) are not both ISO 8601`);
    return problems;
  }
  const gap = stoppedAt - startedAt;
  const tolerance = expect.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  if (Math.abs(duration - gap) > tolerance) problems.push(`duration_ms ${duration} is not the ${gap} ms between the start's and the stop's timestamps (±${tolerance})`);
  return problems;
}

function show(value: string | undefined): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}

export interface Recorded {
  events: ReceivedEvent[];
  refused: Array<Extract<RecordLine, { type: 'refused' }>>;
  /** Whether the fake wrote its last line on a graceful stop. */
  stopped: boolean;
}

/** What the background fake recorded so far. */
export function readRecord(file: string): Recorded {
  const record: Recorded = { events: [], refused: [], stopped: false };
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const entry = JSON.parse(line) as RecordLine;
    if (entry.type === 'event') {
      const { type: _type, ...event } = entry;
      record.events.push(event);
    } else if (entry.type === 'refused') record.refused.push(entry);
    else if (entry.type === 'stopped') record.stopped = true;
  }
  return record;
}

export interface Verdict extends Recorded {
  problems: string[];
}

/** The post step's check: the record against the expectations, refused requests included. */
export function verifyRecord(file: string, expect: Expectations): Verdict {
  if (!existsSync(file)) return { events: [], refused: [], stopped: false, problems: [`the fake Last9's record ${file} does not exist`] };
  const record = readRecord(file);
  const problems = verifyWindow(record.events, expect);
  if (record.refused.length > 0) {
    problems.push(`the fake Last9 refused ${record.refused.length} request(s): ${record.refused.map((r) => `${r.method} ${r.path} → ${r.status ?? 'no answer'}`).join('; ')}`);
  }
  return { ...record, problems };
}

export interface BackgroundFake {
  pid: number;
  url: string;
  /** The fake's own directory (under RUNNER_TEMP, else the system's temp). */
  dir: string;
  recordFile: string;
  /** What the fake printed, for when it fails. */
  logFile: string;
}

/**
 * Starts scripts/fake-last9.ts in a detached process that outlives the caller (a step) on every OS,
 * with no pipe back to it (so the runner does not wait for it), and waits until it listens.
 */
export async function startBackgroundFake(parent: string = process.env.RUNNER_TEMP || tmpdir(), timeoutMs = 30_000): Promise<BackgroundFake> {
  const dir = mkdtempSync(join(parent, 'fake-last9-'));
  const recordFile = join(dir, 'events.jsonl');
  const urlFile = join(dir, 'url');
  const logFile = join(dir, 'fake.log');
  const log = openSync(logFile, 'a');
  let child;
  try {
    // `--import tsx` runs the TypeScript in this one process (the tsx CLI would add a second).
    child = spawn(process.execPath, ['--import', 'tsx', FAKE_SCRIPT, '--record', recordFile, '--url-file', urlFile], {
      cwd: PROJECT_ROOT,
      detached: true,
      stdio: ['ignore', log, log],
      windowsHide: true,
    });
  } finally {
    closeSync(log);
  }
  let ended: string | undefined;
  child.on('error', (error) => (ended = error.message));
  child.on('exit', (code, signal) => (ended = `exit code ${code ?? signal}`));
  child.unref();
  const pid = child.pid;
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(urlFile)) {
    if (ended !== undefined || pid === undefined) {
      throw new Error(`the fake Last9 ended before it listened (${ended ?? 'no pid'}): ${readFileSync(logFile, 'utf8').trim()}`);
    }
    if (Date.now() > deadline) {
      await stopBackgroundFake(pid);
      throw new Error(`the fake Last9 did not listen within ${timeoutMs} ms: ${readFileSync(logFile, 'utf8').trim()}`);
    }
    await delay(25);
  }
  return { pid: pid as number, url: readFileSync(urlFile, 'utf8').trim(), dir, recordFile, logFile };
}

/** Whether the process runs; a zombie (ended, not yet reaped) counts as ended. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS, Windows): kill(pid, 0) said it runs
  }
}

/**
 * Stops the background fake: SIGTERM (a graceful stop on Linux and macOS; on Windows it ends the
 * process at once), SIGKILL if it is still there after `timeoutMs`. True once it has ended.
 */
export async function stopBackgroundFake(pid: number, timeoutMs = 5000): Promise<boolean> {
  for (const [signal, wait] of [['SIGTERM', timeoutMs], ['SIGKILL', 2000]] as const) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
      throw error;
    }
    const deadline = Date.now() + wait;
    while (Date.now() < deadline) {
      if (!isRunning(pid)) return true;
      await delay(25);
    }
  }
  return !isRunning(pid);
}

const STATE = { pid: 'fake_pid', record: 'fake_record', log: 'fake_log' } as const;

/** The action's inputs as expectations, or the problems with them. */
export function readExpectations(input: (name: string) => string = (name) => core.getInput(name)): Expectations {
  const result = input('expect_result');
  if (!(JOB_RESULTS as readonly string[]).includes(result)) throw new Error(`expect_result must be one of ${JOB_RESULTS.join(', ')}, not ${show(result)}`);
  const number = (name: string, fallback: number): number => {
    const text = input(name);
    if (text === '') return fallback;
    if (!/^\d+$/.test(text)) throw new Error(`${name} must be a whole number of milliseconds, not ${show(text)}`);
    return Number(text);
  };
  const [env, service] = [input('expect_env'), input('expect_service')];
  return {
    result,
    minDurationMs: number('min_duration_ms', 0),
    maxDurationMs: number('max_duration_ms', DEFAULT_MAX_DURATION_MS),
    ...(env ? { env } : {}),
    ...(service ? { service } : {}),
  };
}

/** The action's main step. */
export async function runVerifierMain(): Promise<void> {
  try {
    readExpectations();
    const fake = await startBackgroundFake();
    core.saveState(STATE.pid, String(fake.pid));
    core.saveState(STATE.record, fake.recordFile);
    core.saveState(STATE.log, fake.logFile);
    core.setOutput('url', fake.url);
    core.setOutput('refresh_token', DEFAULT_REFRESH_TOKEN);
    core.setOutput('org_slug', DEFAULT_ORG);
    core.info(`Fake Last9 listening on ${fake.url} (pid ${fake.pid}), recording to ${fake.recordFile}.`);
    core.info('The post step of this step checks what it received, after the marker\'s post step.');
  } catch (error) {
    core.setFailed(`verify-markers: ${(error as Error).message}`);
  }
}

/** The action's post step: stop the fake, check what it received, say so in the log and the job summary. */
export async function runVerifierPost(): Promise<void> {
  const problems: string[] = [];
  let verdict: Verdict = { events: [], refused: [], stopped: false, problems: [] };
  try {
    const [pid, recordFile] = [Number(core.getState(STATE.pid)), core.getState(STATE.record)];
    const started = Number.isInteger(pid) && pid > 0 && recordFile !== '';
    if (!started) problems.push('the main step did not start the fake Last9 (no pid or record in its state)');
    else if (!(await stopBackgroundFake(pid))) problems.push(`the background fake Last9 (pid ${pid}) did not stop`);
    const expect = readExpectations();
    if (started) {
      verdict = verifyRecord(recordFile, expect);
      problems.push(...verdict.problems);
      const logFile = core.getState(STATE.log);
      if (problems.length > 0 && logFile && existsSync(logFile)) core.info(`── the fake Last9's log\n${readFileSync(logFile, 'utf8')}`);
    }
    core.info(`── what the fake Last9 received: ${verdict.events.length} event(s), as the series Last9 stores them`);
    for (const event of verdict.events) core.info(toSeries(event));
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryMarkdown(expect, verdict, problems), true).write();
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length === 0) {
    core.info(`verify-markers: verified: one window, start and stop paired by deployment_id ${verdict.events[0]?.attributes.deployment_id}.`);
    return;
  }
  for (const problem of problems) core.error(`verify-markers: ${problem}`);
  core.setFailed(`verify-markers: ${problems.length} problem(s) with the markers Last9 received`);
}

/** The verifier's part of the job summary: the verdict and the events received. */
export function summaryMarkdown(expect: Expectations, verdict: Recorded, problems: readonly string[]): string {
  const lines = [
    '### Deployment marker e2e verifier',
    '',
    problems.length === 0
      ? `✅ Verified: one start and one stop of one window, \`result\` = ${html(expect.result)}, \`duration_ms\` ≥ ${expect.minDurationMs}.`
      : `❌ ${problems.length} problem(s):\n\n${problems.map((problem) => `- ${html(problem)}`).join('\n')}`,
    '',
    ...(verdict.events.length === 0 ? ['The fake Last9 received no events.'] : ['| # | event_state | timestamp | deployment_id | result | duration_ms |', '| --- | --- | --- | --- | --- | --- |']),
    ...verdict.events.map(
      (event, index) =>
        `| ${index + 1} | ${html(event.event_state)} | ${html(event.timestamp ?? '')} | ${html(event.attributes.deployment_id ?? '')} | ${html(event.attributes.result ?? '')} | ${html(event.attributes.duration_ms ?? '')} |`,
    ),
    '',
    `<details><summary>The ${verdict.events.length} event(s) the fake Last9 received</summary>`,
    '',
    `<pre>${html(JSON.stringify(verdict.events, null, 2))}</pre>`,
    '',
    '</details>',
    '',
  ];
  return lines.join('\n');
}

function html(text: string): string {
  return text.replace(/[&<>"'|`]/g, (char) => `&#${char.charCodeAt(0)};`);
}
