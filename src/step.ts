// What the main and post steps share at their edges: reading and masking inputs, reporting
// problems as annotations, and never letting an unexpected error break the job.

import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import type { GithubContext } from './events.js';
import type { Delivery } from './last9-session.js';
import { describeInputProblem } from './messages.js';
import { redact } from './redact.js';
import { readSettings, type Settings } from './settings.js';

/** Masks the refresh token before anything else is printed. */
export function maskRefreshToken(): void {
  const refreshToken = core.getInput('refresh_token').trim();
  if (refreshToken) core.setSecret(refreshToken);
}

/** The step's settings, or undefined after reporting every input problem. */
export function readStepSettings(): Settings | undefined {
  const { settings, problems, warnings, failOnError } = readSettings((name) => core.getInput(name), process.env);
  reportWarnings(warnings);
  // A configuration mistake is always an error annotation; it fails the step only with fail_on_error.
  for (const problem of problems) core.error(describeInputProblem(problem));
  if (problems.length > 0 && failOnError) process.exitCode = core.ExitCode.Failure;
  return settings;
}

/**
 * The runner's environment and the webhook event that started the run. The payload is read here
 * rather than through @actions/github, whose Octokit client costs every step about a third of a
 * bare Node start (see README, Benchmark) and is not otherwise needed.
 */
export function reportWarnings(warnings: readonly string[]): void {
  for (const warning of warnings) core.warning(`Last9: ${warning}`);
}

export function githubContext(): GithubContext {
  return { env: process.env, payload: readEventPayload(process.env.GITHUB_EVENT_PATH) };
}

function readEventPayload(path: string | undefined): GithubContext['payload'] {
  if (!path) return {};
  try {
    const payload: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return payload !== null && typeof payload === 'object' ? (payload as GithubContext['payload']) : {};
  } catch {
    core.debug(`Could not read the event payload at ${path}; attributes from it are left out.`);
    return {};
  }
}

export function reportDelivery(delivery: Delivery, settings: Settings): void {
  if (!delivery.delivered) report(delivery.message, settings.failOnError);
}

/** A warning, or with fail_on_error an error that fails the step. */
function report(message: string, failOnError: boolean): void {
  if (failOnError) {
    core.error(message);
    process.exitCode = core.ExitCode.Failure;
  } else {
    core.warning(message);
  }
}

/**
 * When the runner cancels the step (SIGINT, then SIGTERM), says what that means for the marker and
 * exits at once: whatever the post step needs is already saved.
 */
export function exitPromptlyOnCancel(consequence: string): void {
  const onSignal = (signal: NodeJS.Signals, code: number) => () => {
    core.warning(`Last9: the step was cancelled (${signal}) ${consequence}`);
    process.exit(code);
  };
  process.once('SIGINT', onSignal('SIGINT', 130));
  process.once('SIGTERM', onSignal('SIGTERM', 143));
}

/** Runs a step body; an unexpected error becomes a one-line annotation, never a stack trace. */
export async function guard(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error), [core.getInput('refresh_token').trim()]);
    report(`Last9: unexpected error in deployment-marker (${message}). The deploy itself is unaffected.`, core.getInput('fail_on_error').trim().toLowerCase() === 'true');
  }
}
