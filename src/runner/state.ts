// Everything a step hands on, through the runner's files:
// - to the later steps and the workflow: its outputs (GITHUB_OUTPUT) and the job summary;
// - to its own post step (GITHUB_STATE, read back as STATE_<name>): the windows it opened (one a
//   service) and when to stop them, the access token to reuse, whether Last9 got each start, and
//   the warnings already shown;
// - to the later steps of the job (GITHUB_ENV): one record per window (start time, the start's
//   attributes, closed or not), and per service/env/event_name the ids of the windows still open,
//   newest last, so that a stop step finds its window with no wiring by the user.
// A window is its deployment id for its service, env and event name: a window reopened for the
// same service never hides that an earlier one was already closed, and two services given the
// same deployment_id are two windows. Every window gets exactly one stop.
// Whatever is read back is untrusted (any earlier step can write GITHUB_ENV) and is checked field
// by field; whatever is written stays far below what one variable may hold (32,767 characters on
// Windows; on Linux a variable over 128 KiB stops every later step from starting).

import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import * as core from '@actions/core';
import type { Attributes } from '../marker/attributes.js';
import type { AccessToken } from '../last9/client.js';
import { log } from './log.js';
import { JOB_ENV_PREFIX, OUTPUT, STATE, windowStateName } from './names.js';
import { isDeploymentId, MAX_SERVICES, type Settings } from './settings.js';
import { isoDate, isRecord } from '../text/shape.js';

export interface Window {
  deploymentId: string;
  /** ISO 8601, UTC; unknown for a window opened in another job whose start time was not given. */
  startedAt?: string;
  /** The start's attributes, which its stop repeats; unknown for a window opened in another job. */
  attributes?: Attributes;
}

export interface OpenedWindow extends Window {
  service: string;
  startedAt: string;
  attributes: Attributes;
}

/**
 * When the post step stops the windows its main step opened: always (a window step), or only when
 * the job failed or was cancelled (a start step, whose stop step may never have run).
 */
export type PostStop = 'always' | 'if-the-job-failed';

export interface PostState {
  windows: OpenedWindow[];
  stop: PostStop;
  /** Whether Last9 got each window's start; undefined when the main step was interrupted before it answered. */
  startDelivered: Array<boolean | undefined>;
  accessToken?: AccessToken;
  warningsShown: string[];
}

/** Which windows a stop step without a deployment_id may close. */
export type WindowKey = Pick<Settings, 'service' | 'env' | 'eventName'>;

/** The runner's files as @actions/core reads and writes them; tests pass an in-memory stand-in. */
export interface RunnerFiles {
  saveState(name: string, value: string): void;
  getState(name: string): string;
  exportVariable(name: string, value: string): void;
  getEnv(name: string): string | undefined;
  setOutput(name: string, value: string): void;
  /** Adds Markdown to the job summary (GITHUB_STEP_SUMMARY); nothing when the runner gives none. */
  appendSummary(markdown: string): void;
}

type WrittenFile = 'GITHUB_STATE' | 'GITHUB_ENV' | 'GITHUB_OUTPUT' | 'GITHUB_STEP_SUMMARY';

const LOST_WITH: Record<WrittenFile, string> = {
  GITHUB_STATE: "this step's post step may not learn of the window it opened, and then sends no stop for it",
  GITHUB_ENV: 'later steps of this job may not know which windows are open or already closed',
  GITHUB_OUTPUT: "later steps may miss some of this step's outputs (deployment_id, started_at, …)",
  GITHUB_STEP_SUMMARY: "the job summary does not show this window",
};

/**
 * A step's runner files, through @actions/core, which throws when one cannot be written (a full
 * disk, a path that is a directory). What that file would have handed on is lost, said in one
 * warning per file; the step goes on and still sends its event. One per step.
 */
export function runnerFiles(): RunnerFiles {
  const unwritable = new Set<WrittenFile>();
  const write = (file: WrittenFile, command: () => void): void => {
    try {
      command();
    } catch (error) {
      if (unwritable.has(file)) return;
      unwritable.add(file);
      const reason = error instanceof Error ? error.message : String(error);
      log.warning(`Last9: could not write ${file} (${reason}); ${LOST_WITH[file]}. The deploy itself is unaffected.`);
    }
  };
  return {
    saveState: (name, value) => write('GITHUB_STATE', () => core.saveState(name, value)),
    getState: (name) => core.getState(name),
    exportVariable: (name, value) => write('GITHUB_ENV', () => core.exportVariable(name, value)),
    getEnv: (name) => process.env[name],
    setOutput: (name, value) => write('GITHUB_OUTPUT', () => core.setOutput(name, value)),
    appendSummary: (markdown) => {
      const path = process.env.GITHUB_STEP_SUMMARY;
      if (path) write('GITHUB_STEP_SUMMARY', () => appendFileSync(path, markdown));
    },
  };
}

/**
 * At most this much of the warnings already shown is handed to the post step; a warning past it
 * is shown again by the post step, which costs a repeated line and nothing else.
 */
export const MAX_WARNINGS_SHOWN_CHARS = 8_000;

/**
 * The ids of the windows still open per service/env/event_name that this job keeps, the newest:
 * no real job opens more, and ids of at most 128 characters keep the list under 7,000 characters.
 */
export const MAX_OPEN_WINDOWS = 50;

interface DeploymentRecord {
  startedAt?: string;
  attributes?: Attributes;
  closed: boolean;
}

type OutputKey = keyof typeof OUTPUT;
/** Last9's earlier action named three of our outputs differently; both names are set. */
const OUTPUT_ALIASES: Partial<Record<OutputKey, OutputKey>> = { startedAt: 'startTimestamp', stoppedAt: 'stopTimestamp', delivered: 'success' };

export class StepState {
  constructor(private readonly files: RunnerFiles) {}

  setOutputs(values: Partial<Record<OutputKey, string>>): void {
    for (const [key, value] of Object.entries(values) as Array<[OutputKey, string | undefined]>) {
      if (value === undefined) continue;
      this.files.setOutput(OUTPUT[key], value);
      const alias = OUTPUT_ALIASES[key];
      if (alias) this.files.setOutput(OUTPUT[alias], value);
    }
  }

  /** What shipped, as outputs (for a Slack message or a release note), from a window's attributes. */
  setShippedOutputs(attributes: Attributes): void {
    this.setOutputs({
      previousCommitSha: attributes.previous_commit_sha,
      compareUrl: attributes.compare_url,
      commitCount: attributes.commit_count,
      leadTimeS: attributes.lead_time_s,
      prNumber: attributes.github_pr_number,
      rollback: attributes.rollback,
    });
  }

  writeSummary(markdown: string): void {
    this.files.appendSummary(markdown);
  }

  /**
   * Saves every key the post step reads, blank, before anything else can fail. The runner gives the
   * post step each key its main step saved as STATE_<name>, over any STATE_<name> an earlier step
   * put into GITHUB_ENV; a key never saved would let such a forged value through.
   */
  clearPostState(): void {
    for (const name of [...Object.values(STATE), ...Array.from({ length: MAX_SERVICES }, (_, index) => windowStateName(index))]) this.files.saveState(name, '');
  }

  /**
   * A step opened windows, a service each: later stop steps can find them, and its post step stops
   * them (`postStop`). Saved before the starts are sent, so a cancelled step loses nothing.
   */
  windowsOpened(key: Omit<WindowKey, 'service'>, windows: readonly OpenedWindow[], postStop: PostStop | undefined): void {
    if (postStop) {
      windows.forEach((window, index) => this.files.saveState(windowStateName(index), JSON.stringify(window)));
      this.files.saveState(STATE.windows, String(windows.length));
      this.files.saveState(STATE.postStop, postStop);
    }
    for (const window of windows) {
      const windowKey = { ...key, service: window.service };
      this.writeRecord(windowKey, window.deploymentId, { startedAt: window.startedAt, attributes: window.attributes, closed: false });
      this.writeOpenIds(windowKey, [...this.openIds(windowKey).filter((id) => id !== window.deploymentId), window.deploymentId]);
    }
  }

  accessTokenReceived(token: AccessToken): void {
    this.files.saveState(STATE.accessToken, JSON.stringify(token));
  }

  startDelivered(delivered: ReadonlyArray<boolean | undefined>): void {
    this.files.saveState(STATE.startDelivered, JSON.stringify(delivered));
  }

  warningsShown(warnings: readonly string[]): void {
    if (warnings.length > 0) this.files.saveState(STATE.warningsShown, JSON.stringify(withinLength(warnings, MAX_WARNINGS_SHOWN_CHARS)));
  }

  /** What the main step left its post step; undefined when it opened no window. */
  postState(): PostState | undefined {
    const count = Number(this.files.getState(STATE.windows));
    const stop = this.files.getState(STATE.postStop);
    if (!Number.isInteger(count) || count < 1 || count > MAX_SERVICES || (stop !== 'always' && stop !== 'if-the-job-failed')) return undefined;
    const windows = Array.from({ length: count }, (_, index) => openedWindowOf(parseJson(this.files.getState(windowStateName(index)))));
    if (!windows.every((window): window is OpenedWindow => window !== undefined)) return undefined;
    const delivered = parseJson(this.files.getState(STATE.startDelivered));
    const warnings = parseJson(this.files.getState(STATE.warningsShown));
    return {
      windows,
      stop,
      startDelivered: windows.map((_, index) => (Array.isArray(delivered) && typeof delivered[index] === 'boolean' ? (delivered[index] as boolean) : undefined)),
      accessToken: accessTokenOf(parseJson(this.files.getState(STATE.accessToken))),
      warningsShown: Array.isArray(warnings) ? warnings.filter((warning) => typeof warning === 'string') : [],
    };
  }

  /** What this job knows of the key's window with this id: undefined if another job opened it (or none did). */
  window(key: WindowKey, deploymentId: string): (Window & { closed: boolean }) | undefined {
    const record = parseJson(this.files.getEnv(recordName(key, deploymentId)));
    if (!isRecord(record) || typeof record.closed !== 'boolean') return undefined;
    return { deploymentId, startedAt: isoDate(record.startedAt), attributes: attributesOf(record.attributes), closed: record.closed };
  }

  /** The newest window of this job still open for the key. */
  newestOpenWindow(key: WindowKey): Window | undefined {
    for (const id of this.openIds(key).reverse()) {
      const window = this.window(key, id);
      if (window && !window.closed) return window;
    }
    return undefined;
  }

  /** Marked before the stop is sent, so that no later step sends a second one. */
  windowClosed(key: WindowKey, window: Window): void {
    this.writeRecord(key, window.deploymentId, { startedAt: window.startedAt, closed: true });
    const open = this.openIds(key);
    if (open.includes(window.deploymentId)) this.writeOpenIds(key, open.filter((id) => id !== window.deploymentId));
  }

  private writeRecord(key: WindowKey, deploymentId: string, record: DeploymentRecord): void {
    this.files.exportVariable(recordName(key, deploymentId), JSON.stringify(record));
  }

  private openIds(key: WindowKey): string[] {
    const ids = parseJson(this.files.getEnv(openIdsName(key)));
    return Array.isArray(ids) ? ids.filter(isDeploymentId) : [];
  }

  private writeOpenIds(key: WindowKey, ids: string[]): void {
    this.files.exportVariable(openIdsName(key), JSON.stringify(ids.slice(-MAX_OPEN_WINDOWS)));
  }
}

/** Environment variable names must be plain; deployment ids and service names need not be. */
function recordName({ service, env, eventName }: WindowKey, deploymentId: string): string {
  return JOB_ENV_PREFIX.deployment + digest(JSON.stringify([deploymentId, service, env, eventName]));
}

function openIdsName({ service, env, eventName }: WindowKey): string {
  return JOB_ENV_PREFIX.openWindows + digest(JSON.stringify([service, env, eventName]));
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16).toUpperCase();
}

/** The first texts whose JSON array stays within maxChars; the others are left out. */
function withinLength(texts: readonly string[], maxChars: number): string[] {
  let length = '[]'.length;
  return texts.filter((text) => {
    const added = JSON.stringify(text).length + ','.length;
    if (length + added > maxChars) return false;
    length += added;
    return true;
  });
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function attributesOf(value: unknown): Attributes | undefined {
  return isRecord(value) && Object.values(value).every((attribute) => typeof attribute === 'string') ? (value as Attributes) : undefined;
}

function openedWindowOf(value: unknown): OpenedWindow | undefined {
  if (!isRecord(value) || !isDeploymentId(value.deploymentId) || typeof value.service !== 'string') return undefined;
  const startedAt = isoDate(value.startedAt);
  return startedAt ? { deploymentId: value.deploymentId, service: value.service, startedAt, attributes: attributesOf(value.attributes) ?? {} } : undefined;
}

function accessTokenOf(value: unknown): AccessToken | undefined {
  if (!isRecord(value) || typeof value.token !== 'string' || !value.token) return undefined;
  const { token, expiresAtMs } = value;
  return typeof expiresAtMs === 'number' && Number.isFinite(expiresAtMs) ? { token, expiresAtMs } : { token };
}
