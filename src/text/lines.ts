// Text from outside made one line: what labels, log lines and the job summary carry. Pure.

/** Control characters and line breaks: never part of a label value, a log line or the job summary. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

/** Each control character (line breaks too) becomes a space. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ');
}

/** The first line, trimmed, cut to maxLength characters if given; undefined if empty. */
export function firstLine(text: string | undefined, maxLength?: number): string | undefined {
  const line = text?.split(/\r?\n/)[0]?.trim();
  if (!line) return undefined;
  return maxLength === undefined ? line : [...line].slice(0, maxLength).join('');
}
