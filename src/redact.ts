// Blanks secrets out of text that is about to reach a log, a summary or an output.

const MIN_SECRET_LENGTH = 4;

export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) result = result.split(secret).join('***');
  }
  return result;
}
