// Everything a step hands on, through the runner's files:
// - to its own post step (GITHUB_STATE, read back as STATE_<name>): the window it opened, the
//   access token to reuse, whether Last9 got the start, and the warnings already shown;
// - to the later steps of the job (GITHUB_ENV): one record per deployment id (start time, the
//   start's attributes, closed or not), and per service/env/event_name the ids of the windows
//   still open, newest last, so that a stop step finds its window with no wiring by the user.
// Keyed by deployment id, a window reopened for the same service never hides that an earlier one
// was already closed: every deployment id gets exactly one stop.

import { createHash } from 'node:crypto';
import * as core from '@actions/core';
import type { Attributes } from './attributes.js';
import type { AccessToken } from './last9-client.js';
import { JOB_ENV_PREFIX, STATE } from './names.js';
import type { Settings } from './settings.js';

export interface Window {
  deploymentId: string;
  /** ISO 8601, UTC; unknown for a window opened in another job whose start time was not given. */
  startedAt?: string;
  /** The start's attributes, which its stop repeats; unknown for a window opened in another job. */
  attributes?: Attributes;
}

export interface OpenedWindow extends Window {
  startedAt: string;
  attributes: Attributes;
}

export interface PostState {
  window: OpenedWindow;
  /** Undefined when the main step was interrupted before Last9 answered. */
  startDelivered?: boolean;
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
}

const RUNNER: RunnerFiles = {
  saveState: (name, value) => core.saveState(name, value),
  getState: (name) => core.getState(name),
  exportVariable: (name, value) => core.exportVariable(name, value),
  getEnv: (name) => process.env[name],
};

interface DeploymentRecord {
  startedAt?: string;
  attributes?: Attributes;
  closed: boolean;
}

export class StepState {
  constructor(private readonly files: RunnerFiles = RUNNER) {}

  /**
   * A start or window step opened a window: later stop steps can find it and, for a window step,
   * its post step will close it. Saved before the start is sent, so a cancelled step loses nothing.
   */
  windowOpened(key: WindowKey, window: OpenedWindow, closedByPostStep: boolean): void {
    if (closedByPostStep) this.files.saveState(STATE.window, JSON.stringify(window));
    this.writeRecord(window.deploymentId, { startedAt: window.startedAt, attributes: window.attributes, closed: false });
    this.writeOpenIds(key, [...this.openIds(key).filter((id) => id !== window.deploymentId), window.deploymentId]);
  }

  accessTokenReceived(token: AccessToken): void {
    this.files.saveState(STATE.accessToken, JSON.stringify(token));
  }

  startDelivered(delivered: boolean): void {
    this.files.saveState(STATE.startDelivered, String(delivered));
  }

  warningsShown(warnings: readonly string[]): void {
    if (warnings.length > 0) this.files.saveState(STATE.warningsShown, JSON.stringify(warnings));
  }

  /** What the main step left its post step; undefined when it opened no window. */
  postState(): PostState | undefined {
    const window = parseJson<OpenedWindow>(this.files.getState(STATE.window));
    if (typeof window?.deploymentId !== 'string' || typeof window.startedAt !== 'string') return undefined;
    const accessToken = parseJson<AccessToken>(this.files.getState(STATE.accessToken));
    const warnings = parseJson<unknown>(this.files.getState(STATE.warningsShown));
    return {
      window: { ...window, attributes: window.attributes ?? {} },
      startDelivered: { true: true, false: false }[this.files.getState(STATE.startDelivered)],
      accessToken: typeof accessToken?.token === 'string' && accessToken.token ? accessToken : undefined,
      warningsShown: Array.isArray(warnings) ? warnings.filter((warning) => typeof warning === 'string') : [],
    };
  }

  /** What this job knows of a window: undefined if another job opened it (or none did). */
  window(deploymentId: string): (Window & { closed: boolean }) | undefined {
    const record = parseJson<DeploymentRecord>(this.files.getEnv(recordName(deploymentId)));
    return record ? { deploymentId, startedAt: record.startedAt, attributes: record.attributes, closed: record.closed === true } : undefined;
  }

  /** The newest window of this job still open for the key. */
  newestOpenWindow(key: WindowKey): Window | undefined {
    for (const id of this.openIds(key).reverse()) {
      const window = this.window(id);
      if (window && !window.closed) return window;
    }
    return undefined;
  }

  /** Marked before the stop is sent, so that no later step sends a second one. */
  windowClosed(key: WindowKey, window: Window): void {
    this.writeRecord(window.deploymentId, { startedAt: window.startedAt, closed: true });
    const open = this.openIds(key);
    if (open.includes(window.deploymentId)) this.writeOpenIds(key, open.filter((id) => id !== window.deploymentId));
  }

  private writeRecord(deploymentId: string, record: DeploymentRecord): void {
    this.files.exportVariable(recordName(deploymentId), JSON.stringify(record));
  }

  private openIds(key: WindowKey): string[] {
    const ids = parseJson<unknown>(this.files.getEnv(openIdsName(key)));
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  }

  private writeOpenIds(key: WindowKey, ids: string[]): void {
    this.files.exportVariable(openIdsName(key), JSON.stringify(ids));
  }
}

/** Environment variable names must be plain; deployment ids and service names need not be. */
function recordName(deploymentId: string): string {
  return JOB_ENV_PREFIX.deployment + digest(deploymentId);
}

function openIdsName({ service, env, eventName }: WindowKey): string {
  return JOB_ENV_PREFIX.openWindows + digest(JSON.stringify([service, env, eventName]));
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16).toUpperCase();
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
