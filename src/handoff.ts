// Lets a stop step find the window that a start (or window) step opened earlier in the same job,
// with no wiring by the user: the start exports its id and time through GITHUB_ENV under a name
// derived from service, env and event name, and the stop marks it closed the same way.

import { createHash } from 'node:crypto';
import * as core from '@actions/core';
import type { Settings } from './settings.js';

export interface HandedOffWindow {
  deploymentId: string;
  /** ISO 8601, UTC. */
  startedAt?: string;
  closed?: boolean;
}

type WindowKey = Pick<Settings, 'service' | 'env' | 'eventName'>;

export function handoffVariableName({ service, env, eventName }: WindowKey): string {
  const digest = createHash('sha256').update(JSON.stringify([service, env, eventName])).digest('hex');
  return `LAST9_WINDOW_${digest.slice(0, 16).toUpperCase()}`;
}

export function readHandoff(key: WindowKey, env: Record<string, string | undefined> = process.env): HandedOffWindow | undefined {
  const text = env[handoffVariableName(key)];
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as HandedOffWindow;
    return typeof parsed.deploymentId === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function writeHandoff(key: WindowKey, window: HandedOffWindow): void {
  core.exportVariable(handoffVariableName(key), JSON.stringify(window));
}
