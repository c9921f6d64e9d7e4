// Blanks secrets out of text that is about to reach a log, a summary or an output.

const MIN_SECRET_LENGTH = 4;

export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  // Longest first, so that a secret containing another is blanked whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= MIN_SECRET_LENGTH) result = result.split(secret).join('***');
  }
  return result;
}
