// Reading the action's inputs in a step: the tokens masked before anything else is printed, then
// the settings, with every input problem, warning and notice shown once per window.

import * as core from '@actions/core';
import { log } from './log.js';
import { EXIT_FAILURE, INPUT } from './names.js';
import { describeInputProblem, readSettings, type Settings } from './settings.js';
import { MIN_SECRET_LENGTH } from '../text/redact.js';

/** The inputs that hold tokens: masked first, and blanked out of any error message. */
export const TOKEN_INPUTS = [INPUT.refreshToken, INPUT.githubToken] as const;

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
  for (const problem of problems) reportInputProblem(describeInputProblem(problem), failOnError);
  return { settings, shown };
}

/** An input problem: always an error annotation; it fails the step only with fail_on_error. */
export function reportInputProblem(message: string, failOnError: boolean): void {
  log.error(message);
  if (failOnError) process.exitCode = EXIT_FAILURE;
}
