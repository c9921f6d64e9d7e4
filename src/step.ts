// What the main and post steps share at their edges: reading and masking inputs, reporting
// problems as annotations, cancellation, and never letting an unexpected error break the job.

import * as core from '@actions/core';
import type { Delivery } from './last9-session.js';
import { describeInputProblem } from './messages.js';
import { EXIT_FAILURE, INPUT } from './names.js';
import { MIN_SECRET_LENGTH, redact } from './redact.js';
import { readSettings, type Settings } from './settings.js';
import { log } from './log.js';

/** The inputs that hold tokens: masked first, and blanked out of any error message. */
const TOKEN_INPUTS = [INPUT.refreshToken, INPUT.githubToken] as const;

/**
 * Masks the tokens the step is given before anything else is printed: the refresh token first,
 * then the job token. A value too short to mask safely is not masked (it would blank that text
 * everywhere in the log); it is never printed either.
 */
export function maskTokens(): void {
  for (const input of TOKEN_INPUTS) {
    const token = core.getInput(input).trim();
    if (token.length >= MIN_SECRET_LENGTH) core.setSecret(token);
  }
}

export interface StepSettings {
  /** Undefined after every input problem was reported. */
  settings?: Settings;
  /** The warnings and notices this step showed, so that the post step does not repeat them. */
  shown: string[];
}

/**
 * The step's settings. Input problems are always error annotations (they fail the step only with
 * fail_on_error); warnings and notices are shown unless `alreadyShown` has them: the post step
 * reads the same inputs again and must not say twice what its main step said.
 */
export function readStepSettings(alreadyShown: readonly string[] = []): StepSettings {
  const { settings, problems, warnings, notices, failOnError } = readSettings((name) => core.getInput(name), process.env);
  const shown: string[] = [];
  const show = (texts: readonly string[], print: (message: string) => void): void => {
    for (const text of texts.map((text) => `Last9: ${text}`)) {
      if (alreadyShown.includes(text)) continue;
      print(text);
      shown.push(text);
    }
  };
  show(warnings, log.warning);
  show(notices, log.notice);
  for (const problem of problems) log.error(describeInputProblem(problem));
  if (problems.length > 0 && failOnError) process.exitCode = EXIT_FAILURE;
  return { settings, shown };
}

export function reportWarnings(warnings: readonly string[]): void {
  for (const warning of warnings) log.warning(`Last9: ${warning}`);
}

export function reportDelivery(delivery: Delivery, settings: Settings): void {
  if (!delivery.delivered) report(delivery.message, settings.failOnError);
}

/** A warning, or with fail_on_error an error that fails the step. */
function report(message: string, failOnError: boolean): void {
  if (failOnError) {
    log.error(message);
    process.exitCode = EXIT_FAILURE;
  } else {
    log.warning(message);
  }
}

/**
 * How the runner cancels a step: SIGINT, then SIGTERM 7.5 s later (on Windows it escalates with
 * Ctrl+Break, SIGBREAK, which Node can listen for there), then a kill. Exit codes as a shell reports them.
 */
export const CANCEL_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGBREAK: 149 } as const;

/**
 * When the runner cancels the step, says what that means for the marker and exits at once:
 * whatever the post step needs is already saved.
 */
export function exitPromptlyOnCancel(consequence: string, exit: (code: number) => void = process.exit): void {
  for (const [signal, code] of Object.entries(CANCEL_SIGNALS)) {
    process.once(signal, () => {
      log.warning(`Last9: the step was cancelled (${signal}) ${consequence}`);
      exit(code);
    });
  }
}

/** Runs a step body; an unexpected error becomes a one-line annotation, never a stack trace. */
export async function guard(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const tokens = TOKEN_INPUTS.map((input) => core.getInput(input).trim());
    const message = redact(error instanceof Error ? error.message : String(error), tokens);
    const failOnError = core.getInput(INPUT.failOnError).trim().toLowerCase() === 'true';
    report(`Last9: unexpected error in deployment-marker (${message}). The deploy itself is unaffected.`, failOnError);
  }
}
