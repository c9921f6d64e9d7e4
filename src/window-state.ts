// What the main step hands to its post step, through the runner's GITHUB_STATE file. Each piece is
// saved as soon as it is known, so a step cancelled halfway still leaves the post step what it needs.

import * as core from '@actions/core';
import type { Attributes } from './attributes.js';
import type { AccessToken } from './last9-client.js';

export interface OpenWindow {
  deploymentId: string;
  /** ISO 8601, UTC. */
  startedAt: string;
  /** The start's attributes: the stop repeats them so the two pair up on every label. */
  attributes: Attributes;
}

export interface WindowState {
  window: OpenWindow;
  /** Undefined when the main step was interrupted before Last9 answered. */
  startDelivered?: boolean;
  accessToken?: AccessToken;
}

const WINDOW = 'window';
const ACCESS_TOKEN = 'access_token';
const START_DELIVERED = 'start_delivered';

export function saveOpenWindow(window: OpenWindow): void {
  core.saveState(WINDOW, JSON.stringify(window));
}

export function saveAccessToken(token: AccessToken): void {
  core.saveState(ACCESS_TOKEN, JSON.stringify(token));
}

export function saveStartDelivered(delivered: boolean): void {
  core.saveState(START_DELIVERED, String(delivered));
}

/** Undefined when the main step opened no window (a configuration error, or no main step at all). */
export function loadWindowState(): WindowState | undefined {
  const window = parseJson<OpenWindow>(core.getState(WINDOW));
  if (!window?.deploymentId || !window.startedAt) return undefined;
  const accessToken = parseJson<AccessToken>(core.getState(ACCESS_TOKEN));
  if (accessToken?.token) core.setSecret(accessToken.token);
  return {
    window,
    startDelivered: { true: true, false: false }[core.getState(START_DELIVERED)],
    accessToken: accessToken?.token ? accessToken : undefined,
  };
}

function parseJson<T>(text: string): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
