// What keeps a step from breaking the job: an unexpected error becomes one annotation, never a
// stack trace; a cancelled step says what that means for the marker and exits at once.

import * as core from '@actions/core';
import { TOKEN_INPUTS } from './inputs.js';
import { log } from './log.js';
import { EXIT_FAILURE, INPUT } from './names.js';
import { redact } from '../text/redact.js';

export function reportWarnings(warnings: readonly string[]): void {
  for (const warning of warnings) log.warning(`Last9: ${warning}`);
}

/** A warning, or with fail_on_error an error that fails the step. */
export function reportFailure(message: string, failOnError: boolean): void {
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

/** The handlers the last exitPromptlyOnCancel registered: each call replaces them. */
let cancelHandlers: Array<[signal: string, handler: () => void]> = [];

/**
 * When the runner cancels the step, says what that means for the marker now (the latest call's
 * consequence) and exits at once: whatever the post step needs is already saved.
 */
export function exitPromptlyOnCancel(consequence: string, exit: (code: number) => void = process.exit): void {
  for (const [signal, handler] of cancelHandlers) process.off(signal, handler);
  cancelHandlers = Object.entries(CANCEL_SIGNALS).map(([signal, code]) => {
    const handler = (): void => {
      log.warning(`Last9: the step was cancelled (${signal}) ${consequence}`);
      exit(code);
    };
    process.once(signal, handler);
    return [signal, handler];
  });
}

/** Runs a step body; an unexpected error becomes a one-line annotation, never a stack trace. */
export async function guard(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const tokens = TOKEN_INPUTS.map((input) => core.getInput(input).trim());
    const message = redact(error instanceof Error ? error.message : String(error), tokens);
    const failOnError = core.getInput(INPUT.failOnError).trim().toLowerCase() === 'true';
    reportFailure(`Last9: unexpected error in deployment-marker (${message}). The deploy itself is unaffected.`, failOnError);
  }
}
