// Everything the action prints goes through here (eslint forbids calling core's printing functions
// elsewhere). The runner reads its commands out of the log: a line that starts with `::` (leading
// spaces ignored) or holds `##[` is a command, and `::stop-commands::` would switch off every later
// `::add-mask::`. A value from outside (an input, a payload, a server's answer) must never start such
// a line, so control characters become spaces and a command prefix is broken up.

import * as core from '@actions/core';
import { withoutControlCharacters } from '../text/lines.js';

/**
 * Text safe to print: each line (text may have several, e.g. a dry run's JSON) without control
 * characters, without `::` at its start and without `##[`.
 */
export function printable(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      withoutControlCharacters(line)
        .replace(/^(\s*):(?=:)/, '$1: ')
        .replace(/##\[/g, '# #['),
    )
    .join('\n');
}

export const log = {
  info: (text: string): void => core.info(printable(text)),
  debug: (text: string): void => core.debug(printable(text)),
  notice: (text: string): void => core.notice(printable(text)),
  warning: (text: string): void => core.warning(printable(text)),
  error: (text: string): void => core.error(printable(text)),
  /** From now on the runner shows `***` for the value wherever it is printed. */
  mask: (secret: string): void => core.setSecret(secret),
};
